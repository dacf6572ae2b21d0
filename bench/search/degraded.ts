import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/core';
import { startEmbeddedPostgres } from '@synapse/api/internal/db/embedded-postgres';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { breakerFor } from '@synapse/api/internal/modules/search/search-breaker';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { SearchSort } from '@synapse/api/internal/modules/search/search.inputs';
import { search } from '@synapse/api/internal/modules/search/search.service';
import { QUERIES } from './corpus.js';
import { seedSyntheticCorpus } from './seed.js';

// npm run degraded -w @synapse/bench [-- --size 10000 --rounds 3 --only sqlite,postgresql --keep DIR]  (after a build)
// Search with a hung Meilisearch (a TCP server that accepts and never answers), on SQLite and PostgreSQL: the
// latency of the searches before the circuit breaker opens (each waits for the engine's timeout) and of the
// degraded answers once it is open (the database's full-text search with every filter), side by side in one
// run. Written up in docs/performance.md ("Degraded search").

const RESULTS = fileURLToPath(new URL('../../search/degraded-results.json', import.meta.url));
const TIMEOUT_MS = 1000;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function summary(values: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(1));
  return { p50: at(50), p95: at(95), max: at(100) };
}

/** A stand-in for a hung Meilisearch: accepts connections, never answers. */
async function hungEngine(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function measure(label: string, orm: MikroORM, rounds: number) {
  const engine = await hungEngine();
  const index = new SearchIndex({ url: engine.url, apiKey: null, index: 'experiments', timeoutMs: TIMEOUT_MS });
  const breaker = breakerFor(index, { probeMs: 60_000, log: (message) => console.log(`  ${message}`) });
  const run = async (query: (typeof QUERIES)[number]) => {
    const started = performance.now();
    const result = await search(entityManager(orm).fork(), index, { query: query.query, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 20 });
    if (!result.degraded) throw new Error('expected a degraded answer');
    return performance.now() - started;
  };
  try {
    const beforeOpen: number[] = [];
    while (breaker.current === 'closed') {
      const query = QUERIES[beforeOpen.length];
      if (!query) throw new Error(`The breaker did not open within ${QUERIES.length} queries`);
      beforeOpen.push(await run(query));
    }
    const open: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const query of QUERIES) {
        const time = await run(query);
        open.push(time);
        const key = `${query.query || '(no words)'}${query.filter ? ` ${JSON.stringify(query.filter)}` : ''}`;
        perQuery.set(key, [...(perQuery.get(key) ?? []), time]);
      }
    }
    const slowest = [...perQuery].map(([query, times]) => ({ query, p50: summary(times).p50 })).sort((a, b) => b.p50 - a.p50).slice(0, 5);
    const result = { beforeOpen: { searches: beforeOpen.length, ...summary(beforeOpen) }, whileOpen: { searches: open.length, ...summary(open) }, slowest };
    for (const { query, p50 } of slowest) console.log(`    slowest: ${p50} ms  ${query}`);
    console.log(`  ${label}: ${beforeOpen.length} searches before the breaker opened, p50 ${result.beforeOpen.p50} ms; while open p50 ${result.whileOpen.p50} ms, p95 ${result.whileOpen.p95} ms, max ${result.whileOpen.max} ms`);
    return result;
  } finally {
    breaker.stop();
    await engine.close();
  }
}

async function main(): Promise<void> {
  const size = Number(argument('size', '10000'));
  const rounds = Number(argument('rounds', '3'));
  const keep = argument('keep', '');
  const dataDir = keep || mkdtempSync(join(tmpdir(), 'synapse-degraded-'));
  const postgres = await startEmbeddedPostgres();
  const results: Record<string, unknown> = {};
  try {
    const only = argument('only', 'sqlite,postgresql').split(',');
    for (const [label, options] of [
      ['sqlite', { sqlitePath: join(dataDir, 'synapse.sqlite') }],
      ['postgresql', { databaseUrl: await postgres.createDatabase('synapse_degraded') }],
    ] as const) {
      if (!only.includes(label)) continue;
      const orm = await openDatabase(options);
      try {
        const started = Date.now();
        await seedSyntheticCorpus(orm, size, 20261130);
        // As autovacuum would soon after a bulk load: the planner needs statistics.
        await entityManager(orm).getConnection().execute('analyze');
        console.log(`  ${label}: seeded ${size} experiments in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        results[label] = await measure(label, orm, rounds);
      } finally {
        await orm.close();
      }
    }
  } finally {
    await postgres.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
  const os = await import('node:os');
  const machine = { node: process.version, cpus: os.cpus().length, loadAverage1m: Number((os.loadavg()[0] ?? NaN).toFixed(1)), date: new Date().toISOString() };
  writeFileSync(RESULTS, `${JSON.stringify({ machine, size, rounds, queries: QUERIES.length, engineTimeoutMs: TIMEOUT_MS, results }, null, 2)}\n`);
  console.log(`Results written to ${RESULTS}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
