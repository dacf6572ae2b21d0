import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ReasonForm } from '../../components/conversation/ReasonForm.js';
import { PostView } from '../../components/conversation/PostView.js';
import { ReplyForm } from '../../components/conversation/ReplyForm.js';
import { Button } from '../../components/forms.js';
import { DiscussionDocument, FollowDiscussionDocument, LockDiscussionDocument } from '../../generated/graphql.js';
import { useSession } from '../../session.js';
import { PageMeta } from '../../components/PageMeta.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { QueryProblem } from '../QueryProblem.js';

/** /discussions/:id: a question and its replies, oldest first, with what the viewer may do. */
export function DiscussionPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({ query: DiscussionDocument, variables: { id } });
  const [following, follow] = useMutation(FollowDiscussionDocument);
  const [locking, lock] = useMutation(LockDiscussionDocument);
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  const discussion = data?.discussion;
  if (!discussion) return <NotFoundPage />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <PageMeta title={discussion.title} type="article" description={discussion.posts.nodes.find((post) => post.opening && !post.hidden && !post.deletedAt)?.body ?? null} />
      <link rel="alternate" type="application/atom+xml" title="Replies to this discussion" href={`/feeds/discussions/${discussion.id}.atom`} />
      <span className="govuk-caption-l">
        {discussion.experiment ? (
          <>
            A question to {discussion.experiment.leadOrganisation.name} about{' '}
            <Link className="govuk-link govuk-link--muted" to={`/experiments/${discussion.experiment.slug}`}>
              {discussion.experiment.title}
            </Link>
          </>
        ) : (
          <>A question to the network: {discussion.serviceAreas.map((area) => area.name).join(', ')}</>
        )}
      </span>
      <h1 className="govuk-heading-l" dir="auto">
        {discussion.title}
      </h1>
      <p className="govuk-body">
        {discussion.answered ? <strong className="govuk-tag govuk-tag--green">Answered</strong> : <strong className="govuk-tag govuk-tag--grey">Not answered yet</strong>}
        {discussion.hidden && <> <strong className="govuk-tag govuk-tag--red">Hidden by a moderator</strong></>}
        {discussion.themes.length > 0 && <span className="govuk-body-s"> Themes: {discussion.themes.join(', ')}</span>}
      </p>
      {discussion.lockedAt && (
        <div className="govuk-inset-text">
          This discussion is locked: no more replies. {discussion.lockReason && <>Reason: <bdi>{discussion.lockReason}</bdi></>}
        </div>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {discussion.posts.nodes.map((post) => (
            <PostView key={post.id} post={post} discussionId={discussion.id} onChanged={reload} />
          ))}
          {discussion.viewerCan.reply && <ReplyForm discussionId={discussion.id} onReplied={reload} />}
          {!session.member && !session.loading && (
            <p className="govuk-body">
              <Link className="govuk-link" to="/sign-in">
                Sign in
              </Link>{' '}
              to reply.
            </p>
          )}
        </div>
        <div className="govuk-grid-column-one-third">
          {discussion.viewerCan.follow && (
            <Button type="button" secondary disabled={following.fetching} onClick={() => void follow({ input: { discussionId: discussion.id, follow: !discussion.viewerFollows } })}>
              {discussion.viewerFollows ? 'Stop following' : 'Follow'}
              <span className="govuk-visually-hidden"> this discussion</span>
            </Button>
          )}
          {discussion.viewerCan.moderate && (
            <ReasonForm
              id="lock-reason"
              summary={discussion.lockedAt ? 'Unlock this discussion' : 'Lock this discussion'}
              submit={discussion.lockedAt ? 'Unlock' : 'Lock'}
              busy={locking.fetching}
              error={locking.error}
              onSubmit={async (reason) => {
                const result = await lock({ input: { discussionId: discussion.id, locked: !discussion.lockedAt, reason } });
                if (!result.error) reload();
              }}
            />
          )}
          <p className="govuk-body-s">
            <a className="govuk-link" href={`/feeds/discussions/${discussion.id}.atom`}>
              Atom feed of this discussion
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
