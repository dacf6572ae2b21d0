import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '../components/forms.js';
import { CoEditorInvitationAnswer } from '../components/conversation/CoEditorInvitationAnswer.js';
import { MarkNotificationsReadDocument, NotificationsDocument } from '../generated/graphql.js';
import { formatDate } from '../labels.js';
import { useSession } from '../session.js';
import { QueryProblem } from './QueryProblem.js';
import { SignInNeeded } from './SignInPage.js';

/** /notifications: what happened to the experiments, councils and topics you follow, newest first. */
export function NotificationsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const after = params.get('after');
  const [{ data, error }, reexecute] = useQuery({ query: NotificationsDocument, variables: { after }, pause: !session.member });
  const [{ fetching }, markRead] = useMutation(MarkNotificationsReadDocument);
  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!session.member) return <SignInNeeded action="see your notifications" />;
  if (error) return <QueryProblem error={error} />;
  const notifications = data?.notifications;
  return (
    <>
      <title>Notifications – Synapse</title>
      <h1 className="govuk-heading-l">Notifications</h1>
      {!notifications ? (
        <p className="govuk-body">Loading…</p>
      ) : notifications.totalCount === 0 ? (
        <p className="govuk-body">
          Nothing yet. Follow experiments or councils to hear when they publish results, change stage or are adapted elsewhere.
        </p>
      ) : (
        <>
          {data.unreadNotificationCount > 0 && (
            <Button
              secondary
              type="button"
              disabled={fetching}
              onClick={async () => {
                await markRead({});
                reexecute({ requestPolicy: 'network-only' });
                session.refresh();
              }}
            >
              Mark all as read
            </Button>
          )}
          <ul className="govuk-list">
            {notifications.nodes.map((notification) => (
              <li key={notification.id} className="synapse-notification">
                {!notification.readAt && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-2">New</strong>}
                {notification.discussion ? (
                  <Link className="govuk-link" to={`/discussions/${notification.discussion.id}`}>
                    {notification.message}
                  </Link>
                ) : notification.experiment ? (
                  <Link className="govuk-link" to={`/experiments/${notification.experiment.slug}`}>
                    {notification.message}
                  </Link>
                ) : (
                  notification.message
                )}
                <span className="govuk-body-s govuk-!-display-block synapse-secondary-text">{formatDate(notification.createdAt)}</span>
                {notification.coEditorInvitation && <CoEditorInvitationAnswer invitation={notification.coEditorInvitation} experiment={notification.experiment} />}
              </li>
            ))}
          </ul>
          {(after || notifications.pageInfo.hasNextPage) && (
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of notifications">
              {after && (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to="/notifications">
                    <span className="govuk-pagination__link-title">Newest</span>
                  </Link>
                </div>
              )}
              {notifications.pageInfo.hasNextPage && (
                <div className="govuk-pagination__next">
                  <button type="button" className="govuk-link govuk-pagination__link synapse-link-button" onClick={() => setParams({ after: notifications.pageInfo.endCursor ?? '' })}>
                    <span className="govuk-pagination__link-title">Older</span>
                  </button>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
