import { LIMITS } from '@synapse/domain';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Checks } from '../../components/checks.js';
import { ConfirmRemove } from '../../components/ConfirmRemove.js';
import { ArtefactFileField, artefactProblems, uploadProblem } from '../../components/ArtefactFileField.js';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom, Radios, Select, TextArea, TextInput } from '../../components/forms.js';
import { useFileUpload } from '../../components/use-file-upload.js';
import { AddArtefactDocument, type ArtefactType, type Licence, RemoveArtefactDocument } from '../../generated/graphql.js';
import { ARTEFACT_TYPES, LICENCES, optionsOf } from '../../labels.js';
import { AddOrContinue, useEdit } from './edit-context.js';

/** The documents and tools others can reuse, each removable, and the way to add another. */
export function Artefacts() {
  const { experiment, refresh } = useEdit();
  const [, removeArtefact] = useMutation(RemoveArtefactDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <title>{`Things others can reuse: ${experiment.title} – Synapse`}</title>
      <h1 className="govuk-heading-l">Things others can reuse</h1>
      <p className="govuk-body">Business cases, templates, evaluation reports, code: upload them or link to where they live, and say how they are licensed.</p>
      {experiment.artefacts.length === 0 ? (
        <p className="govuk-body">Nothing added yet.</p>
      ) : (
        <dl className="govuk-summary-list">
          {experiment.artefacts.map((artefact) => (
            <div className="govuk-summary-list__row" key={artefact.id}>
              <dt className="govuk-summary-list__key">{artefact.title}</dt>
              <dd className="govuk-summary-list__value">
                {ARTEFACT_TYPES[artefact.type]}, {LICENCES[artefact.licence]}
                {artefact.linkCheck?.broken && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Link not working</strong>}
              </dd>
              <dd className="govuk-summary-list__actions">
                <Link className="govuk-link govuk-!-margin-right-3" to={`/experiments/${experiment.slug}/edit/artefacts/${artefact.id}/file`}>
                  {artefact.linkCheck?.broken ? 'Replace with a file' : 'Upload a new version'}
                  <span className="govuk-visually-hidden"> of {artefact.title}</span>
                </Link>
                <ConfirmRemove
                  what={artefact.title}
                  onConfirm={async () => {
                    const result = await removeArtefact({ id: artefact.id, version: artefact.version });
                    setProblems(problemsFrom(result.error));
                    refresh();
                  }}
                />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <AddOrContinue add="artefacts/new">Add something reusable</AddOrContinue>
    </>
  );
}

export function AddArtefact() {
  const { experiment, refresh } = useEdit();
  const navigate = useNavigate();
  const [, addArtefact] = useMutation(AddArtefactDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [type, setType] = useState<ArtefactType>('TEMPLATE');
  const [licence, setLicence] = useState<Licence>('OGL_3');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<'file' | 'link'>('file');
  const upload = useFileUpload();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // Every mistake at once (the file used to be checked alone, and the title and link only after it was chosen).
    const check = new Checks();
    check.text('title', title, 'Title', { required: 'Enter a title', min: 3, max: LIMITS.titleMax });
    const fileProblem = source === 'file' ? uploadProblem(upload) : null;
    if (fileProblem) check.add(fileProblem);
    if (source === 'link') {
      check.text('url', url, 'Link', { required: 'Enter a link', max: LIMITS.urlMax });
      if (url.trim() && !/^https?:\/\/[^\s/]+\S*$/i.test(url.trim())) check.add({ field: 'url', message: 'Link must be a web address starting with https://' });
    }
    check.text('description', description, 'Description', { max: LIMITS.longTextMax });
    if (check.problems.length > 0) {
      setProblems(check.problems);
      return;
    }
    const where = source === 'file' ? { uploadId: upload.uploadId } : { url: url.trim() };
    const result = await addArtefact({
      experimentId: experiment.id,
      input: { title, ...where, type, licence, description: description.trim() || null },
    });
    if (result.error) {
      setProblems(artefactProblems(result.error, { title: 'Title', url: 'Link' }));
      return;
    }
    refresh();
    navigate(`/experiments/${experiment.slug}/edit/artefacts`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <title>{`Add something reusable: ${experiment.title} – Synapse`}</title>
      <h1 className="govuk-heading-l">Add something reusable</h1>
      <TextInput id="title" label="Title" value={title} error={messageFor(problems, 'title')} onChange={setTitle} />
      <Radios
        id="source"
        legend="How do you want to share it?"
        options={[
          { value: 'file', label: 'Upload a file', hint: 'Synapse keeps it, checks it and makes the words inside it searchable.' },
          { value: 'link', label: 'Link to where it lives' },
        ]}
        value={source}
        onChange={(value) => setSource(value as 'file' | 'link')}
      />
      {source === 'file' ? (
        <ArtefactFileField upload={upload} problems={problems} onSelect={() => setProblems((current) => current.filter((problem) => problem.field !== 'file'))} />
      ) : (
        <TextInput id="url" label="Link" hint="Where it can be downloaded or read, starting https://" type="url" spellCheck={false} value={url} error={messageFor(problems, 'url')} onChange={setUrl} />
      )}
      <Select id="type" label="What it is" options={optionsOf(ARTEFACT_TYPES)} value={type} onChange={(value) => setType(value as ArtefactType)} />
      <Select id="licence" label="Licence" hint="The Open Government Licence lets other councils reuse it freely." options={optionsOf(LICENCES)} value={licence} onChange={(value) => setLicence(value as Licence)} />
      <TextArea id="description" label="Description (optional)" rows={3} value={description} error={messageFor(problems, 'description')} onChange={setDescription} />
      <Button>Add it</Button>
    </form>
  );
}
