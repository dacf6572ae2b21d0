import { useQuery } from 'urql';
import { MyFollowsDocument, type FollowTarget } from '../generated/graphql.js';
import { useSession } from '../session.js';
import { FollowButton } from './FollowButton.js';

export interface Topic {
  target: FollowTarget;
  key: string;
  /** Words for the button, like "Adult social care" or "the theme “prevention”". */
  what: string;
}

/**
 * Follow buttons for councils, service areas and themes: following one tells you when an experiment is published
 * there. Whether you follow each comes from your list of follows (fetched again after any change, see urql.ts).
 * Shown only to signed-in people.
 */
export function FollowTopics({ topics, heading }: { topics: Topic[]; heading?: string }) {
  const session = useSession();
  const [{ data }] = useQuery({ query: MyFollowsDocument, pause: !session.member });
  if (!session.member || topics.length === 0 || !data) return null;
  const following = new Set(data.myFollows.map((follow) => `${follow.target}:${follow.targetKey}`));
  return (
    <div className="synapse-follow-topics">
      {heading && <h2 className="govuk-heading-s">{heading}</h2>}
      <ul className="govuk-list">
        {topics.map((topic) => (
          <li key={`${topic.target}:${topic.key}`}>
            <span className="govuk-!-margin-right-2">{topic.what}</span>
            <FollowButton target={topic.target} targetKey={topic.key} following={following.has(`${topic.target}:${topic.key.toLowerCase()}`) || following.has(`${topic.target}:${topic.key}`)} what={topic.what} />
          </li>
        ))}
      </ul>
    </div>
  );
}
