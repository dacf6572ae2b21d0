import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom, TextArea, TextInput } from '../components/forms.js';
import { ExperimentPageDocument, type ExperimentPageQuery, ForkExperimentDocument } from '../generated/graphql.js';
import { useSession } from '../session.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';
import { SignInNeeded } from './SignInPage.js';

type Adaptation = NonNullable<ExperimentPageQuery['experiment']>['viewerAdaptations'][number];

/** Adapting the same experiment twice is rarely meant: say so, and link what was already started. */
function ExistingAdaptations({ adaptations }: { adaptations: Adaptation[] }) {
  if (adaptations.length === 0) return null;
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        Your council has already adapted this:{' '}
        {adaptations.map((adaptation, index) => (
          <span key={adaptation.id}>
            {index > 0 && ', '}
            <Link className="govuk-link" to={adaptation.status === 'DRAFT' ? `/experiments/${adaptation.slug}/edit` : `/experiments/${adaptation.slug}`}>
              {adaptation.status === 'DRAFT' ? `continue your draft “${adaptation.title}”` : `“${adaptation.title}”`}
            </Link>
          </span>
        ))}
        . Start another only if it is a different adaptation.
      </strong>
    </div>
  );
}

/** /experiments/:slug/adapt: starts the viewer's council's own version of a published experiment. */
export function ForkPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: ExperimentPageDocument, variables: { slug } });
  const [adaptationNotes, setAdaptationNotes] = useState('');
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState<Problem[]>([]);
  const [{ fetching, error: forkError }, fork] = useMutation(ForkExperimentDocument);

  if (error) return <QueryProblem error={error} />;
  if (!data || session.loading) return <p className="govuk-body">Loading…</p>;
  const original = data.experiment;
  if (!original) return <NotFoundPage />;
  if (!session.member) return <SignInNeeded action="adapt this experiment" />;
  const problems = missing.length > 0 ? missing : problemsFrom(forkError, { adaptationNotes: 'What will be different', title: 'Title' });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!adaptationNotes.trim()) {
      setMissing([{ field: 'adaptationNotes', message: 'Enter what will be different for your council, and why' }]);
      return;
    }
    setMissing([]);
    const result = await fork({ input: { experimentId: original!.id, adaptationNotes, title: title.trim() || null } });
    if (result.data) navigate(`/experiments/${result.data.forkExperiment.slug}/edit`, { state: { forked: true } });
  }

  return (
    <form onSubmit={submit} noValidate>
      <title>{`Adapt ${original.title} – Synapse`}</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">
        <Link className="govuk-link govuk-link--muted" to={`/experiments/${original.slug}`}>
          {original.title}
        </Link>{' '}
        by {original.leadOrganisation.name}
      </span>
      <h1 className="govuk-heading-l">Adapt this for {session.member.organisation?.name ?? 'your organisation'}</h1>
      <ExistingAdaptations adaptations={original.viewerAdaptations} />
      <p className="govuk-body">
        This starts a draft of your own version, linked to the original so both councils’ results count towards the family’s evidence once
        yours reaches the pilot stage. Its reusable documents come with it, credited to {original.leadOrganisation.name}.
      </p>
      <p className="govuk-body">
        You then write the summary, the problem here and what you are changing in your own words: {original.leadOrganisation.name}’s are shown
        beside each question for reference, and the page will say it was adapted from theirs.
      </p>
      <TextArea
        id="adaptationNotes"
        label="What will be different, and why?"
        hint="For example: a rural area, a different partner, a smaller budget, or a change to who it serves."
        value={adaptationNotes}
        error={messageFor(problems, 'adaptationNotes')}
        onChange={setAdaptationNotes}
      />
      <TextInput id="title" label="Title (optional)" hint={`Leave blank to keep “${original.title}”.`} value={title} error={messageFor(problems, 'title')} onChange={setTitle} />
      <Button disabled={fetching}>Start my version</Button>
    </form>
  );
}
