import type { SearchParams } from 'meilisearch';
import { NATION_LABELS, type Nation, Verdict } from '@synapse/domain';
import { loadCouncils } from '@synapse/reference-data';
import { isStopWord, normalise, type PlaceFinder, readQuery, stemWord, words, wordMatcher } from '@synapse/search';
import type { SearchFilter } from './search.inputs.js';
import { type PlacePreference, SearchIntent, type SearchInterpretation } from './search-interpretation.types.js';
import { overdueInIndex } from '../freshness/freshness-search.js';

/** What a search sends to the engine and how it ranks and highlights, read from what was typed. */
export interface UnderstoodSearch {
  engineQuery: string;
  filter: SearchFilter | null | undefined;
  /** Places to rank first: document attribute → values. */
  places: PlacePreference[];
  params: Pick<SearchParams, 'matchingStrategy'>;
  intents: SearchIntent[];
  /** Whether a word of a document matches the query (for snippets and matched fields). */
  matches: (word: string) => boolean;
  interpretation: SearchInterpretation;
}


let councils: Map<string, { gssCode: string; name: string; length: number }> | null = null;
/** Council names ("Cornwall", "Dumfries and Galloway"), folded into words, from packages/reference-data. */
function councilNames() {
  if (!councils) {
    councils = new Map();
    for (const council of loadCouncils()) {
      const name = council.name.replace(/,.*$/, '');
      const tokens = words(name);
      if (tokens.length) councils.set(tokens.join(' '), { gssCode: council.gssCode, name, length: tokens.length });
    }
  }
  return councils;
}

/** A council named after "in"/"at"/"from"/"across" ("pilots in Cornwall"): never a bare word, since "Reading" or "Wigan pier" may be topics. */
const findCouncil: PlaceFinder = (tokens, at) => {
  const before = tokens[at - 1];
  if (before === undefined || !['in', 'at', 'from', 'across'].includes(before)) return null;
  for (let length = Math.min(5, tokens.length - at); length > 0; length--) {
    const council = councilNames().get(tokens.slice(at, at + length).join(' '));
    if (council) return { length, value: council.gssCode };
  }
  return null;
};

function councilName(gssCode: string): string {
  return [...councilNames().values()].find((council) => council.gssCode === gssCode)?.name ?? gssCode;
}

/** A folded term as it was typed ("asc" → "ASC"), where it can be found in the query. */
function asTyped(query: string, term: string): string {
  const pattern = term.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+');
  return new RegExp(pattern, 'iu').exec(query.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'"))?.[0] ?? term;
}

/** Reads the query (unless `exact`): the words to search, what to rank first, and how it was read, to show. */
export function understandSearch(query: string, filter: SearchFilter | null | undefined, exact: boolean): UnderstoodSearch {
  if (exact) {
    const typed = words(query);
    // Every typed word must match (in any word form); nothing else is read into the query.
    return {
      engineQuery: `${normalise(query)} `,
      filter,
      places: [],
      params: { matchingStrategy: 'all' },
      intents: [],
      matches: wordMatcher(words(query).filter((word) => !isStopWord(word)).map(stemWord)),
      interpretation: { exact: true, keywords: typed, ignoredWords: [], expansions: [], intents: [], placesPreferred: [], exactQueryAvailable: false },
    };
  }
  const reading = readQuery(query, findCouncil);
  const applied: PlacePreference[] = [];
  if (!filter?.nations?.length) {
    for (const n of reading.nations) applied.push({ field: 'nations', value: n.value, label: NATION_LABELS[n.value as Nation] ?? n.value, term: asTyped(query, n.term) });
  }
  if (!filter?.regions?.length) for (const r of reading.regions) applied.push({ field: 'regions', value: r.value, label: r.value, term: asTyped(query, r.term) });
  if (!filter?.organisations?.length) {
    for (const p of reading.places) applied.push({ field: 'organisations', value: p.value, label: councilName(p.value), term: asTyped(query, p.term) });
  }
  const interpretation: SearchInterpretation = {
    exact: false,
    keywords: reading.keywords,
    ignoredWords: reading.ignored,
    expansions: reading.expansions.map(({ term, meaning }) => ({ term: asTyped(query, term), meaning })),
    intents: reading.intents.map(({ intent, term }) => ({ intent: intent as SearchIntent, term: asTyped(query, term) })),
    placesPreferred: applied,
    exactQueryAvailable: false,
  };
  interpretation.exactQueryAvailable =
    interpretation.ignoredWords.length + interpretation.expansions.length + interpretation.intents.length + applied.length > 0;
  return {
    engineQuery: reading.engineQuery,
    filter,
    places: applied,
    params: { matchingStrategy: 'frequency' },
    intents: interpretation.intents.map((i) => i.intent),
    matches: wordMatcher(reading.highlightStems, reading.typedStems),
    interpretation,
  };
}

/** What the re-ranking needs of a hit (retrieved from the engine with it). */
export interface RankedHit {
  _rankingScore?: number;
  verdicts?: string[];
  stage?: string;
  maxEvidenceLevel?: number;
  costBand?: string | null;
  ruralUrbanClass?: string | null;
  nation?: string | null;
  region?: string | null;
  leadGssCode?: string | null;
  placeGssCodes?: string[];
  /** YYYYMMDD the review cycle counts from (experiment-document.ts). */
  reviewBase?: number;
}

/**
 * The fields of a hit the re-ranking of this query reads (`rankScore`, `rerank`): the engine sends only these,
 * not every field any query could need (a hundred hits with all of them were 36 KB to send and parse).
 */
export function rankedFields(understood: Pick<UnderstoodSearch, 'intents' | 'places'>, reviewCutoff: boolean): (keyof RankedHit)[] {
  const fields = new Set<keyof RankedHit>(['maxEvidenceLevel']);
  for (const intent of understood.intents) {
    if (intent === SearchIntent.FAILED_FIRST) fields.add('stage').add('verdicts');
    if (intent === SearchIntent.LOW_COST_FIRST) fields.add('costBand');
    if (intent === SearchIntent.RURAL_FIRST) fields.add('ruralUrbanClass');
  }
  for (const place of understood.places) {
    if (place.field === 'nations') fields.add('nation');
    else if (place.field === 'regions') fields.add('region');
    else fields.add('leadGssCode').add('placeGssCodes');
  }
  if (reviewCutoff) fields.add('reviewBase');
  return [...fields];
}

function inPlace(hit: RankedHit, place: PlacePreference): boolean {
  if (place.field === 'nations') return hit.nation === place.value;
  if (place.field === 'regions') return hit.region === place.value;
  return hit.leadGssCode === place.value || (hit.placeGssCodes ?? []).includes(place.value);
}

const NOT_WORKED = new Set<string>([Verdict.MIXED, Verdict.NO_EFFECT, Verdict.HARMFUL, Verdict.STOPPED_EARLY, Verdict.INCONCLUSIVE]);
const LOW_COST = new Set(['UNDER_10K', 'FROM_10K_TO_50K']);
const RURAL = new Set(['RURAL', 'SPARSE_AND_RURAL']);

/**
 * The score a hit is ranked by: the engine's relevance (0–1) plus what the query asked for. The boosts are smaller
 * than the gap between matching the topic and not, so an intent reorders relevant results, never drags in
 * irrelevant ones. With no intent, stronger evidence breaks near-ties, and any outcome beats none.
 */
export function rankScore(hit: RankedHit, intents: readonly SearchIntent[], places: readonly PlacePreference[] = []): number {
  const evidence = hit.maxEvidenceLevel ?? 0;
  let score = (hit._rankingScore ?? 0) + 0.002 * evidence;
  for (const intent of intents) {
    if (intent === SearchIntent.FAILED_FIRST && (hit.stage === 'STOPPED' || (hit.verdicts ?? []).some((v) => NOT_WORKED.has(v)))) score += 0.08;
    if (intent === SearchIntent.STRONG_EVIDENCE_FIRST) score += 0.015 * evidence;
    if (intent === SearchIntent.LOW_COST_FIRST && LOW_COST.has(hit.costBand ?? '')) score += 0.06;
    if (intent === SearchIntent.RURAL_FIRST && RURAL.has(hit.ruralUrbanClass ?? '')) score += 0.05;
  }
  if (places.some((place) => inPlace(hit, place))) score += 0.1;
  return score;
}

/**
 * Hits in the order the query asks for. Equal scores, last: a record overdue for review at `reviewCutoff` (YYYYMMDD)
 * after current ones, then the engine's order (a stable sort). Only an exact tie reaches the review date, so it can
 * never outrank any difference in relevance, evidence, intent or place (measured: docs/search-quality.md).
 */
export function rerank<T extends RankedHit>(hits: T[], understood: Pick<UnderstoodSearch, 'intents' | 'places'>, reviewCutoff?: number): T[] {
  return hits
    .map((hit, position) => ({
      hit,
      position,
      score: rankScore(hit, understood.intents, understood.places),
      overdue: overdueInIndex(hit.reviewBase, reviewCutoff) ? 1 : 0,
    }))
    .sort((a, b) => b.score - a.score || a.overdue - b.overdue || a.position - b.position)
    .map(({ hit }) => hit);
}
