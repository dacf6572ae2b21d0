import { loadCouncils } from '@synapse/reference-data';
import type { CorpusEntry } from './corpus.js';
import type { Query } from './queries.js';

const COUNCIL = new Map(loadCouncils().map((council) => [council.gssCode, council]));
const RURAL = new Set(['RURAL', 'SPARSE_AND_RURAL']);
const CHEAP = new Set(['UNDER_10K', 'FROM_10K_TO_50K']);

export function nationOf(entry: CorpusEntry): string | undefined {
  return COUNCIL.get(entry.lead)?.nation;
}

/** Whether a write-up passes a SearchFilter (the fields the benchmark's queries use), for the baselines and the judge. */
export function passes(entry: CorpusEntry, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  const record = entry.record as { serviceAreas: string[]; outcomes: { verdict: string }[] };
  const has = (field: string, value: unknown) => !(filter[field] as unknown[] | undefined) || (filter[field] as unknown[]).includes(value);
  if (!has('nations', nationOf(entry))) return false;
  if (!has('costBands', entry.costBand)) return false;
  if (filter.minEvidenceLevel && entry.evidenceLevel < Number(filter.minEvidenceLevel)) return false;
  if (filter.verdicts && !record.outcomes.some((o) => (filter.verdicts as string[]).includes(o.verdict))) return false;
  if (filter.serviceAreas && !record.serviceAreas.some((a) => (filter.serviceAreas as string[]).includes(a))) return false;
  return true;
}

/** The grade (0–3) an officer gives this write-up for this query. */
export function grade(query: Query, entry: CorpusEntry): number {
  if (!passes(entry, query.filter)) return 0;
  let base = query.grades[`${entry.topic}#${entry.variant}`] ?? query.grades[entry.topic] ?? 0;
  if (base === 0) return 0;
  const want = query.want;
  if (want === 'failed' && !entry.failed) base -= 2;
  if (want === 'evidence' && entry.evidenceLevel < 3) base -= 1;
  if (want === 'cheap' && !CHEAP.has(entry.costBand)) base -= 1;
  if (want === 'rural' && !RURAL.has(COUNCIL.get(entry.lead)?.ruralUrbanClass ?? '')) base -= 1;
  if (typeof want === 'object' && nationOf(entry) !== want.nation) base -= 2;
  return Math.max(1, base);
}

export interface Scores {
  ndcg: number;
  mrr: number;
  recall: number;
}

/** nDCG@10 (gain 2^grade − 1), reciprocal rank of the first clearly relevant (≥ 2) hit, recall@10 of those. */
export function score(ranked: string[], grades: Map<string, number>): Scores {
  const top = ranked.slice(0, 10);
  const dcg = (gains: number[]) => gains.reduce((sum, gain, i) => sum + (2 ** gain - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...grades.values()].sort((a, b) => b - a).slice(0, 10));
  const ndcg = ideal === 0 ? 0 : dcg(top.map((id) => grades.get(id) ?? 0)) / ideal;
  const firstRelevant = ranked.findIndex((id) => (grades.get(id) ?? 0) >= 2);
  const relevant = [...grades.entries()].filter(([, g]) => g >= 2).map(([id]) => id);
  const found = relevant.filter((id) => top.includes(id)).length;
  return { ndcg, mrr: firstRelevant >= 0 ? 1 / (firstRelevant + 1) : 0, recall: relevant.length ? found / Math.min(10, relevant.length) : 0 };
}
