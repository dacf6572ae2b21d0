import { Link } from 'react-router';
import type { DiscussionSummaryFragment } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';

/** A list of discussions with what a reader needs to choose one: answered or not, replies, where, when. */
export function DiscussionList({ discussions, showExperiment = true }: { discussions: DiscussionSummaryFragment[]; showExperiment?: boolean }) {
  return (
    <ul className="govuk-list">
      {discussions.map((discussion) => (
        <li key={discussion.id} className="govuk-!-margin-bottom-4">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/discussions/${discussion.id}`}>
            <bdi>{discussion.title}</bdi>
          </Link>{' '}
          {discussion.answered ? <strong className="govuk-tag govuk-tag--green">Answered</strong> : <strong className="govuk-tag govuk-tag--grey">Not answered yet</strong>}
          <span className="govuk-body-s govuk-!-display-block synapse-secondary-text">
            Asked by <bdi>{discussion.author.name}</bdi>
            {showExperiment && discussion.experiment && (
              <>
                {' '}about <bdi>{discussion.experiment.title}</bdi>
              </>
            )}
            {!discussion.experiment && discussion.serviceAreas.length > 0 && <> in {discussion.serviceAreas.map((area) => area.name.toLowerCase()).join(', ')}</>}. {discussion.replyCount}{' '}
            {discussion.replyCount === 1 ? 'reply' : 'replies'}, last active {formatDate(discussion.lastActivityAt)}.
          </span>
        </li>
      ))}
    </ul>
  );
}
