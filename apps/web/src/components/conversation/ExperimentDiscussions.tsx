import { Link } from 'react-router';
import { useQuery } from 'urql';
import { INTEREST_LEVEL_LABELS } from '@synapse/domain';
import { ExperimentConversationDocument } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';
import { useSession } from '../../session.js';
import { DiscussionList } from './DiscussionList.js';

/** The conversation on an experiment page: its questions, the questions it helped answer, and (for the team) who is interested. */
export function ExperimentDiscussions({ experimentId }: { experimentId: string }) {
  const session = useSession();
  const [{ data }] = useQuery({ query: ExperimentConversationDocument, variables: { id: experimentId } });
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
      {entries && entries.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Who is interested (only your team sees this)</h3>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Organisations interested in this experiment</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Organisation</th>
                <th scope="col" className="govuk-table__header">How far</th>
                <th scope="col" className="govuk-table__header">Note</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.map((entry) => (
                <tr key={entry.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/organisations/${entry.organisation.slug}`}>
                      {entry.organisation.name}
                    </Link>
                    <span className="govuk-body-s govuk-!-display-block">
                      <bdi>{entry.member.name}</bdi>
                      {entry.member.jobTitle && `, ${entry.member.jobTitle}`}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    {INTEREST_LEVEL_LABELS[entry.level].label}
                    <span className="govuk-body-s govuk-!-display-block">since {formatDate(entry.updatedAt)}</span>
                  </td>
                  <td className="govuk-table__cell synapse-prose">
                    <bdi>{entry.note ?? ''}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/discussions/new?experiment=${experiment.id}`}>
              Start a discussion with them
            </Link>
          </p>
        </>
      )}
    </>
  );
}
