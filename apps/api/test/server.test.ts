import { ExperimentStatus } from '@synapse/domain';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { bootstrapData } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/db/open.js';
import { entityManager } from '../src/db/orm.js';
import { Experiment } from '../src/modules/experiment/experiment.entity.js';
import { Organisation } from '../src/modules/organisation/organisation.entity.js';
import { Outcome } from '../src/modules/outcome/outcome.entity.js';
import { type SearchRuntime, startSearch } from '../src/modules/search/search-runtime.js';
import { createPostgresDatabase, TEST_DATABASE } from './harness.js';

// The whole start-up path as `npm start` runs it: configuration from the environment, migrations,
// reference data, demo data, HTTP server.
let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;
let orm: MikroORM;
let app: App;
let base: string;
let search: SearchRuntime | null;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'synapse-data-'));
  // An external Meilisearch, as with MEILI_URL in production (the suite's one, in an index of our own).
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX: `server_${randomBytes(6).toString('hex')}`,
  };
  if (TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
  const config = loadConfig(env);
  orm = await openConfiguredDatabase(config);
  await bootstrapData(orm, { seedDemo: config.seedDemo });
  search = await startSearch(orm, config, () => undefined, { pollMs: 50 });
  app = await createApp(orm, config, search?.index ?? null);
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await search?.stop();
  await search?.index.client.deleteIndex(search.index.uid).waitTask().catch(() => undefined);
  await app?.apollo.stop();
  app?.server.close();
  await orm?.close();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function graphql(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe('starting Synapse', () => {
  it('reads PORT, DATA_DIR and DATABASE_URL from the environment, with defaults', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ port: 4000, databaseUrl: null, demoMode: true, seedDemo: true });
    expect(defaults.dataDir).toMatch(/\/data$/);
    expect(loadConfig({ PORT: '8080', DATA_DIR: '/srv/synapse' })).toMatchObject({ port: 8080, dataDir: '/srv/synapse' });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    if (TEST_DATABASE === 'sqlite') expect(existsSync(join(dataDir, 'synapse.sqlite'))).toBe(true);
  });

  it('answers the health check', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves every UK council and the demo experiments to anonymous callers', async () => {
    const { status, body } = await graphql(
      '{ organisations(first: 1) { totalCount } experiments(first: 1) { totalCount } viewer { name } }',
      { 'x-synapse-anonymous': '1' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.organisations.totalCount).toBeGreaterThanOrEqual(397);
    expect(body.data.experiments.totalCount).toBeGreaterThanOrEqual(30);
    expect(body.data.viewer).toBeNull();
  });

  it('acts as the clearly labelled demo member until sign-in exists', async () => {
    const { body } = await graphql('{ viewer { name isDemo role organisation { name isDemo } } }');
    expect(body.data.viewer).toMatchObject({ isDemo: true, role: 'ADMIN', organisation: { isDemo: true } });
    expect(body.data.viewer.name).toMatch(/demonstration/i);
    // The demo council's own draft is visible to its member, not to anonymous callers.
    const drafts = '{ experiments(first: 5, filter: { statuses: [DRAFT] }) { totalCount } }';
    expect((await graphql(drafts)).body.data.experiments.totalCount).toBe(1);
    expect((await graphql(drafts, { 'x-synapse-anonymous': '1' })).body.data.experiments.totalCount).toBe(0);
  });

  it('has demo data across the four nations, at least 15 councils and 10 service areas, with honest verdicts', async () => {
    const em = entityManager(orm).fork();
    const published = await em.find(Experiment, { status: ExperimentStatus.PUBLISHED }, { populate: ['leadOrganisation', 'serviceAreas', 'outcomes', 'artefacts'] });
    expect(published.length).toBeGreaterThanOrEqual(30);
    expect(new Set(published.map((e) => e.leadOrganisation.getEntity().nation))).toEqual(
      new Set(['ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN_IRELAND']),
    );
    expect(new Set(published.map((e) => e.leadOrganisation.id)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(published.flatMap((e) => e.serviceAreas.getItems().map((a) => a.slug))).size).toBeGreaterThanOrEqual(10);
    expect(published.every((e) => e.outcomes.length > 0 && e.artefacts.length > 0)).toBe(true);
    const outcomes = published.flatMap((e) => e.outcomes.getItems());
    const notWorked = outcomes.filter((o) => o.verdict !== 'WORKED');
    expect(notWorked.length / outcomes.length).toBeGreaterThanOrEqual(0.25);
  });

  it('uses the Meilisearch at MEILI_URL and finds the demo homelessness experiments despite a typo', async () => {
    expect(search?.local).toBeNull();
    const query = '{ search(query: "homelessnes") { degraded hits { experiment { title } } } }';
    const answer = async () => {
      const { search: result } = (await graphql(query)).body.data;
      return { degraded: result.degraded, titles: result.hits.map((hit: { experiment: { title: string } }) => hit.experiment.title) };
    };
    // The index fills in the background after start; the answer converges to the engine's.
    await expect
      .poll(answer, { timeout: 20_000, interval: 100 })
      .toEqual({
        degraded: false,
        titles: expect.arrayContaining(['Housing First for people sleeping rough', 'Rapid rehousing with tenancy sustainment support']),
      });
  });

  it('can be started again on the same data without duplicating anything', async () => {
    const em = entityManager(orm).fork();
    const before = { organisations: await em.count(Organisation), experiments: await em.count(Experiment), outcomes: await em.count(Outcome) };
    await bootstrapData(orm, { seedDemo: true });
    const after = { organisations: await em.count(Organisation), experiments: await em.count(Experiment), outcomes: await em.count(Outcome) };
    expect(after).toEqual(before);
  });
});
