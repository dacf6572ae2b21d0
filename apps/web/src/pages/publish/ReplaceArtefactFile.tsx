import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { ArtefactFileField, artefactProblems, uploadProblem } from '../../components/ArtefactFileField.js';
import { Button, ErrorSummary, type Problem } from '../../components/forms.js';
import { useFileUpload } from '../../components/use-file-upload.js';
import { ReplaceArtefactFileDocument } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';
import { useEdit } from './edit-context.js';

/** One step: upload a file as the artefact's new version, or in place of a link that stopped working. */
export function ReplaceArtefactFile() {
  const { experiment, refresh } = useEdit();
  const { artefactId } = useParams();
  const navigate = useNavigate();
  const [, replace] = useMutation(ReplaceArtefactFileDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const upload = useFileUpload();
  const artefact = experiment.artefacts.find((candidate) => candidate.id === artefactId);
  if (!artefact) return <p className="govuk-body">There is no such artefact on this experiment.</p>;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const fileProblem = uploadProblem(upload);
    if (!artefact || fileProblem || !upload.uploadId) {
      setProblems(fileProblem ? [fileProblem] : []);
      return;
    }
    const result = await replace({ id: artefact.id, version: artefact.version, uploadId: upload.uploadId });
    if (result.error) {
      setProblems(artefactProblems(result.error));
      return;
    }
    refresh();
    navigate(`/experiments/${experiment.slug}/edit/artefacts`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{artefact.title}</span>
      <h1 className="govuk-heading-l">{artefact.linkCheck?.broken ? 'Replace the link with a file' : 'Upload a new version'}</h1>
      {artefact.linkCheck?.broken && (
        <p className="govuk-body">
          The link did not work when we last checked{artefact.linkCheck.lastWorkedAt ? ` (it last worked on ${formatDate(artefact.linkCheck.lastWorkedAt)})` : ''}. Upload the
          document and Synapse will keep it instead.
        </p>
      )}
      <ArtefactFileField upload={upload} problems={problems} note="Earlier versions stay downloadable." onSelect={() => setProblems([])} />
      <Button>Save file</Button>
    </form>
  );
}
