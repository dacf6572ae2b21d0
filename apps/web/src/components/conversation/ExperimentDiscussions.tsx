import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExperimentConversationDocument } from '../../generated/graphql.js';
import { useSession } from '../../session.js';
import { DiscussionList } from './DiscussionList.js';
import { InterestEntries } from './InterestEntries.js';

/** The conversation on an experiment page: its questions, the questions it helped answer, and (for the team) who is interested. */
export function ExperimentDiscussions({ experimentId }: { experimentId: string }) {
  const session = useSession();
  const [{ data }, reexecute] = useQuery({ query: ExperimentConversationDocument, variables: { id: experimentId } });
  const experiment = data?.experiment;
  if (!experiment) return null;
  const entries = experiment.interest.entries;
  return (
    <>
      <h2 className="govuk-heading-m" id="discussion">
        Questions and answers
      </h2>
      {experiment.discussions.nodes.length > 0 ? (
        <DiscussionList discussions={experiment.discussions.nodes} showExperiment={false} />
      ) : (
        <p className="govuk-body">No questions yet. {session.member ? 'Ask the team what you would need to know to try it.' : ''}</p>
      )}
      {session.member && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/discussions/new?experiment=${experiment.id}`}>
            Ask the team a question
          </Link>
        </p>
      )}
      {experiment.citedIn.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Cited as evidence in</h3>
          <DiscussionList discussions={experiment.citedIn} />
        </>
      )}
      {entries && entries.length > 0 && <InterestEntries experimentId={experiment.id} entries={entries} onChange={() => reexecute({ requestPolicy: 'network-only' })} />}
    </>
  );
}
