import { useMutation } from 'urql';
import { FollowDocument, type FollowTarget, UnfollowDocument } from '../generated/graphql.js';
import { Button } from './forms.js';

/** Follow or stop following; the cache updates `following` (see urql.ts), so nothing needs fetching again. */
export function FollowButton({ target, targetKey, following, what }: {
  target: FollowTarget;
  targetKey: string;
  following: boolean;
  what: string;
}) {
  const [followState, follow] = useMutation(FollowDocument);
  const [unfollowState, unfollow] = useMutation(UnfollowDocument);
  const busy = followState.fetching || unfollowState.fetching;
  return (
    <Button
      type="button"
      secondary
      disabled={busy}
      onClick={async () => {
        const input = { target, key: targetKey };
        await (following ? unfollow({ input }) : follow({ input }));
      }}
    >
      {following ? 'Stop following' : 'Follow'}
      <span className="govuk-visually-hidden"> {what}</span>
    </Button>
  );
}
