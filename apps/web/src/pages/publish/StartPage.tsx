import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, Checkboxes, ErrorSummary, messageFor, problemsFrom, TextArea, TextInput } from '../../components/forms.js';
import { CreateExperimentDocument, ServiceAreasDocument } from '../../generated/graphql.js';
import { useSession } from '../../session.js';
import { SignInNeeded } from '../SignInPage.js';

/** /publish: starts a draft from the three things every experiment needs; the task list does the rest. */
export function StartPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [serviceAreas, setServiceAreas] = useState<string[]>([]);
  const [{ data: areas }] = useQuery({ query: ServiceAreasDocument });
  const [{ fetching, error }, create] = useMutation(CreateExperimentDocument);
  const problems = problemsFrom(error, { title: 'Title', summary: 'Summary', serviceAreas: 'Service areas' });

  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!session.member) return <SignInNeeded action="publish an experiment" />;
  if (!session.canPublish) {
    return (
      <>
        <h1 className="govuk-heading-l">You cannot publish yet</h1>
        <p className="govuk-body">
          Editors at a council or partner organisation can publish. Ask an admin at your organisation to make you an editor, or{' '}
          <Link className="govuk-link" to="/account">
            ask to join an organisation
          </Link>
          .
        </p>
      </>
    );
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await create({ input: { title, summary, serviceAreas } });
    if (result.data) navigate(`/experiments/${result.data.createExperiment.slug}/edit`, { state: { saved: 'About the experiment' } });
  }

  return (
    <form onSubmit={submit} noValidate>
      <title>Publish an experiment – Synapse</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{session.member.organisation?.name}</span>
      <h1 className="govuk-heading-l">Publish an experiment</h1>
      <p className="govuk-body">
        Start with the basics. It is saved as a draft that only your organisation can see; you can add the rest, in any order, before you publish.
      </p>
      <TextInput id="title" label="Title" hint="Say what you tried, in plain words, like “Housing First for people sleeping rough”." value={title} error={messageFor(problems, 'title')} onChange={setTitle} />
      <TextArea id="summary" label="Summary" hint="Two or three sentences: what you did and what happened." value={summary} error={messageFor(problems, 'summary')} onChange={setSummary} />
      <Checkboxes
        id="serviceAreas"
        legend="Service areas"
        hint="Select all that apply."
        small
        options={(areas?.serviceAreas ?? []).map((area) => ({ value: area.slug, label: area.name }))}
        values={serviceAreas}
        error={messageFor(problems, 'serviceAreas')}
        onChange={setServiceAreas}
      />
      <Button disabled={fetching}>Save and continue</Button>
    </form>
  );
}
