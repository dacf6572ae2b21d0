import { CONVERSATION_LIMITS, SERVICE_AREAS } from '@synapse/domain';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CitationPicker } from '../../components/conversation/CitationPicker.js';
import { MARKDOWN_HINT } from '../../components/conversation/ReplyForm.js';
import { Checks } from '../../components/checks.js';
import { Button, Checkboxes, ErrorSummary, messageFor, type Problem, problemsFrom, TextArea, TextInput } from '../../components/forms.js';
import { ExperimentConversationDocument, StartDiscussionDocument } from '../../generated/graphql.js';
import { useSession } from '../../session.js';

const AREA_OPTIONS = SERVICE_AREAS.map((area) => ({ value: area.slug, label: area.name }));

/** /discussions/new: ask the team behind an experiment (?experiment=id), or ask the whole network. */
export function AskPage() {
  const [params] = useSearchParams();
  const experimentId = params.get('experiment');
  const session = useSession();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: ExperimentConversationDocument, variables: { id: experimentId ?? '' }, pause: !experimentId });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [areas, setAreas] = useState<string[]>([]);
  const [citations, setCitations] = useState<{ id: string; title: string }[]>([]);
  const [state, start] = useMutation(StartDiscussionDocument);
  const [found, setFound] = useState<Problem[]>([]);
  const problems = found.length > 0 ? found : problemsFrom(state.error, { title: 'Your question', body: 'Details', serviceAreas: 'Service area' });
  const experiment = data?.experiment ?? null;

  if (!session.member && !session.loading) {
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Sign in
        </Link>{' '}
        to ask a question.
      </p>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <title>{experiment ? 'Ask the team a question – Synapse' : 'Ask the network a question – Synapse'}</title>
        <ErrorSummary problems={problems} />
        <span className="govuk-caption-l">{experiment ? experiment.title : 'Questions'}</span>
        <h1 className="govuk-heading-l">{experiment ? `Ask ${experiment.leadOrganisation.name} a question` : 'Ask the network a question'}</h1>
        <p className="govuk-body">
          {experiment
            ? 'Questions and answers are public, so the next council with the same question finds the answer. The team is told about your question.'
            : 'For example “Has anyone tried…?”. People who follow the service areas you choose are told about it.'}
        </p>
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            // Every mistake at once: the API checks the same, but its checks past the first kind come a round later.
            const check = new Checks();
            check.text('title', title, 'Your question', { required: 'Enter your question', min: CONVERSATION_LIMITS.discussionTitleMin, max: CONVERSATION_LIMITS.discussionTitleMax });
            check.text('body', body, 'Details', { required: 'Enter the details of your question', max: CONVERSATION_LIMITS.postBodyMax });
            if (!experiment && areas.length === 0) check.add({ field: 'serviceAreas', message: 'Select at least one service area' });
            if (!experiment && areas.length > CONVERSATION_LIMITS.topicsMax) check.add({ field: 'serviceAreas', message: `Select no more than ${CONVERSATION_LIMITS.topicsMax} service areas` });
            setFound(check.problems);
            if (check.problems.length > 0) return;
            const result = await start({
              input: { experimentId: experiment?.id ?? null, title, body, serviceAreas: experiment ? null : areas, citations: citations.map((c) => c.id) },
            });
            if (result.data) navigate(`/discussions/${result.data.startDiscussion.id}`);
          }}
        >
          <TextInput id="title" label="Your question" hint={`In one sentence, ${CONVERSATION_LIMITS.discussionTitleMin} to ${CONVERSATION_LIMITS.discussionTitleMax} characters.`} value={title} onChange={setTitle} error={messageFor(problems, 'title')} />
          <TextArea id="body" label="Details" hint={MARKDOWN_HINT} value={body} onChange={setBody} rows={8} error={messageFor(problems, 'body')} />
          {!experiment && (
            <Checkboxes id="serviceAreas" legend="Which service areas is it about?" hint="Choose at least one." options={AREA_OPTIONS} values={areas} onChange={setAreas} small error={messageFor(problems, 'serviceAreas')} />
          )}
          <CitationPicker chosen={citations} onChange={setCitations} error={messageFor(problems, 'citations.0')} />
          <Button disabled={state.fetching}>Ask question</Button>
        </form>
      </div>
    </div>
  );
}
