import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExperimentDocument, experimentIndexSettings, LocalMeilisearch } from '@synapse/search';
import { loadConfig } from '@synapse/api/internal/config';
import { ensureDemoAccounts } from '@synapse/api/internal/demo/demo-member';
import { createSession } from '@synapse/api/internal/modules/identity/identity.service';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { allDocuments } from '@synapse/api/internal/modules/search/experiment-document';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { http, jobsDone, memoryOf, percentile, round, seedCorpus, sideBySide, startApi, stopApi, summary, viaApi, viaMeili } from './harness.js';
import { QUERIES } from './corpus.js';
import { compareProcesses } from './processes.js';

// npm run bench:search [-- --sizes 10000,100000 --rounds 6 --build-rounds 3 --processes 1,2]
// Everything is measured side by side in one run on this machine; the write-up is docs/performance.md.

const RESULTS = fileURLToPath(new URL('../../search/results.json', import.meta.url));

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** Batch size of the index build, for Synapse and for the raw comparison alike. */
const BUILD_BATCH = 1000;
/** Untimed passes of the 50 queries, each way, before the latency is measured. */
const WARM_ROUNDS = 3;

/**
 * The raw comparison for the index build: a fresh index with the same settings, the already-built documents sent
 * in the same batches by the `meilisearch` client as fast as it can (each addition without waiting for the one
 * before, as Meilisearch's docs advise), timed until the last task has succeeded. The index is deleted after.
 */
async function rawIndexBuild(index: SearchIndex, batches: ExperimentDocument[][]): Promise<number> {
  const uid = `raw_build_${Date.now()}`;
  const started = performance.now();
  await index.client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
  await index.client.index(uid).updateSettings(experimentIndexSettings()).waitTask({ timeout: 60_000 });
  const tasks = [];
  for (const batch of batches) tasks.push(await index.client.index(uid).addDocuments(batch, { primaryKey: 'id' }));
  const done = await index.client.tasks.waitForTasks(tasks, { timeout: 1_800_000, interval: 20 });
  const seconds = (performance.now() - started) / 1000;
  const failed = done.find((task) => task.status !== 'succeeded');
  if (failed) throw new Error(`raw indexing task ${failed.uid} ${failed.status}`);
  await index.client.deleteIndex(uid).waitTask({ timeout: 60_000 });
  return seconds;
}

// Both paths go through the same node:http client (the one the API itself uses to reach Meilisearch),
// so the ratio compares servers, not HTTP clients.
/** A signed-in session for the demo council's admin, as a browser would hold after following a sign-in link. */
async function demoSession(dataDir: string): Promise<{ cookie: string; csrfToken: string }> {
  const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
  const em = entityManager(orm).fork();
  const member = await ensureDemoAccounts(em);
  const { token, session } = await createSession(em, loadConfig({}), member, 'synapse-bench');
  await orm.close();
  return { cookie: `synapse_session=${token}`, csrfToken: session.csrfToken };
}

async function publishLag(url: string, index: SearchIndex, count: number, auth: { cookie: string; csrfToken: string }): Promise<number[]> {
  const lags: number[] = [];
  for (let n = 0; n < count; n++) {
    const word = `lagprobe${n}x${Date.now().toString(36)}`;
    const call = async (query: string, variables: Record<string, unknown>) => {
      const body = (await http(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrfToken },
        body: JSON.stringify({ query, variables }),
      })) as { data: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const created = await call('mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { id version } }', {
      input: { title: `Publish lag probe ${word}`, summary: 'Benchmark probe.', problem: 'Lag.', approach: 'Measure it.', serviceAreas: ['digital-and-data'] },
    });
    await call('mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { status } }', { id: created.createExperiment.id, v: created.createExperiment.version });
    const published = performance.now();
    for (;;) {
      const { hits } = await index.search(word, { limit: 1, attributesToRetrieve: ['id'] });
      if (hits.length) break;
      if (performance.now() - published > 30_000) throw new Error('Publish never became searchable');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    lags.push(performance.now() - published);
  }
  return lags;
}

/** ISO 8601 durations as Meilisearch reports them ("PT0.512S", "PT1M2.5S"), in ms. */
function durationMs(iso: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!match) return Number.NaN;
  return ((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 1000;
}

/** How long Meilisearch itself took over the document additions enqueued since `since`: the floor of the lag. */
async function indexingTaskMs(meili: LocalMeilisearch, since: Date): Promise<{ p50: number; p95: number; tasks: number }> {
  const query = new URLSearchParams({ types: 'documentAdditionOrUpdate', indexUids: 'experiments', afterEnqueuedAt: since.toISOString(), limit: '1000' });
  const body = (await http(`${meili.url}/tasks?${query}`, { headers: { authorization: `Bearer ${meili.masterKey}` } })) as { results: { duration: string | null }[] };
  const durations = body.results.map((task) => (task.duration ? durationMs(task.duration) : Number.NaN)).filter((ms) => !Number.isNaN(ms));
  return { ...summary(durations), tasks: durations.length };
}

async function benchmark(size: number, rounds: number, buildRounds: number, processCounts: number[]) {
  console.log(`Corpus of ${size} published experiments`);
  const dataDir = mkdtempSync(join(tmpdir(), `synapse-bench-${size}-`));
  let meili: LocalMeilisearch | null = null;
  let api: { child: ChildProcess; url: string } | null = null;
  try {
    await seedCorpus(dataDir, size);
    meili = await LocalMeilisearch.start({ dataDir });
    const index = new SearchIndex({ url: meili.url, apiKey: meili.masterKey, index: 'experiments', timeoutMs: 60_000 });

    const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
    // The documents for the raw comparison, built once beforehand (not timed).
    const documents: ExperimentDocument[][] = [];
    for await (const batch of allDocuments(entityManager(orm).fork(), BUILD_BATCH)) documents.push(batch);
    // Synapse's build and the raw one alternately, `buildRounds` times each, compared by their medians: one pair
    // alone gave ratios from 0.77 to 0.86 at 10,000 over one day (docs/performance.md).
    const builds: { synapse: number[]; raw: number[] } = { synapse: [], raw: [] };
    let indexed = 0;
    const synapseBuild = async () => {
      const buildStarted = performance.now();
      indexed = await index.rebuild(allDocuments(entityManager(orm).fork(), BUILD_BATCH));
      builds.synapse.push((performance.now() - buildStarted) / 1000);
    };
    // Which goes first alternates too, so neither always pays for the machine warming up.
    for (let pass = 0; pass < buildRounds; pass++) {
      if (pass % 2 === 0) await synapseBuild();
      builds.raw.push(await rawIndexBuild(index, documents));
      if (pass % 2 === 1) await synapseBuild();
    }
    await orm.close();
    documents.length = 0;
    const buildSeconds = percentile(builds.synapse, 50);
    const rawSeconds = percentile(builds.raw, 50);
    const indexBuild = {
      documents: indexed,
      seconds: round(buildSeconds),
      documentsPerSecond: Math.round(indexed / buildSeconds),
      rawMeilisearch: { seconds: round(rawSeconds), documentsPerSecond: Math.round(indexed / rawSeconds) },
      // Synapse's speed as a share of the raw client's, by the medians: ≥ 0.8 is the aim.
      ratio: round(rawSeconds / buildSeconds, 2),
      passes: { synapse: builds.synapse.map((seconds) => round(seconds, 2)), raw: builds.raw.map((seconds) => round(seconds, 2)) },
    };
    console.log(`  index build: ${indexed} documents in ${buildSeconds.toFixed(1)} s; raw Meilisearch ${rawSeconds.toFixed(1)} s (ratio ${indexBuild.ratio}; medians of ${buildRounds} passes each)`);

    api = await startApi(dataDir, meili);
    await jobsDone(dataDir); // not measuring while the start-up reconciliation reads every document
    // Warm both paths. Right after a large build Meilisearch can take longer than the API's 3 s timeout to
    // answer its first searches (the API then answers degraded); wait until it answers from the engine.
    const warmUntil = Date.now() + 300_000;
    for (const query of QUERIES) {
      for (;;) {
        try {
          await viaApi(api.url, query);
          break;
        } catch (error) {
          if (Date.now() > warmUntil) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }
    // Then as a running server would be: its code compiled by the JIT (three more passes of each, untimed).
    await sideBySide((q) => viaApi(api!.url, q), (q) => viaMeili(index, q), 1, WARM_ROUNDS);
    const latency: Record<string, unknown> = {};
    for (const concurrency of [1, 8]) {
      const [apiTimes, meiliTimes] = await sideBySide((q) => viaApi(api!.url, q), (q) => viaMeili(index, q), concurrency, rounds);
      const apiSummary = summary(apiTimes);
      const meiliSummary = summary(meiliTimes);
      latency[`concurrency${concurrency}`] = {
        api: apiSummary,
        meilisearch: meiliSummary,
        overheadRatioP50: round(apiSummary.p50 / meiliSummary.p50, 2),
        overheadRatioP95: round(apiSummary.p95 / meiliSummary.p95, 2),
        requests: apiTimes.length,
      };
      console.log(`  concurrency ${concurrency}: API p50 ${apiSummary.p50} ms p95 ${apiSummary.p95} ms; Meilisearch p50 ${meiliSummary.p50} ms p95 ${meiliSummary.p95} ms`);
    }
    const lagStarted = new Date();
    const lag = { ...summary(await publishLag(api.url, index, 200, await demoSession(dataDir))), meilisearchIndexingTask: await indexingTaskMs(meili, lagStarted) };
    console.log(`  publish → searchable: p50 ${lag.p50} ms, p95 ${lag.p95} ms; Meilisearch's own indexing tasks p50 ${lag.meilisearchIndexingTask.p50} ms, p95 ${lag.meilisearchIndexingTask.p95} ms (${lag.meilisearchIndexingTask.tasks} tasks)`);
    const memory = { api: memoryOf(api.child.pid!), meilisearch: memoryOf(meili.pid!) };
    console.log(`  memory: API ${memory.api.rssMiB} MiB (peak ${memory.api.peakMiB}), Meilisearch ${memory.meilisearch.rssMiB} MiB`);
    await stopApi(api);
    api = null;
    // Throughput with 1 and with N API processes, at concurrency 8, passes alternating between them.
    const processes = await compareProcesses<{ child: ChildProcess; url: string; pid: number }>({
      counts: processCounts,
      concurrency: 8,
      rounds: rounds * 2,
      start: async (count) => {
        const started = await startApi(dataDir, meili!, count);
        await jobsDone(dataDir); // the start-up reconciliation reads every document: not while measuring
        return { ...started, pid: started.child.pid! };
      },
      stop: stopApi,
      viaApi,
      viaMeili: (query) => viaMeili(index, query),
    });
    return { size, indexBuild, latency, publishToSearchableMs: lag, memory, processes };
  } finally {
    if (api) await stopApi(api);
    await meili?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = argument('sizes', '10000,100000').split(',').map(Number);
  const rounds = Number(argument('rounds', '6'));
  const buildRounds = Number(argument('build-rounds', '3'));
  const { availableParallelism, loadavg } = await import('node:os');
  const processCounts = argument('processes', `1,${availableParallelism()}`).split(',').map(Number);
  const loadAtStart = loadavg().map((load) => round(load, 2));
  const results = [];
  for (const size of sizes) results.push(await benchmark(size, rounds, buildRounds, processCounts));
  const machine = { node: process.version, cpus: availableParallelism(), date: new Date().toISOString(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((load) => round(load, 2)) };
  console.log(`Load average (1, 5, 15 min): ${loadAtStart.join(', ')} at the start, ${machine.loadAverageAtEnd.join(', ')} at the end`);
  writeFileSync(RESULTS, `${JSON.stringify({ machine, rounds, buildRounds, queries: QUERIES.length, results }, null, 2)}\n`);
  console.log(`Results written to ${RESULTS}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
