import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ExperimentPageDocument } from '../generated/graphql.js';
import { EVIDENCE_LEVELS, STAGES, VERDICTS } from '../labels.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';

function formatNumber(value: number | null, unit: string | null): string {
  if (value === null) return 'not reported';
  return unit ? `${value.toLocaleString('en-GB')} ${unit}` : value.toLocaleString('en-GB');
}

export function ExperimentPage() {
  const { slug = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: ExperimentPageDocument, variables: { slug } });
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  const experiment = data?.experiment;
  if (!experiment) return <NotFoundPage />;

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: experiment.title,
    description: experiment.summary,
    url: `${window.location.origin}/experiments/${experiment.slug}`,
    sponsor: { '@type': 'GovernmentOrganization', name: experiment.leadOrganisation.name },
  };

  return (
    <>
      <title>{`${experiment.title} – Synapse`}</title>
      {/* JSON.stringify output cannot close the script element once "<" is escaped. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replaceAll('<', '\\u003c') }} />
      <span className="govuk-caption-l">
        <Link className="govuk-link govuk-link--muted" to={`/organisations/${experiment.leadOrganisation.slug}`}>
          {experiment.leadOrganisation.name}
        </Link>
      </span>
      <h1 className="govuk-heading-l">{experiment.title}</h1>
      <p className="govuk-body-l">{experiment.summary}</p>
      {experiment.familySummary.summary && (
        <div className="govuk-inset-text">{experiment.familySummary.summary}</div>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Stage</dt>
          <dd className="govuk-summary-list__value">{STAGES[experiment.stage]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Service areas</dt>
          <dd className="govuk-summary-list__value">{experiment.serviceAreas.map((area) => area.name).join(', ')}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Dates</dt>
          <dd className="govuk-summary-list__value">
            {experiment.startDate ?? 'Not given'}
            {experiment.endDate && ` to ${experiment.endDate}`}
          </dd>
        </div>
        {experiment.contactName && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Contact</dt>
            <dd className="govuk-summary-list__value">
              {experiment.contactName}
              {experiment.contactRole && `, ${experiment.contactRole}`}
            </dd>
          </div>
        )}
      </dl>
      <h2 className="govuk-heading-m">The problem</h2>
      <p className="govuk-body" style={{ whiteSpace: 'pre-line' }}>
        {experiment.problem}
      </p>
      <h2 className="govuk-heading-m">What they tried</h2>
      <p className="govuk-body" style={{ whiteSpace: 'pre-line' }}>
        {experiment.approach}
      </p>
      <h2 className="govuk-heading-m">Outcomes</h2>
      {experiment.outcomes.length === 0 && <p className="govuk-body">No outcomes published yet.</p>}
      {experiment.outcomes.map((outcome) => (
        <section key={outcome.id} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">
            {outcome.title}{' '}
            <strong className={`govuk-tag ${VERDICTS[outcome.verdict].tag}`}>{VERDICTS[outcome.verdict].label}</strong>
          </h3>
          <p className="govuk-body">
            {EVIDENCE_LEVELS[outcome.evidenceLevel]}
            {outcome.independentEvaluation ? ' Independently evaluated.' : ''}
          </p>
          {outcome.measures.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Measures</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Measure</th>
                  <th scope="col" className="govuk-table__header">Before</th>
                  <th scope="col" className="govuk-table__header">After</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {outcome.measures.map((measure) => (
                  <tr className="govuk-table__row" key={measure.name}>
                    <th scope="row" className="govuk-table__header">
                      {measure.name}
                      {measure.period && <span className="govuk-body-s"> ({measure.period})</span>}
                    </th>
                    <td className="govuk-table__cell">{formatNumber(measure.baseline, measure.unit)}</td>
                    <td className="govuk-table__cell">{formatNumber(measure.result, measure.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {outcome.whatWorked && (
            <>
              <h4 className="govuk-heading-s">What worked</h4>
              <p className="govuk-body">{outcome.whatWorked}</p>
            </>
          )}
          {outcome.whatDidNotWork && (
            <>
              <h4 className="govuk-heading-s">What did not work</h4>
              <p className="govuk-body">{outcome.whatDidNotWork}</p>
            </>
          )}
        </section>
      ))}
      {experiment.artefacts.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Things you can reuse</h2>
          <ul className="govuk-list">
            {experiment.artefacts.map((artefact) => (
              <li key={artefact.id}>
                <a className="govuk-link" href={artefact.url} rel="noopener noreferrer nofollow">
                  {artefact.title}
                </a>{' '}
                <span className="govuk-body-s">
                  ({artefact.type.toLowerCase().replaceAll('_', ' ')}, {artefact.licence.replaceAll('_', ' ')})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
