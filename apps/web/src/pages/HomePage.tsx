import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HomeDocument } from '../generated/graphql.js';
import { PageMeta } from '../components/PageMeta.js';
import { QueryProblem } from './QueryProblem.js';
import { SearchForm } from './SearchForm.js';

export function HomePage() {
  const [{ data, error }] = useQuery({ query: HomeDocument });
  return (
    <>
      <PageMeta
        title="What councils tried, and what happened"
        description="An open network where UK councils publish the experiments they run, what happened (failures too), and what others can reuse."
      />
      <h1 className="govuk-heading-xl">Find what other councils tried, and what happened</h1>
      <p className="govuk-body-l">
        Councils publish their experiments here: what they tried, what they measured, what worked and what did not,
        and the documents you can reuse.
      </p>
      <SearchForm large />
      <QueryProblem error={error} />
      {data && (
        <>
          <dl className="govuk-grid-row govuk-!-margin-bottom-6">
            {(
              [
                ['Experiments published', data.statistics.publishedExperiments],
                ['Councils', data.statistics.councils],
                ['Outcomes published', data.statistics.outcomesPublished],
                ['Adaptations by other councils', data.statistics.forks],
              ] as const
            ).map(([label, value]) => (
              <div className="govuk-grid-column-one-quarter" key={label}>
                <dt className="govuk-body">{label}</dt>
                <dd className="govuk-heading-l synapse-headline">{value.toLocaleString('en-GB')}</dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body">
            <Link className="govuk-link" to="/statistics">How many finished pilots have reported their results</Link>
          </p>
          <h2 className="govuk-heading-m">New experiments</h2>
          <ul className="govuk-list">
            {data.experiments.nodes.map((experiment) => (
              <li key={experiment.id} className="govuk-!-margin-bottom-4">
                <Link className="govuk-link govuk-!-font-weight-bold" to={`/experiments/${experiment.slug}`}>
                  {experiment.title}
                </Link>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {experiment.leadOrganisation.name}: {experiment.summary}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
