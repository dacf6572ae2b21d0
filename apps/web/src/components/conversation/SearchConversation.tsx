import { Link } from 'react-router';
import { useQuery } from 'urql';
import { type HitConversationFragment, SearchDiscussionsDocument } from '../../generated/graphql.js';
import { DiscussionList } from './DiscussionList.js';
import { InterestSummary } from './InterestSummary.js';

/** Under a search hit: "2 councils are trying this too", and how many questions it has. */
export function HitConversation({ experiment }: { experiment: HitConversationFragment }) {
  if (experiment.interest.total === 0 && experiment.discussionCount === 0) return null;
  return (
    <div className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1">
      <InterestSummary interest={experiment.interest} small />
      {experiment.discussionCount > 0 && (
        <span className="govuk-!-display-block">
          {experiment.discussionCount} {experiment.discussionCount === 1 ? 'question' : 'questions'} asked
        </span>
      )}
    </div>
  );
}

/** The search page's "Discussions" section: questions and answers matching the same words. */
export function DiscussionResults({ query }: { query: string }) {
  const [{ data }] = useQuery({ query: SearchDiscussionsDocument, variables: { query, first: 5 }, pause: !query.trim() });
  const hits = data?.searchDiscussions.hits ?? [];
  if (!query.trim() || hits.length === 0) return null;
  return (
    <section aria-labelledby="discussion-results" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="discussion-results">
        Discussions
      </h2>
      <DiscussionList discussions={hits} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/questions?q=${encodeURIComponent(query)}`}>
          See all {data?.searchDiscussions.estimatedTotal} matching questions
        </Link>
      </p>
    </section>
  );
}
