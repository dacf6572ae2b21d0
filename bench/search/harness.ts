import 'reflect-metadata';
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type LocalMeilisearch, nodeHttpClient } from '@synapse/search';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { Job } from '@synapse/api/internal/modules/job/job.entity';
import { SearchSort } from '@synapse/api/internal/modules/search/search.inputs';
import { understandSearch } from '@synapse/api/internal/modules/search/query-understanding';
import { engineParams } from '@synapse/api/internal/modules/search/search.service';
import { QUERIES } from './corpus.js';
import { seedSyntheticCorpus } from './seed.js';

// What bench:search (run.ts) and its cost breakdown (profile.ts) share: the corpus, the API as `npm start` runs it,
// the two search paths (the API over HTTP, Meilisearch straight) and the statistics.

export const API_MAIN = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
const API_PACKAGE = fileURLToPath(new URL('../../../apps/api/package.json', import.meta.url));
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export async function seedCorpus(dataDir: string, size: number): Promise<number> {
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
export const API_NODE_FLAGS = (JSON.parse(readFileSync(API_PACKAGE, 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ').filter((word) => word.startsWith('--'));

/** Where the synthetic corpus's artefacts link to (corpus.ts): made up, and unreachable from the bench. */
const CORPUS_LINKS = 'https://example.org/bench/%';

/**
 * Marks the corpus's made-up links as checked just now, so the hourly link checker has none due while the bench
 * measures, as between its runs in production. Otherwise its run (due each hour, and left unfinished by the runs
 * before) spent the measurement failing to reach 100 of them, two seconds apart (about 5 % of the API's CPU in a
 * profile).
 */
function linksChecked(dataDir: string): void {
  const db = new Database(join(dataDir, 'synapse.sqlite'));
  try {
    db.pragma('busy_timeout = 15000');
    db.prepare('update artefacts set link_checked_at = ? where url like ?').run(Date.now(), CORPUS_LINKS);
  } finally {
    db.close();
  }
}

export async function startApi(dataDir: string, meili: LocalMeilisearch, processes = 1): Promise<{ child: ChildProcess; url: string }> {
  linksChecked(dataDir);
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
      // As in production (README): graphql-js then skips its development-time checks. Production requires a
      // mail server; the bench sends no email (its session is written to the database), so none is sent here.
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://127.0.0.1:9',
      // How many API processes (node:cluster workers when more than 1); the latency figures use one.
      WEB_CONCURRENCY: String(processes),
      // The benchmark sends far more than a person would from one address; limits are not what it measures.
      RATE_LIMIT_ANONYMOUS: '1000000',
      // For an investigation, e.g. `--import=<file>` to sample process.memoryUsage() (docs/performance.md).
      ...(process.env.BENCH_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : {}),
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

export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: round(kib('VmRSS') / 1024), peakMiB: round(kib('VmHWM') / 1024) };
}

export const SEARCH = `query($query: String!, $filter: SearchFilter) { search(query: $query, filter: $filter, first: 20) {
  estimatedTotal degraded hits { experiment { id slug title } highlights { field snippet } matchedFields } facets { field values { value count } }
} }`;

export const http = nodeHttpClient();

export async function viaApi(url: string, query: { query: string; filter?: Record<string, unknown> }): Promise<void> {
  const body = (await http(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SEARCH, variables: query }),
  })) as { errors?: unknown; data?: { search: { degraded: boolean } } };
  if (body.errors || body.data?.search.degraded) throw new Error(`API search failed: ${JSON.stringify(body.errors ?? 'degraded')}`);
}

export async function viaMeili(index: SearchIndex, query: { query: string; filter?: Record<string, unknown> }): Promise<void> {
  // The words the API sends (stems, stop words dropped), not the query as typed: only the stems are indexed.
  // Read once per query (during warm-up), so the timed request is Meilisearch's work alone.
  let understood = understoodQueries.get(query);
  if (!understood) understoodQueries.set(query, (understood = understandSearch(query.query, query.filter as never, false)));
  await index.search(understood.engineQuery, engineParams({ query: query.query, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 20 }, 0, understood));
}
const understoodQueries = new Map<object, ReturnType<typeof understandSearch>>();

/** Runs the 50 queries `rounds` times with `concurrency` requests in flight; returns each request's latency in ms. */
export async function latencies(run: (q: (typeof QUERIES)[number]) => Promise<void>, concurrency: number, rounds: number): Promise<number[]> {
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

/**
 * Two ways of asking the same queries timed side by side: `rounds` passes of the 50 queries each, alternating
 * between them, so both see the same machine (a slow patch hits both, not one).
 */
export async function sideBySide(
  a: (q: (typeof QUERIES)[number]) => Promise<void>,
  b: (q: (typeof QUERIES)[number]) => Promise<void>,
  concurrency: number,
  rounds: number,
): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let pass = 0; pass < rounds; pass++) {
    times[0].push(...(await latencies(a, concurrency, 1)));
    times[1].push(...(await latencies(b, concurrency, 1)));
  }
  return times;
}

export function summary(values: number[]) {
  return { p50: round(percentile(values, 50), 2), p95: round(percentile(values, 95), 2) };
}

/** Waits until no job is due: the API's start-up work (its reconciliation of the index and what it found, its scheduled runs) is done. */
export async function jobsDone(dataDir: string): Promise<void> {
  const db = new Database(join(dataDir, 'synapse.sqlite'), { readonly: true });
  try {
    const deadline = Date.now() + 600_000;
    // Every job that is due (or running: a claimed job stays PENDING until it is done), not only search's: the
    // start-up's scheduled work (reconciliation, reminders, link checks) is not what the bench measures.
    const due = db.prepare("select count(*) as n from jobs where state = 'PENDING' and run_at <= ?");
    while ((due.get(Date.now()) as { n: number }).n > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    db.close();
  }
}

export async function stopApi(api: { child: ChildProcess }): Promise<void> {
  if (api.child.exitCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}
