import { useRef } from 'react';
import { DiscussionResults } from '../components/conversation/SearchConversation.js';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SearchFilters } from '../components/search/SearchFilters.js';
import { SearchHitItem } from '../components/search/SearchHitItem.js';
import { SearchPagination } from '../components/search/SearchPagination.js';
import { SearchReading } from '../components/search/SearchReading.js';
import { SaveSearch } from '../components/search/SaveSearch.js';
import { SearchPageDocument, type SearchFilter, type SearchSort } from '../generated/graphql.js';
import { FACETS } from '../labels.js';
import { CouncilsLikeMineFilter, LIKE_PARAM, likeFilter } from '../components/CouncilsLikeMineFilter.js';
import { FreshnessFilters, freshnessFilter } from '../components/search/FreshnessFilters.js';
import { PageMeta } from '../components/PageMeta.js';
import { QueryProblem } from './QueryProblem.js';
import { SearchForm } from './SearchForm.js';

const PAGE_SIZE = 20;
const SORTS: Record<SearchSort, string> = { RELEVANCE: 'Best match', NEWEST: 'Newest', STRONGEST_EVIDENCE: 'Strongest evidence' };
const NUMERIC = new Set(['deprivationQuintiles']);

/** The whole state lives in the URL (q, exact, sort, after and one parameter per filter), so results can be shared. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const sort = (params.get('sort') as SearchSort | null) ?? 'RELEVANCE';
  const minEvidenceLevel = params.get('minEvidenceLevel');
  const selected: Record<string, string[]> = {};
  for (const field of Object.keys(FACETS)) {
    const values = params.getAll(field);
    if (values.length > 0) selected[field] = values;
  }
  const filter: Record<string, unknown> = Object.fromEntries(
    Object.entries(selected).map(([field, values]) => [field, NUMERIC.has(field) ? values.map(Number) : values]),
  );
  if (minEvidenceLevel) filter.minEvidenceLevel = Number(minEvidenceLevel);
  const searchFilter = { ...filter, ...likeFilter(params), ...freshnessFilter(params) } as SearchFilter;
  const [{ data, error, fetching }] = useQuery({
    query: SearchPageDocument,
    variables: {
      query,
      filter: searchFilter,
      sort,
      first: PAGE_SIZE,
      after: params.get('after'),
      exact: params.get('exact') === '1',
    },
  });

  const toggle = (field: string, value: string) => {
    const next = new URLSearchParams(params);
    const current = next.getAll(field);
    next.delete(field);
    for (const v of current.includes(value) ? current.filter((c) => c !== value) : [...current, value]) next.append(field, v);
    next.delete('after');
    setParams(next);
  };
  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    if (!('after' in changes)) next.delete('after');
    return `/search?${next}`;
  };
  const filtered = Object.keys(selected).length || minEvidenceLevel || params.get('like') || Object.keys(freshnessFilter(params)).length;
  const clearHref = filtered ? `/search?${new URLSearchParams({ q: query })}` : null;

  // While a changed search loads, keep showing the last results (and the filters just ticked) instead of
  // emptying the page; the status line says it is searching.
  const lastResult = useRef(data?.search);
  if (data?.search) lastResult.current = data.search;
  const result = data?.search ?? (fetching ? lastResult.current : undefined);
  return (
    <>
      <PageMeta
        title={query ? `${query} – search` : 'Search experiments'}
        description="Search what UK councils tried and what happened, by topic, place, verdict and strength of evidence."
      />
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
            <SearchFilters
              facets={result.facets}
              selected={selected}
              minEvidenceLevel={minEvidenceLevel}
              toggle={toggle}
              setMinEvidence={(level) => setParams(new URLSearchParams(href({ minEvidenceLevel: level }).slice('/search?'.length)))}
              clearHref={clearHref}
              more={<FreshnessFilters />}
              keep={['q', 'sort', 'exact', LIKE_PARAM].flatMap((name) => (params.get(name) ? [[name, params.get(name)!] as [string, string]] : []))}
            >
              <CouncilsLikeMineFilter />
            </SearchFilters>
          </div>
          <div className="govuk-grid-column-two-thirds">
            {result.interpretation && <SearchReading interpretation={result.interpretation} href={href} />}
            <p className="govuk-body" role="status">
              {fetching ? 'Searching…' : `About ${result.estimatedTotal.toLocaleString('en-GB')} experiment${result.estimatedTotal === 1 ? '' : 's'}`}
            </p>
            <SaveSearch key={params.toString()} query={query} filter={searchFilter} />
            <p className="govuk-body-s">
              Sort by:{' '}
              {(Object.keys(SORTS) as SearchSort[]).map((key, index) => (
                <span key={key}>
                  {index > 0 && ' · '}
                  {key === sort ? (
                    <strong>{SORTS[key]}</strong>
                  ) : (
                    <Link className="govuk-link" to={href({ sort: key })}>
                      {SORTS[key]}
                    </Link>
                  )}
                </span>
              ))}
            </p>
            <ul className="govuk-list">
              {result.hits.map((hit) => (
                <SearchHitItem key={hit.experiment.id} hit={hit} />
              ))}
            </ul>
            {result.hits.length === 0 && <p className="govuk-body">No experiments match. Try fewer words or fewer filters.</p>}
            <DiscussionResults query={query} />
            <SearchPagination
              firstHref={params.get('after') ? href({ after: null }) : null}
              nextHref={result.pageInfo.hasNextPage && result.pageInfo.endCursor ? href({ after: result.pageInfo.endCursor }) : null}
            />
          </div>
        </div>
      )}
    </>
  );
}
