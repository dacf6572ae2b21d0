import type { MultiSearchQuery } from 'meilisearch';
import type { EntityManager } from '../../db/orm.js';
import { breakerFor } from '../search/search-breaker.js';
import { searchFallback } from '../search/search-fallback.js';
import type { SearchIndex } from '../search/search-index.js';
import { engineParams, encodeOffset } from '../search/search.service.js';
import { type SearchFilter, SearchSort } from '../search/search.inputs.js';
import { syncExperiments } from '../search/search-sync.js';
import { understandSearch } from '../search/query-understanding.js';
import type { SavedSearch } from './saved-search.entity.js';

/** Searches sent to Meilisearch in one multi-search request. */
const ENGINE_BATCH = 100;

const argsOf = (saved: SavedSearch, reviewCutoff: string) => ({
  query: saved.query,
  filter: saved.filter as SearchFilter,
  sort: SearchSort.RELEVANCE,
  first: 1,
  reviewCutoff,
});

/** Each saved search as the search page would send it to Meilisearch, narrowed to one experiment; null if it no longer can be (a council gone). */
function engineQuery(index: SearchIndex, saved: SavedSearch, experimentId: string, reviewCutoff: string): MultiSearchQuery | null {
  try {
    const args = argsOf(saved, reviewCutoff);
    const understood = understandSearch(args.query, args.filter, false);
    const { filter, ...params } = engineParams(args, 0, understood);
    return {
      ...params,
      indexUid: index.uid,
      q: understood.engineQuery,
      filter: [...((filter as string[] | undefined) ?? []), `id = ${JSON.stringify(experimentId)}`],
      facets: [],
      limit: 1,
      offset: 0,
      attributesToRetrieve: ['id'],
      showRankingScore: false,
    };
  } catch {
    return null;
  }
}

/**
 * The engine to match with, once the experiment's current state is in it: the publication's own sync job may not
 * have run yet, so it is indexed here first (waiting for Meilisearch to apply it), once per matching job, so the
 * searches see what the search page will. Null when the engine cannot take it: the database matches instead.
 */
export async function engineForMatching(em: EntityManager, index: SearchIndex | null, experimentId: string): Promise<SearchIndex | null> {
  if (!index) return null;
  try {
    await breakerFor(index).run(() => syncExperiments(em.fork(), index, [experimentId]));
    return index;
  } catch {
    return null;
  }
}

async function engineMatches(index: SearchIndex, experimentId: string, searches: SavedSearch[], reviewCutoff: string): Promise<SavedSearch[]> {
  const matched: SavedSearch[] = [];
  const asked = searches.map((saved) => [saved, engineQuery(index, saved, experimentId, reviewCutoff)] as const).filter(([, query]) => query !== null);
  for (let start = 0; start < asked.length; start += ENGINE_BATCH) {
    const batch = asked.slice(start, start + ENGINE_BATCH);
    const { results } = await breakerFor(index).run(() => index.client.multiSearch({ queries: batch.map(([, query]) => query!) }));
    batch.forEach(([saved], position) => {
      if (results[position]?.hits.length) matched.push(saved);
    });
  }
  return matched;
}

async function databaseMatches(em: EntityManager, experimentId: string, searches: SavedSearch[], reviewCutoff: string): Promise<SavedSearch[]> {
  const matched: SavedSearch[] = [];
  for (const saved of searches) {
    try {
      const result = await searchFallback(em, { ...argsOf(saved, reviewCutoff), onlyIds: [experimentId] }, 0, encodeOffset);
      if (result.hits.length > 0) matched.push(saved);
    } catch {
      // A filter that can no longer be searched (a council gone) matches nothing.
    }
  }
  return matched;
}

/**
 * The saved searches a newly published experiment matches: each run as the search page runs it, narrowed to that
 * experiment — through Meilisearch (same relevance rules, typos and synonyms), or, when it cannot answer, through the
 * database's full-text search, as the search page's degraded mode does.
 */
export async function matchingSearches(
  em: EntityManager,
  /** From engineForMatching: null to match in the database. */
  index: SearchIndex | null,
  experimentId: string,
  searches: SavedSearch[],
  reviewCutoff: string,
): Promise<{ matched: SavedSearch[]; degraded: boolean }> {
  if (searches.length === 0) return { matched: [], degraded: false };
  if (index) {
    try {
      return { matched: await engineMatches(index, experimentId, searches, reviewCutoff), degraded: false };
    } catch {
      // Unreachable, failing or its breaker open: ask the database instead.
    }
  }
  return { matched: await databaseMatches(em, experimentId, searches, reviewCutoff), degraded: true };
}
