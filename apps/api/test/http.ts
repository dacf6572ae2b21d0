import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { inject } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { bootstrapData } from '../src/bootstrap.js';
import { type AppConfig, loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/db/open.js';
import { createRateLimits, type RateLimits } from '../src/http/rate-limit.js';
import { createMailer } from '../src/modules/identity/mailer.js';
import { JOB_HANDLERS, JOB_SCHEDULES } from '../src/modules/job/job-registry.js';
import { JobWorker } from '../src/modules/job/job-worker.js';
import { type SearchRuntime, startSearch } from '../src/modules/search/search-runtime.js';
import { shutdown } from '../src/shutdown.js';
import { freePort } from '@synapse/search';
import { createPostgresDatabase, TEST_DATABASE } from './harness.js';

export interface TestServer {
  base: string;
  orm: MikroORM;
  config: AppConfig;
  search: SearchRuntime | null;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Synapse as `npm start` runs it, on a free port: configuration from an environment, migrations, reference
 * and demo data, rate limits, the dev mailer, and the suite's Meilisearch (as MEILI_URL) in an index of its own.
 */
export async function startTestServer(overrides: NodeJS.ProcessEnv = {}, options: { search?: boolean; port?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-data-'));
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX: `server_${randomBytes(6).toString('hex')}`,
    ...overrides,
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  if (TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ ...env, PORT: String(port), PUBLIC_URL: base });
  const orm = await openConfiguredDatabase(config);
  await bootstrapData(orm, { seedDemo: config.seedDemo });
  const search = options.search === false ? null : await startSearch(orm, config, () => undefined);
  const rateLimits: RateLimits = await createRateLimits(config);
  const mailer = createMailer(config, orm, () => undefined);
  const jobs = new JobWorker({ orm, config, mailer, searchIndex: search?.index ?? null, handlers: JOB_HANDLERS, schedules: JOB_SCHEDULES, pollMs: 50 });
  jobs.start();
  const app: App = await createApp({ orm, config, mailer, searchIndex: search?.index ?? null, rateLimits });
  await new Promise<void>((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  return {
    base,
    orm,
    config,
    search,
    dataDir,
    async close() {
      // Each step bounded (as in production shutdown), so one stuck resource cannot hang the suite's hooks.
      await shutdown(
        [
          { name: 'job queue', run: () => jobs.stop(2000), timeoutMs: 5_000 },
          { name: 'search', run: async () => search?.stop(), timeoutMs: 5_000 },
          { name: 'test index', run: async () => search?.index.client.deleteIndex(search.index.uid).waitTask().catch(() => undefined), timeoutMs: 5_000 },
          { name: 'apollo', run: () => app.apollo.stop(), timeoutMs: 5_000 },
          { name: 'http', run: async () => { app.server.closeAllConnections(); app.server.close(); }, timeoutMs: 1_000 },
          { name: 'rate limits', run: () => rateLimits.close(), timeoutMs: 5_000 },
          { name: 'database', run: () => orm.close(), timeoutMs: 5_000 },
          { name: 'test database', run: async () => dropDatabase?.(), timeoutMs: 10_000 },
        ],
        (message) => {
          if (message.includes('longer than') || message.includes('failed')) console.warn(`Test server ${message}`);
        },
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny cookie-keeping HTTP client, like a browser tab. */
export class Browser {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  async graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await this.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
