import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AttentionDocument, type AttentionQuery } from '../generated/graphql.js';
import { formatDate } from '../labels.js';
import { useSession } from '../session.js';
import { QueryProblem } from './QueryProblem.js';
import { SignInNeeded } from './SignInPage.js';

type Item = AttentionQuery['attention'][number];

function ItemLine({ item }: { item: Item }) {
  switch (item.__typename) {
    case 'ReviewDueItem':
      return (
        <>
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/experiments/${item.experiment.slug}`}>{item.experiment.title}</Link>
          <span className="govuk-!-display-block">Review due since {formatDate(item.dueOn)}: check it is still accurate, or update it.</span>
        </>
      );
    case 'ResultsOverdueItem':
      return (
        <>
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/experiments/${item.experiment.slug}`}>{item.experiment.title}</Link>
          <span className="govuk-!-display-block">Ended {formatDate(item.endDate)} with no results reported: add an outcome.</span>
        </>
      );
    case 'JoinRequestItem':
      return (
        <>
          <strong>{item.joinRequest.member.name}</strong> asked to join on {formatDate(item.joinRequest.createdAt)}
          {item.joinRequest.message && `: “${item.joinRequest.message}”`}
        </>
      );
    default:
      return null; // a kind this client does not know yet
  }
}

const SECTIONS: Array<{ kind: Item['__typename']; heading: string }> = [
  { kind: 'ResultsOverdueItem', heading: 'Results not yet reported' },
  { kind: 'ReviewDueItem', heading: 'Due for review' },
  { kind: 'JoinRequestItem', heading: 'Requests to join' },
];

/** /attention: what needs the organisation's editors and admins. */
export function AttentionPage() {
  const session = useSession();
  const [{ data, error }] = useQuery({ query: AttentionDocument, pause: !session.canPublish });
  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!session.member) return <SignInNeeded action="see what needs your attention" />;
  if (!session.canPublish) return <p className="govuk-body">This page is for editors and admins of an organisation.</p>;
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const organisation = session.member.organisation;
  return (
    <>
      <title>Needs your attention – Synapse</title>
      <h1 className="govuk-heading-l">Needs your attention</h1>
      {data.attention.length === 0 && <p className="govuk-body">Nothing needs {organisation?.name ?? 'your organisation'} at the moment.</p>}
      {SECTIONS.map(({ kind, heading }) => {
        const items = data.attention.filter((item) => item.__typename === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`attention-${kind}`}>
            <h2 className="govuk-heading-m" id={`attention-${kind}`}>{heading} ({items.length})</h2>
            <ul className="govuk-list govuk-list--spaced">
              {items.map((item, index) => (
                <li key={index}>
                  <ItemLine item={item} />
                </li>
              ))}
            </ul>
            {kind === 'JoinRequestItem' && organisation && (
              <p className="govuk-body"><Link className="govuk-link" to={`/organisations/${organisation.slug}/manage`}>Decide requests to join</Link></p>
            )}
          </section>
        );
      })}
      <p className="govuk-body">You can switch reminders about these off in <Link className="govuk-link" to="/account">your account</Link>.</p>
    </>
  );
}
