import { freshnessSql } from '../freshness/freshness-search.js';
import { ExperimentStatus } from '@synapse/domain';
import { experimentIndexSettings } from '@synapse/search';
import { type EntityManager, isPostgres } from '../../db/orm.js';
import { EMPTY_PAGE } from '../../graphql/connection.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { experimentFilterConditions } from '../experiment/experiment-filter.js';
import type { SimilarFilter } from '../similar-council/similar-council.service.js';
import { type SearchFilter, SearchSort } from './search.inputs.js';
import type { SearchResult } from './search.types.js';

/**
 * Degraded search: what answers when Meilisearch cannot (down, hung, breaker open). It uses the database's own
 * full-text search over `experiment_search_text` (see search-text.ts) — SQLite FTS5 with the Porter stemmer,
 * or PostgreSQL's English `tsvector` with `websearch_to_tsquery` and `ts_rank_cd` — and applies every filter
 * the engine does, with totals counted up to the engine's cap and offset paging. No typo tolerance, synonyms,
 * facets or highlights.
 */

interface Where {
  clauses: string[];
  params: unknown[];
}

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function inList(where: Where, column: string, values: readonly unknown[] | null | undefined): void {
  if (!values?.length) return;
  where.clauses.push(`${column} in (${marks(values)})`);
  where.params.push(...values);
}

/**
 * Every SearchFilter field (experiment-filter.ts, the mapping the experiments list uses too) as a condition on
 * `experiments e`: published, not withdrawn, and among the experiments the filter selects.
 */
export function filterSql(em: EntityManager, filter: (SearchFilter & SimilarFilter) | null | undefined): Where {
  const where: Where = { clauses: ['e.status = ?', 'e.withdrawn_at is null'], params: [ExperimentStatus.PUBLISHED] };
  const conditions = experimentFilterConditions(filter, isPostgres(em));
  if (conditions.length === 0) return where;
  // The query builder's filter type is its own alias-aware variant of FilterQuery; the conditions are plain ones.
  const selected = em.createQueryBuilder(Experiment, 'f').select('f.id').where({ $and: conditions } as never).toQuery();
  where.clauses.push(`e.id in (${selected.sql})`);
  where.params.push(...selected.params);
  return where;
}

/** The words of a query as an FTS5 expression: each word quoted (so no user text is FTS5 syntax), all required. */
export function fts5Query(query: string): string {
  return (query.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 20).map((word) => `"${word}"`).join(' ');
}

/** The matching experiments and their rank (higher is better), as a subquery `m`, or null to match everything. */
function matchSql(query: string, postgres: boolean): { sql: string; params: unknown[] } | null {
  if (postgres) {
    if (!query.trim()) return null;
    return {
      sql: `select t.experiment_id, ts_rank_cd(t.document, q.query) as rank from experiment_search_text t, websearch_to_tsquery('english', ?) as q(query) where t.document @@ q.query`,
      params: [query],
    };
  }
  const expression = fts5Query(query);
  if (!expression) return null;
  // bm25 is lower-is-better; a title match weighs ten times a body match.
  return {
    sql: `select t.experiment_id, -bm25(experiment_search_fts, 10.0, 1.0) as rank from experiment_search_fts join experiment_search_text t on t.id = experiment_search_fts.rowid where experiment_search_fts match ?`,
    params: [expression],
  };
}

/** As the engine's `pagination.maxTotalHits`: totals stop counting here. */
const MAX_TOTAL_HITS = experimentIndexSettings().pagination?.maxTotalHits ?? 1000;

const MAX_EVIDENCE = '(select max(o.evidence_level) from outcomes o where o.experiment_id = e.id)';

function orderSql(sort: SearchSort, ranked: boolean): string {
  if (sort === SearchSort.STRONGEST_EVIDENCE) return `coalesce(${MAX_EVIDENCE}, 0) desc, e.published_at desc, e.id desc`;
  if (sort === SearchSort.RELEVANCE && ranked) return 'm.rank desc, e.published_at desc, e.id desc';
  return 'e.published_at desc, e.id desc';
}

export interface FallbackArgs {
  query: string;
  filter?: SearchFilter | null;
  sort: SearchSort;
  first: number;
  /** For filter.excludeOverdueReview (freshness-rules.ts reviewCutoff). */
  reviewCutoff?: string;
  /** Only these experiments (saved-search matching asks about one). */
  onlyIds?: string[];
}

/** A page of degraded results: every filter, full-text matching with the database's stemmer, totals as the engine's. */
export async function searchFallback(
  em: EntityManager,
  args: FallbackArgs,
  offset: number,
  encodeOffset: (offset: number) => string,
): Promise<SearchResult> {
  const postgres = isPostgres(em);
  const platform = em.getPlatform();
  const where = filterSql(em, args.filter);
  freshnessSql(where, args.filter, args.reviewCutoff, (date) => platform.processDateProperty(date));
  inList(where, 'e.id', args.onlyIds);
  const match = matchSql(args.query, postgres);
  // On SQLite the matches are worked out first, once (a materialised CTE): as a subquery joined beside a filter's
  // `e.id in (…)`, SQLite's planner ran the full-text search row by row and took seconds (measured: 3.5 s against
  // 31 ms for "toolkit" with an artefact-type filter on 10,000 experiments). PostgreSQL plans the subquery well.
  const matched = match && !postgres ? `with m as materialized (${match.sql}) ` : '';
  const joinMatch = match ? (postgres ? ` join (${match.sql}) m on m.experiment_id = e.id` : ' join m on m.experiment_id = e.id') : '';
  const from = `experiments e join organisations lead on lead.id = e.lead_organisation_id${joinMatch}`;
  const params = [...(match?.params ?? []), ...where.params];
  const condition = where.clauses.join(' and ');
  const connection = em.getConnection();
  // Counted up to the engine's own cap (maxTotalHits), which also bounds the cost of a very broad query.
  const [counted] = await connection.execute<{ total: number | string }[]>(
    `${matched}select count(*) as total from (select 1 from ${from} where ${condition} limit ${MAX_TOTAL_HITS}) as capped`,
    params,
  );
  const total = Number(counted?.total ?? 0);
  const rows =
    args.first === 0
      ? []
      : await connection.execute<{ id: string }[]>(
          `${matched}select e.id from ${from} where ${condition} order by ${orderSql(args.sort, !!match)} limit ? offset ?`,
          [...params, args.first, offset],
        );
  const loaded = rows.length ? await em.find(Experiment, { id: { $in: rows.map((row) => row.id) } }) : [];
  const byId = new Map(loaded.map((experiment) => [experiment.id, experiment]));
  const experiments = rows.map((row) => byId.get(row.id)).filter((experiment) => experiment !== undefined);
  const next = offset + rows.length;
  return {
    hits: experiments.map((experiment) => ({ experiment, highlights: [], matchedFields: [], familySize: 1 })),
    estimatedTotal: total,
    facets: [],
    degraded: true,
    pageInfo:
      rows.length === 0
        ? { ...EMPTY_PAGE, hasPreviousPage: offset > 0 }
        : { hasNextPage: next < total, hasPreviousPage: offset > 0, startCursor: encodeOffset(offset), endCursor: encodeOffset(next) },
  };
}
