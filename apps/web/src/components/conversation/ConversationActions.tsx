import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExperimentConversationDocument } from '../../generated/graphql.js';
import { useSession } from '../../session.js';
import { InterestForm } from './InterestForm.js';
import { InterestSummary } from './InterestSummary.js';

/**
 * Near the top of a published experiment: how many councils are interested, "Ask the team a question" and
 * "We're trying this too". Its own query, so the experiment page only places it.
 */
export function ConversationActions({ experimentId }: { experimentId: string }) {
  const session = useSession();
  const [{ data }] = useQuery({ query: ExperimentConversationDocument, variables: { id: experimentId } });
  const experiment = data?.experiment;
  if (!experiment) return null;
  const organisation = session.member?.organisation ?? null;
  const canRecordInterest = organisation !== null && organisation.id !== experiment.leadOrganisation.id;
  return (
    <div className="govuk-!-margin-bottom-6">
      <InterestSummary interest={experiment.interest} />
      {session.member ? (
        <div className="govuk-button-group">
          <Link className="govuk-button govuk-button--secondary" to={`/discussions/new?experiment=${experiment.id}`}>
            Ask the team a question
          </Link>
          {experiment.discussionCount > 0 && (
            <a className="govuk-link" href="#discussion">
              Read {experiment.discussionCount} {experiment.discussionCount === 1 ? 'question' : 'questions'} already asked
            </a>
          )}
        </div>
      ) : (
        !session.loading && (
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              Sign in
            </Link>{' '}
            to ask the team a question or say your council is trying this too.
          </p>
        )
      )}
      {canRecordInterest && (
        <details className="govuk-details" open={Boolean(experiment.interest.mine)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">We’re trying this too</span>
          </summary>
          <div className="govuk-details__text">
            <InterestForm experimentId={experiment.id} organisationName={organisation.name} mine={experiment.interest.mine ?? null} />
          </div>
        </details>
      )}
    </div>
  );
}
