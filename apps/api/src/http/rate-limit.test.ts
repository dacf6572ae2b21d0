import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, TEST_DATABASE } from '../../test/harness.js';
import { type AppConfig, loadConfig } from '../config.js';
import { createRateLimits, type RateLimitOptions, type RateLimits } from './rate-limit.js';

// Each limiter below stands for one API process: its own connection to the shared store (a SQLite file beside
// the main database, or PostgreSQL), its own in-memory counts, its own HTTP server.

let dataDir: string;
const drops: (() => Promise<void>)[] = [];
const running: { server: Server; limits: RateLimits }[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'synapse-rate-limits-'));
});

afterEach(async () => {
  for (const { server, limits } of running.splice(0)) {
    server.closeAllConnections();
    server.close();
    await limits.close();
  }
});

afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh store (its own SQLite file, or its own PostgreSQL database) with this limit per address. */
async function config(anonymous: number, store: string): Promise<AppConfig> {
  let databaseUrl: string | undefined;
  if (TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase();
    drops.push(database.drop);
    databaseUrl = database.url;
  }
  mkdirSync(join(dataDir, store));
  return loadConfig({
    DATA_DIR: join(dataDir, store),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    RATE_LIMIT_ANONYMOUS: String(anonymous),
    RATE_LIMIT_WINDOW_SECONDS: '600',
  });
}

/** An "API process": a server whose every answer goes through the rate-limit middleware, syncing only when told. */
async function apiProcess(settings: AppConfig, options: RateLimitOptions = {}) {
  const limits = await createRateLimits(settings, { syncMs: 3_600_000, ...options });
  const app = express();
  app.use(limits.middleware, (_request, response) => void response.json({ ok: true }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  running.push({ server, limits });
  return { limits, request: async () => (await fetch(base)).status };
}

describe('rate limits shared by several processes', () => {
  it('one process alone refuses exactly past the limit, before any sync', async () => {
    const one = await apiProcess(await config(10, 'alone'));
    const statuses = [];
    for (let n = 0; n < 12; n++) statuses.push(await one.request());
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
  });

  it('two processes on one database together refuse past the limit once each has synced', async () => {
    const settings = await config(10, 'shared');
    const [a, b] = [await apiProcess(settings), await apiProcess(settings)];
    // A load balancer alternating between them; each process writes its counts at the end of every interval.
    const rounds: number[][] = [];
    for (let round = 0; round < 5; round++) {
      const statuses = [await a.request(), await b.request(), await a.request(), await b.request()];
      rounds.push(statuses);
      await a.limits.sync();
      await b.limits.sync();
    }
    const allowed = rounds.flat().filter((status) => status === 200).length;
    // At least the limit, and at most one interval's worth of requests beyond it (each process only knows its
    // own requests between syncs), then every request to either process is refused.
    expect(allowed).toBeGreaterThanOrEqual(10);
    expect(allowed).toBeLessThanOrEqual(10 + 4);
    expect(rounds.at(-1)).toEqual([429, 429, 429, 429]);
    expect(rounds.at(-2)).toEqual([429, 429, 429, 429]);
    // A third process starting now reads the shared count before its first answer: it refuses at once.
    const c = await apiProcess(settings);
    expect(await c.request()).toBe(429);
  });

  it('a burst of requests costs one read and one write, not a database write per request', async () => {
    const statements: string[] = [];
    const one = await apiProcess(await config(1000, 'burst'), { onStatement: (sql) => statements.push(sql.trim().split(/\s+/)[0]!.toUpperCase()) });
    statements.length = 0; // the store's table creation
    const statuses = await Promise.all(Array.from({ length: 100 }, () => one.request()));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await one.limits.sync();
    // Before: 100 upserts. Now: the first request reads the shared count, the sync writes 100 points at once.
    // (better-sqlite3 wraps the upsert in BEGIN … COMMIT.)
    expect(statements.filter((verb) => verb !== 'BEGIN' && verb !== 'COMMIT')).toEqual(['SELECT', 'INSERT']);
  });
});
