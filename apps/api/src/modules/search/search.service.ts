import type { SearchParams } from 'meilisearch';
import { type ExperimentDocument, FACETS } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { containsText } from '../../db/text-match.js';
import { BadInputError } from '../../errors.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { similarMeiliClauses } from '../similar-council/similar-council.service.js';
import { isSearchable, SEARCHABLE } from './experiment-document.js';
import { breakerFor } from './search-breaker.js';
import { searchFallback } from './search-fallback.js';
import { matchesOf } from './search-highlight.js';
import { type HitColumns, hitTexts, searchableColumns } from './search-hit-read.js';
import { engineSuggestions } from './search-suggest.js';
import type { SearchIndex } from './search-index.js';
import { rankedFields, rerank, type UnderstoodSearch, understandSearch } from './query-understanding.js';
import { type SearchFilter, SearchSort } from './search.inputs.js';
import type { Facet, SearchResult, SearchSuggestion } from './search.types.js';
import { freshnessClauses } from '../freshness/freshness-search.js';
import { dateNumber } from '../freshness/freshness-rules.js';

export const SEARCH_PAGE_MAX = 50;
const QUERY_MAX = 200;

/** SearchFilter field → document attribute. */
const ATTRIBUTE: Record<string, string> = {
  serviceAreas: 'serviceAreas',
  stages: 'stage',
  verdicts: 'verdicts',
  nations: 'nation',
  regions: 'region',
  organisationTypes: 'organisationType',
  ruralUrbanClasses: 'ruralUrbanClass',
  deprivationQuintiles: 'deprivationQuintile',
  populationBands: 'populationBand',
  costBands: 'costBand',
  artefactTypes: 'artefactTypes',
  years: 'years',
  themes: 'themes',
};
const FACET_FIELD: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ATTRIBUTE).map(([field, attribute]) => [attribute, field])),
  maxEvidenceLevel: 'minEvidenceLevel',
};

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Meilisearch filter expression for a SearchFilter (values are validated before they get here, and quoted). */
export function toMeiliFilter(filter: SearchFilter | null | undefined, reviewCutoff?: string): string[] {
  if (!filter) return [];
  const clauses: string[] = [];
  for (const [field, attribute] of Object.entries(ATTRIBUTE)) {
    const values = (filter as Record<string, (string | number)[] | null | undefined>)[field];
    if (values?.length) clauses.push(`${attribute} IN [${values.map(literal).join(', ')}]`);
  }
  if (filter.minEvidenceLevel) clauses.push(`maxEvidenceLevel >= ${filter.minEvidenceLevel}`);
  if (filter.organisations?.length) {
    const codes = filter.organisations.map(literal).join(', ');
    clauses.push(`(leadGssCode IN [${codes}] OR placeGssCodes IN [${codes}])`);
  }
  clauses.push(...similarMeiliClauses(filter));
  clauses.push(...freshnessClauses(filter, reviewCutoff));
  return clauses;
}

const SORT: Record<SearchSort, string[] | undefined> = {
  [SearchSort.RELEVANCE]: undefined,
  [SearchSort.NEWEST]: ['publishedAt:desc'],
  [SearchSort.STRONGEST_EVIDENCE]: ['maxEvidenceLevel:desc', 'publishedAt:desc'],
};

/** Results re-ranked by what the query asked for: the first this many; later pages follow the engine's order. */
export const RERANK_WINDOW = 100;
/** What every hit brings back from the engine; a re-ranked page adds what its query's re-ranking reads (rankedFields). */
const HIT_FIELDS: (keyof ExperimentDocument & string)[] = ['id', 'familySize'];

export function decodeOffset(after: string | null | undefined): number {
  if (!after) return 0;
  const match = /^offset:(\d{1,6})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw BadInputError.field('after', 'is not a cursor from this search');
  return Number(match[1]);
}

export function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export interface SearchArgs {
  query: string;
  filter?: SearchFilter | null;
  sort: SearchSort;
  first: number;
  after?: string | null;
  /** One hit per fork family: its best-ranked (with ties, best-evidenced) member. */
  collapseFamilies?: boolean;
  /** For filter.excludeOverdueReview: the latest overdue review base (freshness-rules.ts reviewCutoff). */
  reviewCutoff?: string;
  /** Search exactly what was typed: no stop words dropped, no word forms, intents or places read into it. */
  exact?: boolean;
  /** What the caller will read besides the hits (default: everything); what nobody asked for is not computed. */
  wants?: SearchWants;
}

export interface SearchWants {
  /** Counts per filter value. */
  facets: boolean;
  /** Each hit's highlights and matchedFields (needs the text of the page's hits). */
  highlights: boolean;
  /** Each hit's experiment as an entity; when false, a row read in plain SQL (experiment/experiment-row.ts). */
  experiments: boolean;
}

const EVERYTHING: SearchWants = { facets: true, highlights: true, experiments: true };

/**
 * The searchable experiments (published, not withdrawn) among some ids: a stale index can never reveal a draft.
 * Entities only when asked for (see search-hit-read.ts).
 */
async function searchableById(em: EntityManager, ids: string[], entities: boolean): Promise<Map<string, Experiment | HitColumns>> {
  if (!entities) return searchableColumns(em, ids);
  if (ids.length === 0) return new Map();
  // By primary key only: with a status condition too, SQLite preferred the status index and scanned every
  // published experiment (measured: the API's overhead grew with the corpus).
  const experiments = await em.find(Experiment, { id: { $in: ids } });
  return new Map(experiments.filter(isSearchable).map((experiment) => [experiment.id, experiment]));
}

/** Answers from Meilisearch; if it cannot (see search-breaker.ts), from the database's full-text search, flagged as degraded. */
export async function search(em: EntityManager, index: SearchIndex | null, args: SearchArgs): Promise<SearchResult> {
  const query = args.query.trim().slice(0, QUERY_MAX);
  if (args.first < 0 || args.first > SEARCH_PAGE_MAX) throw BadInputError.field('first', `must be from 0 to ${SEARCH_PAGE_MAX}`);
  const offset = decodeOffset(args.after);
  if (index) {
    try {
      return await searchEngine(em, index, { ...args, query }, offset);
    } catch (error) {
      if (error instanceof BadInputError) throw error;
      // Unreachable, timed out, failing or its breaker open: fall through to the database.
    }
  }
  return searchFallback(em, { ...args, query }, offset, encodeOffset);
}

/** Whether this page is re-ranked by the query's intents (then the engine is asked for the whole window). */
function reranked(args: SearchArgs, offset: number): boolean {
  return args.sort === SearchSort.RELEVANCE && offset + args.first <= RERANK_WINDOW;
}

/** The Meilisearch request behind a search (the benchmark sends the same one straight to Meilisearch). */
export function engineParams(args: SearchArgs, offset: number, understood: UnderstoodSearch = understandSearch(args.query, args.filter, !!args.exact)): SearchParams {
  const window = reranked(args, offset);
  const wants = args.wants ?? EVERYTHING;
  return {
    ...understood.params,
    filter: toMeiliFilter(understood.filter, args.reviewCutoff),
    ...(wants.facets ? { facets: [...FACETS] } : {}),
    sort: SORT[args.sort],
    limit: window ? RERANK_WINDOW : args.first,
    offset: window ? 0 : offset,
    showRankingScore: window,
    attributesToRetrieve: window ? [...HIT_FIELDS, ...rankedFields(understood, !!args.reviewCutoff)] : HIT_FIELDS,
    ...(args.collapseFamilies ? { distinct: 'familyId' } : {}),
  };
}

async function searchEngine(em: EntityManager, index: SearchIndex, args: SearchArgs, offset: number): Promise<SearchResult> {
  const understood = understandSearch(args.query, args.filter, !!args.exact);
  const response = await breakerFor(index).run(() => index.search(understood.engineQuery, engineParams(args, offset, understood)));
  const window = reranked(args, offset);
  const cutoff = args.reviewCutoff ? dateNumber(args.reviewCutoff) : undefined;
  const page = window ? rerank(response.hits, understood, cutoff).slice(offset, offset + args.first) : response.hits;
  const wants = args.wants ?? EVERYTHING;
  const ids = page.map((hit) => hit.id);
  // The page's experiments are re-read from the database, with the text behind their highlights when asked for.
  const [experiments, texts] = await Promise.all([searchableById(em, ids, wants.experiments), wants.highlights ? hitTexts(em, ids) : null]);
  const noMatches = { highlights: [], matchedFields: [] };
  const hits = page
    .filter((hit) => experiments.has(hit.id))
    .map((hit) => {
      const experiment = experiments.get(hit.id)!;
      return { experiment, ...(texts ? matchesOf(experiment, texts.get(hit.id) ?? {}, understood.matches) : noMatches), familySize: hit.familySize ?? 1 };
    });
  const facets: Facet[] = Object.entries(response.facetDistribution ?? {}).map(([attribute, counts]) => ({
    field: FACET_FIELD[attribute] ?? attribute,
    values: Object.entries(counts).map(([value, count]) => ({ value, count })),
  }));
  const total = response.estimatedTotalHits ?? hits.length;
  const next = offset + page.length;
  return {
    hits,
    estimatedTotal: total,
    facets,
    degraded: false,
    interpretation: understood.interpretation,
    pageInfo: {
      hasNextPage: next < total,
      hasPreviousPage: offset > 0,
      startCursor: page.length ? encodeOffset(offset) : null,
      endCursor: page.length ? encodeOffset(next) : null,
    },
  };
}

/** Titles that match what has been typed so far, for search-as-you-type. */
export async function suggest(em: EntityManager, index: SearchIndex | null, prefix: string, limit = 8): Promise<SearchSuggestion[]> {
  const text = prefix.trim().slice(0, QUERY_MAX);
  if (!text) return [];
  if (index) {
    try {
      const hits = await breakerFor(index).run(() => engineSuggestions(index, prefix.slice(0, QUERY_MAX), limit));
      const visible = await searchableColumns(em, hits.map((hit) => hit.id));
      return hits.filter((hit) => visible.has(hit.id)).map((hit) => ({ title: hit.title, slug: hit.slug }));
    } catch {
      // fall back below
    }
  }
  const experiments = await em.find(
    Experiment,
    { ...SEARCHABLE, title: containsText(em, text) },
    { limit, orderBy: { publishedAt: 'desc' } },
  );
  return experiments.map((experiment) => ({ title: experiment.title, slug: experiment.slug }));
}
