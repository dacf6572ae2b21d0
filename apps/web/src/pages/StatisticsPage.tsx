import { useQuery } from 'urql';
import { ReportingStatisticsDocument } from '../generated/graphql.js';
import { QueryProblem } from './QueryProblem.js';

function percent(rate: { percentReported?: number | null }): string {
  return rate.percentReported === null || rate.percentReported === undefined ? 'None finished yet' : `${rate.percentReported}%`;
}

/** /statistics: how many finished pilots have reported results, overall and by service area. */
export function StatisticsPage() {
  const [{ data, error }] = useQuery({ query: ReportingStatisticsDocument });
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const overall = data.statistics.resultsReporting;
  return (
    <>
      <title>How many pilots report their results – Synapse</title>
      <h1 className="govuk-heading-l">How many pilots report their results</h1>
      <p className="govuk-body-l">
        Of the {overall.finished.toLocaleString('en-GB')} published pilots whose end date has passed,{' '}
        <strong>{overall.reported.toLocaleString('en-GB')}</strong> have reported what happened ({percent(overall)}).
      </p>
      <p className="govuk-body">
        A pilot counts as finished once its end date has passed, and as reported once its team has published at least one outcome,
        whatever the verdict. Drafts and pilots withdrawn by their team are not counted. Pilots without results are marked “results
        not yet reported” and their teams are reminded. A pilot in two service areas counts in both.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">By service area</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Service area</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Finished pilots</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Reported results</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Reporting rate</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.statistics.resultsReportingByServiceArea.map((area) => (
            <tr className="govuk-table__row" key={area.serviceAreaSlug}>
              <th scope="row" className="govuk-table__header">{area.serviceAreaName}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{area.rate.finished.toLocaleString('en-GB')}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{area.rate.reported.toLocaleString('en-GB')}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{percent(area.rate)}</td>
            </tr>
          ))}
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">All service areas</th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{overall.finished.toLocaleString('en-GB')}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{overall.reported.toLocaleString('en-GB')}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{percent(overall)}</td>
          </tr>
        </tbody>
      </table>
      <p className="govuk-body">
        The same figures are in the API: <code>statistics {'{'} resultsReporting resultsReportingByServiceArea {'}'}</code>.
      </p>
    </>
  );
}
