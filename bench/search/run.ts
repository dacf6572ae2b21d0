import 'reflect-metadata';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExperimentDocument, experimentIndexSettings, freePort, LocalMeilisearch, nodeHttpClient } from '@synapse/search';
import { loadConfig } from '@synapse/api/internal/config';
import { ensureDemoAccounts } from '@synapse/api/internal/demo/demo-member';
import { createSession } from '@synapse/api/internal/modules/identity/identity.service';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { allDocuments } from '@synapse/api/internal/modules/search/experiment-document';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { Job } from '@synapse/api/internal/modules/job/job.entity';
import { SearchSort } from '@synapse/api/internal/modules/search/search.inputs';
import { understandSearch } from '@synapse/api/internal/modules/search/query-understanding';
import { engineParams } from '@synapse/api/internal/modules/search/search.service';
import { QUERIES } from './corpus.js';
import { compareProcesses } from './processes.js';
import { seedSyntheticCorpus } from './seed.js';

// npm run bench:search [-- --sizes 10000,100000 --rounds 3 --processes 1,2]
// Everything is measured side by side in one run on this machine; the write-up is docs/performance.md.

const API_MAIN = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
const API_PACKAGE = fileURLToPath(new URL('../../../apps/api/package.json', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../search/results.json', import.meta.url));

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function seedCorpus(dataDir: string, size: number): Promise<number> {
  const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
  const started = Date.now();
  const councils = await seedSyntheticCorpus(orm, size, 20261121);
  const em = entityManager(orm).fork();
  // The corpus is indexed by the measured rebuild below, not through the outbox.
  await em.nativeDelete(Job, {});
  process.stdout.write(`  seeded ${size} experiments in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  await orm.close();
  return councils.length;
}

/** The Node.js flags `npm start` gives the API (its V8 heap settings, see docs/performance.md), so the bench measures what runs. */
const API_NODE_FLAGS = (JSON.parse(readFileSync(API_PACKAGE, 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ').filter((word) => word.startsWith('--'));

async function startApi(dataDir: string, meili: LocalMeilisearch, processes = 1): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...API_NODE_FLAGS, ...profile, API_MAIN], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      SYNAPSE_SEED_DEMO: 'false',
      // How many API processes (node:cluster workers when more than 1); the latency figures use one.
      WEB_CONCURRENCY: String(processes),
      // The benchmark sends far more than a person would from one address; limits are not what it measures.
      RATE_LIMIT_ANONYMOUS: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 600; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url };
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('API did not start');
}

/** Batch size of the index build, for Synapse and for the raw comparison alike. */
const BUILD_BATCH = 1000;

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

function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: round(kib('VmRSS') / 1024), peakMiB: round(kib('VmHWM') / 1024) };
}

const SEARCH = `query($query: String!, $filter: SearchFilter) { search(query: $query, filter: $filter, first: 20) {
  estimatedTotal degraded hits { experiment { id slug title } highlights { field snippet } matchedFields } facets { field values { value count } }
} }`;

// Both paths go through the same node:http client (the one the API itself uses to reach Meilisearch),
// so the ratio compares servers, not HTTP clients.
const http = nodeHttpClient();

async function viaApi(url: string, query: { query: string; filter?: Record<string, unknown> }): Promise<void> {
  const body = (await http(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SEARCH, variables: query }),
  })) as { errors?: unknown; data?: { search: { degraded: boolean } } };
  if (body.errors || body.data?.search.degraded) throw new Error(`API search failed: ${JSON.stringify(body.errors ?? 'degraded')}`);
}

async function viaMeili(index: SearchIndex, query: { query: string; filter?: Record<string, unknown> }): Promise<void> {
  // The words the API sends (stems, stop words dropped), not the query as typed: only the stems are indexed.
  // Read once per query (during warm-up), so the timed request is Meilisearch's work alone.
  let understood = understoodQueries.get(query);
  if (!understood) understoodQueries.set(query, (understood = understandSearch(query.query, query.filter as never, false)));
  await index.search(understood.engineQuery, engineParams({ query: query.query, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 20 }, 0, understood));
}
const understoodQueries = new Map<object, ReturnType<typeof understandSearch>>();

/** Runs the 50 queries `rounds` times with `concurrency` requests in flight; returns each request's latency in ms. */
async function latencies(run: (q: (typeof QUERIES)[number]) => Promise<void>, concurrency: number, rounds: number): Promise<number[]> {
  const queue = Array.from({ length: rounds }, () => QUERIES).flat();
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let query = queue[next++]; query; query = queue[next++]) {
        const started = performance.now();
        await run(query);
        times.push(performance.now() - started);
      }
    }),
  );
  return times;
}

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

function summary(values: number[]) {
  return { p50: round(percentile(values, 50), 2), p95: round(percentile(values, 95), 2) };
}

/** Waits until no search job is pending (the API's start-up reconciliation of the index, and what it found, has run). */
async function jobsDone(dataDir: string): Promise<void> {
  const db = new Database(join(dataDir, 'synapse.sqlite'), { readonly: true });
  try {
    const deadline = Date.now() + 600_000;
    while ((db.prepare("select count(*) as n from jobs where type like 'search.%' and state = 'PENDING'").get() as { n: number }).n > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    db.close();
  }
}

async function stopApi(api: { child: ChildProcess }): Promise<void> {
  if (api.child.exitCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}

async function benchmark(size: number, rounds: number, processCounts: number[]) {
  console.log(`Corpus of ${size} published experiments`);
  const dataDir = mkdtempSync(join(tmpdir(), `synapse-bench-${size}-`));
  let meili: LocalMeilisearch | null = null;
  let api: { child: ChildProcess; url: string } | null = null;
  try {
    await seedCorpus(dataDir, size);
    meili = await LocalMeilisearch.start({ dataDir });
    const index = new SearchIndex({ url: meili.url, apiKey: meili.masterKey, index: 'experiments', timeoutMs: 60_000 });

    const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
    const buildStarted = performance.now();
    const indexed = await index.rebuild(allDocuments(entityManager(orm).fork(), BUILD_BATCH));
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    // The same documents, built beforehand (not timed), sent straight to a fresh index by the client.
    const documents: ExperimentDocument[][] = [];
    for await (const batch of allDocuments(entityManager(orm).fork(), BUILD_BATCH)) documents.push(batch);
    await orm.close();
    const rawSeconds = await rawIndexBuild(index, documents);
    documents.length = 0;
    const indexBuild = {
      documents: indexed,
      seconds: round(buildSeconds),
      documentsPerSecond: Math.round(indexed / buildSeconds),
      rawMeilisearch: { seconds: round(rawSeconds), documentsPerSecond: Math.round(indexed / rawSeconds) },
      // Synapse's speed as a share of the raw client's: ≥ 0.8 is the aim.
      ratio: round(rawSeconds / buildSeconds, 2),
    };
    console.log(`  index build: ${indexed} documents in ${buildSeconds.toFixed(1)} s; raw Meilisearch ${rawSeconds.toFixed(1)} s (ratio ${indexBuild.ratio})`);

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
      await viaMeili(index, query);
    }
    const latency: Record<string, unknown> = {};
    for (const concurrency of [1, 8]) {
      const apiTimes = await latencies((q) => viaApi(api!.url, q), concurrency, rounds);
      const meiliTimes = await latencies((q) => viaMeili(index, q), concurrency, rounds);
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
    const lag = summary(await publishLag(api.url, index, 200, await demoSession(dataDir)));
    console.log(`  publish → searchable: p50 ${lag.p50} ms, p95 ${lag.p95} ms`);
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
  const rounds = Number(argument('rounds', '3'));
  const { availableParallelism, loadavg } = await import('node:os');
  const processCounts = argument('processes', `1,${availableParallelism()}`).split(',').map(Number);
  const loadAtStart = loadavg().map((load) => round(load, 2));
  const results = [];
  for (const size of sizes) results.push(await benchmark(size, rounds, processCounts));
  const machine = { node: process.version, cpus: availableParallelism(), date: new Date().toISOString(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((load) => round(load, 2)) };
  console.log(`Load average (1, 5, 15 min): ${loadAtStart.join(', ')} at the start, ${machine.loadAverageAtEnd.join(', ')} at the end`);
  writeFileSync(RESULTS, `${JSON.stringify({ machine, rounds, queries: QUERIES.length, results }, null, 2)}\n`);
  console.log(`Results written to ${RESULTS}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
