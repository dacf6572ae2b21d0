import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExperimentFreshnessDocument, type MeasureComparisonStatus } from '../../generated/graphql.js';
import { EVALUATION_DESIGNS, EVIDENCE_LEVELS, formatDate } from '../../labels.js';
import { formatFigure } from '../MeasureChart.js';

export const COMPARISON_STATUS: Record<MeasureComparisonStatus, { label: string; tag: string }> = {
  REPORTED: { label: 'Reported', tag: 'govuk-tag--green' },
  AWAITING_RESULTS: { label: 'Awaiting results', tag: 'govuk-tag--grey' },
  DROPPED: { label: 'Not reported', tag: 'govuk-tag--orange' },
  ADDED_AFTER_REGISTRATION: { label: 'Added after registration', tag: 'govuk-tag--yellow' },
};

function registeredInWords(measure: { baseline?: number | null; unit?: string | null; goodDirection: string }): string {
  const baseline = measure.baseline === null || measure.baseline === undefined ? 'No baseline' : `Baseline ${formatFigure(measure.baseline, measure.unit ?? null)}`;
  return `${baseline}, ${measure.goodDirection === 'UP' ? 'higher' : 'lower'} is better`;
}

/**
 * What the team registered before results, against what its outcomes report; for the team, before any
 * outcome, a link to register.
 */
export function RegisteredMeasures({ slug }: { slug: string }) {
  const [{ data }] = useQuery({ query: ExperimentFreshnessDocument, variables: { slug } });
  const experiment = data?.experiment;
  if (!experiment) return null;
  const registration = experiment.registration;
  if (!registration) {
    if (!experiment.viewerCan.edit || experiment.outcomes.length > 0) return null;
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to={`/experiments/${experiment.slug}/register`}>
          Register what you will measure
        </Link>{' '}
        before the results are in, so readers can see you reported what you planned to.
      </p>
    );
  }
  return (
    <section aria-labelledby="registered-measures">
      <h2 className="govuk-heading-m" id="registered-measures">
        Registered before the results
      </h2>
      <p className="govuk-body">
        On {formatDate(registration.registeredAt)} the team registered what it would measure, to be evaluated by{' '}
        {EVALUATION_DESIGNS[registration.evaluationDesign].toLowerCase()}, aiming for {(EVIDENCE_LEVELS[registration.targetEvidenceLevel]?.replace(/:.*/s, '') ?? `level ${registration.targetEvidenceLevel}`).toLowerCase()}{' '}
        evidence. A registration cannot be changed afterwards.
      </p>
      {registration.evaluationPlan && <p className="govuk-body synapse-prose">{registration.evaluationPlan}</p>}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Registered measures against reported results</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Measure</th>
            <th scope="col" className="govuk-table__header">Registered</th>
            <th scope="col" className="govuk-table__header">Reported</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {(experiment.measureComparison ?? []).map((row) => (
            <tr className="govuk-table__row" key={row.name}>
              <th scope="row" className="govuk-table__header">{row.name}</th>
              <td className="govuk-table__cell">
                {row.registered ? registeredInWords(row.registered) : 'Not registered'}
              </td>
              <td className="govuk-table__cell">
                {row.reported ? `${formatFigure(row.reported.baseline ?? null, row.reported.unit ?? null)} to ${formatFigure(row.reported.result ?? null, row.reported.unit ?? null)}` : '—'}
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${COMPARISON_STATUS[row.status].tag}`}>{COMPARISON_STATUS[row.status].label}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
