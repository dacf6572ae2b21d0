import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PostView } from '../../components/conversation/PostView.js';
import { ReportQueueDocument } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';
import { QueryProblem } from '../QueryProblem.js';

/** /moderation: open reports, oldest first; moderators hide or restore each post with a reason. */
export function ModerationPage() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ReportQueueDocument, variables: { open: true } });
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  const reports = data?.postReports.nodes ?? [];
  return (
    <>
      <title>Reported posts – Synapse</title>
      <h1 className="govuk-heading-l">Reported posts</h1>
      <p className="govuk-body">
        {reports.length === 0 ? 'Nothing is waiting for a moderator.' : `${data?.postReports.totalCount} open ${data?.postReports.totalCount === 1 ? 'report' : 'reports'}, oldest first.`} Hiding a post or
        restoring it resolves its reports; every decision and its reason is kept in the audit log.
      </p>
      {reports.map((report) => (
        <section key={report.id} className="govuk-!-margin-bottom-8" aria-labelledby={`report-${report.id}`}>
          <h2 className="govuk-heading-s" id={`report-${report.id}`}>
            Reported by <bdi>{report.reporter.name}</bdi> on {formatDate(report.createdAt)}: “<bdi>{report.reason}</bdi>”
          </h2>
          <p className="govuk-body-s">
            In{' '}
            <Link className="govuk-link" to={`/discussions/${report.post.discussion.id}`}>
              {report.post.discussion.title}
            </Link>
          </p>
          <PostView post={report.post} discussionId={report.post.discussion.id} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
        </section>
      ))}
    </>
  );
}
