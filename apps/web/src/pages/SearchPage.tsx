import { useRef } from 'react';
import { DiscussionResults, HitConversation } from '../components/conversation/SearchConversation.js';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SearchPageDocument, type SearchFilter, type SearchSort } from '../generated/graphql.js';
import { FACETS, facetValueLabel, STAGES, VERDICTS } from '../labels.js';
import { QueryProblem } from './QueryProblem.js';
import { CouncilsLikeMineFilter, likeFilter } from '../components/CouncilsLikeMineFilter.js';
import { SearchForm } from './SearchForm.js';

const PAGE_SIZE = 20;
const SORTS: Record<SearchSort, string> = { RELEVANCE: 'Best match', NEWEST: 'Newest', STRONGEST_EVIDENCE: 'Strongest evidence' };

/** The whole state lives in the URL (q, sort, after and one parameter per facet), so results can be shared. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const sort = (params.get('sort') as SearchSort | null) ?? 'RELEVANCE';
  const filter: Record<string, string[]> = {};
  for (const field of Object.keys(FACETS)) {
    const values = params.getAll(field);
    if (values.length > 0) filter[field] = values;
  }
  const [{ data, error, fetching }] = useQuery({
    query: SearchPageDocument,
    variables: { query, filter: { ...filter, ...likeFilter(params) } as SearchFilter, sort, first: PAGE_SIZE, after: params.get('after') },
  });

  const toggle = (field: string, value: string) => {
    const next = new URLSearchParams(params);
    const current = next.getAll(field);
    next.delete(field);
    for (const v of current.includes(value) ? current.filter((c) => c !== value) : [...current, value]) next.append(field, v);
    next.delete('after');
    setParams(next);
  };
  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key !== 'after') next.delete('after');
    return `/search?${next}`;
  };

  // While a changed search loads, keep showing the last results (and the filters just ticked) instead of
  // emptying the page; the status line says it is searching.
  const lastResult = useRef(data?.search);
  if (data?.search) lastResult.current = data.search;
  const result = data?.search ?? (fetching ? lastResult.current : undefined);
  return (
    <>
      <title>{query ? `${query} – search – Synapse` : 'Search experiments – Synapse'}</title>
      <h1 className="govuk-heading-l">Search experiments</h1>
      <SearchForm key={query} initial={query} />
      <QueryProblem error={error} />
      {result?.degraded && (
        <div className="govuk-notification-banner" role="region" aria-labelledby="degraded-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="degraded-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Search is running in a simpler mode for now: results match whole words only and may be less complete.
            </p>
          </div>
        </div>
      )}
      {result && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <h2 className="govuk-heading-m">Filter</h2>
            <CouncilsLikeMineFilter />
            {Object.entries(FACETS).map(([field, heading]) => {
              const facet = result.facets.find((f) => f.field === field);
              if (!facet || facet.values.length === 0) return null;
              return (
                <div className="govuk-form-group" key={field}>
                  <fieldset className="govuk-fieldset">
                    <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{heading}</legend>
                    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                      {facet.values.map(({ value, count }) => {
                        const id = `facet-${field}-${value}`;
                        return (
                          <div className="govuk-checkboxes__item" key={value}>
                            <input
                              className="govuk-checkboxes__input"
                              id={id}
                              type="checkbox"
                              checked={(filter[field] ?? []).includes(value)}
                              onChange={() => toggle(field, value)}
                            />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                              {facetValueLabel(field, value)} ({count})
                            </label>
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                </div>
              );
            })}
          </div>
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body" role="status">
              {fetching ? 'Searching…' : `About ${result.estimatedTotal.toLocaleString('en-GB')} experiments`}
            </p>
            <p className="govuk-body-s">
              Sort by:{' '}
              {(Object.keys(SORTS) as SearchSort[]).map((key, index) => (
                <span key={key}>
                  {index > 0 && ' · '}
                  {key === sort ? (
                    <strong>{SORTS[key]}</strong>
                  ) : (
                    <Link className="govuk-link" to={withParam('sort', key)}>
                      {SORTS[key]}
                    </Link>
                  )}
                </span>
              ))}
            </p>
            <ul className="govuk-list">
              {result.hits.map((hit) => (
                <li key={hit.experiment.id} className="govuk-!-margin-bottom-6">
                  <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                    <Link className="govuk-link" to={`/experiments/${hit.experiment.slug}`}>
                      {hit.experiment.title}
                    </Link>
                  </h2>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {hit.experiment.leadOrganisation.name} · {STAGES[hit.experiment.stage]}
                    {hit.familySize > 1 && ` · tried in ${hit.familySize} places`}
                  </p>
                  {hit.experiment.outcomes.map((outcome) => (
                    <strong key={outcome.id} className={`govuk-tag ${VERDICTS[outcome.verdict].tag} govuk-!-margin-right-1`}>
                      {VERDICTS[outcome.verdict].label}, evidence level {outcome.evidenceLevel}
                    </strong>
                  ))}
                  <HitConversation experiment={hit.experiment} />
                  {hit.highlights.slice(0, 1).map((highlight) => (
                    // The API escapes the text and adds only <mark> around matches (see SearchHighlight).
                    <p
                      key={highlight.field}
                      className="govuk-body synapse-snippet govuk-!-margin-top-2"
                      dangerouslySetInnerHTML={{ __html: highlight.snippet }}
                    />
                  ))}
                </li>
              ))}
            </ul>
            {result.hits.length === 0 && <p className="govuk-body">No experiments match. Try fewer words or fewer filters.</p>}
            <DiscussionResults query={query} />
            {(params.get('after') || result.pageInfo.hasNextPage) && (
              <nav className="govuk-pagination govuk-pagination--block" aria-label="Results pages">
                {params.get('after') && (
                  <div className="govuk-pagination__prev">
                    <Link className="govuk-link govuk-pagination__link" to={withParam('after', null)}>
                      <span className="govuk-pagination__link-title">First page</span>
                    </Link>
                  </div>
                )}
                {result.pageInfo.hasNextPage && result.pageInfo.endCursor && (
                  <div className="govuk-pagination__next">
                    <Link className="govuk-link govuk-pagination__link" rel="next" to={withParam('after', result.pageInfo.endCursor)}>
                      <span className="govuk-pagination__link-title">Next page</span>
                    </Link>
                  </div>
                )}
              </nav>
            )}
          </div>
        </div>
      )}
    </>
  );
}
