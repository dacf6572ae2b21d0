import { useRef } from 'react';
import { DiscussionResults } from '../components/conversation/SearchConversation.js';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SearchFilters } from '../components/search/SearchFilters.js';
import { SearchHitItem } from '../components/search/SearchHitItem.js';
import { SearchPagination } from '../components/search/SearchPagination.js';
import { SearchReading } from '../components/search/SearchReading.js';
import { SaveSearch } from '../components/search/SaveSearch.js';
import { SearchPageDocument, type SearchSort } from '../generated/graphql.js';
import { CouncilsLikeMineFilter, LIKE_PARAM } from '../components/CouncilsLikeMineFilter.js';
import { FreshnessFilters } from '../components/search/FreshnessFilters.js';
import { searchHref, searchStateFrom, toggledParams } from '../components/search/search-state.js';
import { SearchSortLinks } from '../components/search/SearchSortLinks.js';
import { Banner } from '../components/forms.js';
import { PageMeta } from '../components/PageMeta.js';
import { QueryProblem } from './QueryProblem.js';
import { SearchForm } from './SearchForm.js';

const PAGE_SIZE = 20;

/** The whole state lives in the URL (search-state.ts), so results can be shared. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const { query, selected, minEvidenceLevel, filter: searchFilter, clearHref } = searchStateFrom(params);
  const sort = (params.get('sort') as SearchSort | null) ?? 'RELEVANCE';
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

  const toggle = (field: string, value: string) => setParams(toggledParams(params, field, value));
  const href = (changes: Record<string, string | null>) => searchHref(params, changes);

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
      {/* Search answers from the database when the search engine cannot (search-fallback.ts in the API). */}
      {result?.degraded && <Banner title="Search is running in a simpler mode for now: results match whole words only and may be less complete." />}
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
            <SearchSortLinks sort={sort} href={href} />
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
