import type { EntityManager } from '../../db/orm.js';
import { similarCodes } from '../similar-council/similar-council.service.js';
import type { SearchIndex } from './search-index.js';
import type { SearchFilter } from './search.inputs.js';
import { decodeOffset, encodeOffset, search, type SearchArgs } from './search.service.js';
import type { Facet, SearchResult } from './search.types.js';

function mergeFacets(a: Facet[], b: Facet[]): Facet[] {
  const fields = new Map<string, Map<string, number>>();
  for (const facet of [...a, ...b]) {
    const counts = fields.get(facet.field) ?? new Map<string, number>();
    for (const { value, count } of facet.values) counts.set(value, (counts.get(value) ?? 0) + count);
    fields.set(facet.field, counts);
  }
  return [...fields].map(([field, counts]) => ({
    field,
    values: [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1)),
  }));
}

/**
 * A search that ranks experiments led by or run in a council's nearest neighbours first, each part in the
 * search's own order: the matches split in two (like / not like), read one after the other across pages.
 */
export async function searchPreferringSimilar(
  em: EntityManager,
  index: SearchIndex | null,
  args: SearchArgs,
  preferSimilarTo: string,
): Promise<SearchResult> {
  const codes = similarCodes(preferSimilarTo, args.filter?.similarCount, 'preferSimilarTo', 'filter.similarCount');
  const offset = decodeOffset(args.after);
  const part = (extra: { onlyCouncils?: string[]; exceptCouncils?: string[] }, from: number, first: number) =>
    search(em, index, { ...args, filter: { ...args.filter, ...extra } as SearchFilter, first, after: from ? encodeOffset(from) : null });
  const near = await part({ onlyCouncils: codes }, offset, args.first);
  const nearTotal = near.estimatedTotal;
  const rest = await part({ exceptCouncils: codes }, Math.max(0, offset - nearTotal), args.first - near.hits.length);
  const total = nearTotal + rest.estimatedTotal;
  const hits = [...near.hits, ...rest.hits];
  const next = offset + hits.length;
  return {
    hits,
    estimatedTotal: total,
    facets: mergeFacets(near.facets, rest.facets),
    degraded: near.degraded || rest.degraded,
    interpretation: near.interpretation ?? rest.interpretation,
    pageInfo: {
      hasNextPage: next < total,
      hasPreviousPage: offset > 0,
      startCursor: hits.length ? encodeOffset(offset) : null,
      endCursor: hits.length ? encodeOffset(next) : null,
    },
  };
}
