import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalMeilisearch } from '@synapse/search';
import { bootstrapData } from '@synapse/api/internal/bootstrap';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { importExperiments } from '@synapse/api/internal/modules/import/import.service';
import { allDocuments } from '@synapse/api/internal/modules/search/experiment-document';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { Job } from '@synapse/api/internal/modules/job/job.entity';
import { Experiment } from '@synapse/api/internal/modules/experiment/experiment.entity';
import { SearchSort } from '@synapse/api/internal/modules/search/search.inputs';
import { understandSearch } from '@synapse/api/internal/modules/search/query-understanding';
import { engineParams, search } from '@synapse/api/internal/modules/search/search.service';
import { reviewCutoff } from '@synapse/api/internal/modules/freshness/freshness-rules';
import { type Baseline, fts5Baseline, postgresBaseline } from './baselines.js';
import { buildCorpus, type CorpusEntry } from './corpus.js';
import { grade, passes, type Scores, score } from './metrics.js';
import { type Kind, type Query, QUERIES } from './queries.js';

// npm run bench:relevance — imports the corpus into a fresh database, indexes it into a local Meilisearch, and
// scores Synapse's search beside two baselines on the same corpus. Write-up: docs/search-quality.md.

const RESULTS = fileURLToPath(new URL('../../relevance/results.json', import.meta.url));
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
/**
 * Searched as the API would on this day, with the default 12-month review cycle: the corpus was published from 2019
 * to 2025, so some records are overdue for review and rank below current ones at equal relevance (freshness-search.ts).
 * A fixed day, so the figures do not drift as the calendar moves on.
 */
const REVIEW_CUTOFF = reviewCutoff(new Date('2025-06-30T12:00:00Z'), { reviewMonths: 12, reviewReminderDays: 30, resultsReminderDays: 60 });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

type Engine = { name: string; search(query: Query): Promise<string[]> };

function mean(scores: Scores[]): Scores {
  const avg = (key: keyof Scores) => round(scores.reduce((sum, s) => sum + s[key], 0) / Math.max(1, scores.length));
  return { ndcg: avg('ndcg'), mrr: avg('mrr'), recall: avg('recall') };
}

async function evaluate(engine: Engine, corpus: CorpusEntry[]) {
  const perQuery: { q: string; kind: Kind; scores: Scores; top: string[] }[] = [];
  for (const query of QUERIES) {
    const grades = new Map(corpus.map((entry) => [entry.externalId, grade(query, entry)] as const).filter(([, g]) => g > 0));
    const ranked = await engine.search(query);
    perQuery.push({ q: query.q, kind: query.kind, scores: score(ranked, grades), top: ranked.slice(0, 5) });
  }
  const kinds = [...new Set(QUERIES.map((q) => q.kind))];
  return {
    engine: engine.name,
    overall: mean(perQuery.map((p) => p.scores)),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, mean(perQuery.filter((p) => p.kind === kind).map((p) => p.scores))])),
    perQuery,
  };
}

function fromBaseline(baseline: Baseline, corpus: CorpusEntry[]): Engine {
  const byId = new Map(corpus.map((entry) => [entry.externalId, entry]));
  return {
    name: baseline.name,
    // Filters set on the page are applied to the baseline's ranking, as a database WHERE clause would.
    search: async (query) => (await baseline.search(query.q)).filter((id) => passes(byId.get(id)!, query.filter)),
  };
}

async function main(): Promise<void> {
  const corpus = buildCorpus();
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-relevance-'));
  let meili: LocalMeilisearch | null = null;
  const baselines: Baseline[] = [];
  try {
    const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
    await bootstrapData(orm, { seedDemo: false });
    const report = await importExperiments(entityManager(orm), corpus.map((entry) => entry.record));
    if (report.rejected) throw new Error(`Corpus records rejected: ${JSON.stringify(report.records.filter((r) => r.outcome === 'rejected'))}`);
    await entityManager(orm).fork().nativeDelete(Job, {});
    console.log(`Imported ${report.created} write-ups; ${QUERIES.length} queries`);

    meili = await LocalMeilisearch.start({ dataDir });
    const index = new SearchIndex({ url: meili.url, apiKey: meili.masterKey, index: 'experiments', timeoutMs: 60_000 });
    await index.rebuild(allDocuments(entityManager(orm).fork(), 500));

    const synapseTimes: number[] = [];
    const synapse: Engine = {
      name: 'Synapse',
      async search(query) {
        const started = performance.now();
        const result = await search(entityManager(orm).fork(), index, { query: query.q, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 10, reviewCutoff: REVIEW_CUTOFF });
        synapseTimes.push(performance.now() - started);
        if (result.degraded) throw new Error('Synapse answered degraded: Meilisearch did not answer');
        // Asked without `wants`, a search builds every hit's experiment as an entity (externalId is no hit column).
        return result.hits.map(({ experiment }) => (experiment instanceof Experiment ? experiment.externalId! : ''));
      },
    };
    baselines.push(fts5Baseline(corpus), await postgresBaseline(corpus));
    const engines = [synapse, ...baselines.map((b) => fromBaseline(b, corpus))];
    const results = [];
    for (const engine of engines) results.push(await evaluate(engine, corpus));

    // Latency, same run: the whole search (understanding, Meilisearch, loading from the database) beside Meilisearch alone.
    const meiliTimes: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      for (const query of QUERIES) {
        await synapse.search(query);
        // The words the API sends (stems, stop words dropped), not the query as typed: only the stems are indexed.
        const understood = understandSearch(query.q, query.filter as never, false);
        const started = performance.now();
        await index.search(understood.engineQuery, engineParams({ query: query.q, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 10, reviewCutoff: REVIEW_CUTOFF }, 0, understood));
        meiliTimes.push(performance.now() - started);
      }
    }
    const latency = {
      synapse: { p50: round(percentile(synapseTimes, 50), 2), p95: round(percentile(synapseTimes, 95), 2) },
      meilisearchAlone: { p50: round(percentile(meiliTimes, 50), 2), p95: round(percentile(meiliTimes, 95), 2) },
    };
    await orm.close();

    const kinds = Object.keys(results[0]?.byKind ?? {});
    const cell = (s: Scores | undefined) => (s ? `${s.ndcg.toFixed(3)} / ${s.mrr.toFixed(3)} / ${s.recall.toFixed(3)}` : 'n/a');
    console.log('\nnDCG@10 / MRR / recall@10');
    console.log(['kind (queries)', ...results.map((r) => r.engine)].join(' | '));
    console.log(['overall', ...results.map((r) => cell(r.overall))].join(' | '));
    for (const kind of kinds) {
      console.log([`${kind} (${QUERIES.filter((q) => q.kind === kind).length})`, ...results.map((r) => cell(r.byKind[kind]))].join(' | '));
    }
    console.log(`\nLatency (ms, in-process): Synapse search p50 ${latency.synapse.p50} p95 ${latency.synapse.p95}; Meilisearch alone p50 ${latency.meilisearchAlone.p50} p95 ${latency.meilisearchAlone.p95}`);
    if (process.argv.includes('--worst')) {
      const worst = [...(results[0]?.perQuery ?? [])].sort((a, b) => a.scores.ndcg - b.scores.ndcg).slice(0, 25);
      for (const p of worst) console.log(`${p.scores.ndcg.toFixed(2)} [${p.kind}] ${p.q} → ${p.top.join(', ')}`);
    }
    const machine = { node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString() };
    const summary = results.map(({ engine, overall, byKind }) => ({ engine, overall, byKind }));
    writeFileSync(RESULTS, `${JSON.stringify({ machine, documents: corpus.length, queries: QUERIES.length, results: summary, latency }, null, 2)}\n`);
  } finally {
    for (const baseline of baselines) await baseline.close();
    await meili?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
