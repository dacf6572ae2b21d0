import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CouncilsLikeDocument, WorkedInCouncilsLikeDocument, type WorkedInCouncilsLikeQuery } from '../generated/graphql.js';
import { VERDICTS } from '../labels.js';
import { QueryProblem } from '../pages/QueryProblem.js';
import { HexMap, type Place } from './HexMap.js';

type Hit = WorkedInCouncilsLikeQuery['search']['hits'][number];

function strongestWorked(hit: Hit): number | null {
  const levels = hit.experiment.outcomes.filter((o) => o.verdict === 'WORKED').map((o) => o.evidenceLevel);
  return levels.length ? Math.max(...levels) : null;
}

/** Asked for only once the council is known to have neighbours: for one without, the filter is refused. */
function WhatWorked({ name, gssCode }: { name: string; gssCode: string }) {
  const [{ data, error }] = useQuery({ query: WorkedInCouncilsLikeDocument, variables: { gssCode } });
  if (error) return <QueryProblem error={error} />;
  if (!data) return null;
  const hits = data.search.hits;
  return (
    <>
      <h2 className="govuk-heading-m">What worked in councils like {name}</h2>
      {hits.length === 0 ? (
        <p className="govuk-body">Nothing that worked has been published by councils like {name} yet.</p>
      ) : (
        <ul className="govuk-list" data-testid="worked-like">
          {hits.map((hit) => (
            <li key={hit.experiment.id} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/experiments/${hit.experiment.slug}`}>
                {hit.experiment.title}
              </Link>
              <p className="govuk-body-s govuk-!-margin-bottom-1">{hit.experiment.leadOrganisation.name}</p>
              <strong className={`govuk-tag ${VERDICTS.WORKED.tag}`}>
                {VERDICTS.WORKED.label}, evidence level {strongestWorked(hit)}
              </strong>
              <p className="govuk-body-s govuk-!-margin-bottom-0">{hit.experiment.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * "Councils like Wigan": a council's statistical neighbours with the reasons, on the hex map, and what worked
 * there, strongest evidence first. The method is in docs/councils-like-mine.md.
 */
export function CouncilsLike({ council }: { council: Place & { name: string; gssCode: string } }) {
  const [{ data, error }] = useQuery({ query: CouncilsLikeDocument, variables: { gssCode: council.gssCode } });
  if (error) return <QueryProblem error={error} />;
  const similar = data?.organisation?.similarCouncils ?? [];
  if (!data || similar.length === 0) return null;
  return (
    <section aria-labelledby="councils-like">
      <h2 className="govuk-heading-m" id="councils-like">
        Councils like {council.name}
      </h2>
      <p className="govuk-body">
        Its nearest statistical neighbours by size, density, deprivation, rurality and the kind of council it is.{' '}
        <Link className="govuk-link" to={`/search?like=${council.gssCode}`}>
          Search experiments from councils like {council.name}
        </Link>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ol className="govuk-list govuk-list--number" data-testid="councils-like">
            {similar.map((neighbour) => (
              <li key={neighbour.organisation.id}>
                <Link className="govuk-link" to={`/organisations/${neighbour.organisation.slug}`}>
                  {neighbour.organisation.name}
                </Link>
                <span className="govuk-body-s"> – {neighbour.reasons.join(', ') || 'alike overall'}</span>
              </li>
            ))}
          </ol>
        </div>
        <div className="govuk-grid-column-one-third">
          <HexMap
            places={[council]}
            related={similar.map((neighbour) => neighbour.organisation)}
            label={`Where ${council.name} is`}
            relatedLabel={`councils like ${council.name}`}
          />
        </div>
      </div>
      <WhatWorked name={council.name} gssCode={council.gssCode} />
    </section>
  );
}
