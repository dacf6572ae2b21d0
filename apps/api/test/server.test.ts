import { ExperimentStatus } from '@synapse/domain';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapData } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { entityManager } from '../src/db/orm.js';
import { Experiment } from '../src/modules/experiment/experiment.entity.js';
import { Organisation } from '../src/modules/organisation/organisation.entity.js';
import { Outcome } from '../src/modules/outcome/outcome.entity.js';
import { TEST_DATABASE } from './harness.js';
import { Browser, startTestServer, type TestServer } from './http.js';

// The whole start-up path as `npm start` runs it: configuration from the environment, migrations,
// reference data, demo data, search and the HTTP server.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('starting Synapse', () => {
  it('reads PORT, DATA_DIR and DATABASE_URL from the environment, with defaults', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({ port: 4000, databaseUrl: null, seedDemo: true, publicUrl: 'http://localhost:4000', production: false });
    expect(defaults.dataDir).toMatch(/\/data$/);
    expect(loadConfig({ PORT: '8080', DATA_DIR: '/srv/synapse' })).toMatchObject({ port: 8080, dataDir: '/srv/synapse' });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL/);
    if (TEST_DATABASE === 'sqlite') expect(existsSync(join(server.dataDir, 'synapse.sqlite'))).toBe(true);
  });

  it('answers the health check', async () => {
    const response = await fetch(`${server.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', worker: process.pid });
  });

  it('serves every UK council and the demo experiments to anonymous callers', async () => {
    const { body } = await new Browser(server.base).graphql('{ organisations(first: 1) { totalCount } experiments(first: 1) { totalCount } viewer { name } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.organisations.totalCount).toBeGreaterThanOrEqual(397);
    expect(body.data.experiments.totalCount).toBeGreaterThanOrEqual(30);
    expect(body.data.viewer).toBeNull();
  });

  it('has demo data across the four nations, at least 15 councils and 10 service areas, with honest verdicts', async () => {
    const em = entityManager(server.orm).fork();
    const published = await em.find(
      Experiment,
      { status: ExperimentStatus.PUBLISHED },
      { populate: ['leadOrganisation', 'serviceAreas', 'outcomes', 'artefacts'] },
    );
    expect(published.length).toBeGreaterThanOrEqual(30);
    expect(new Set(published.map((e) => e.leadOrganisation.getEntity().nation))).toEqual(new Set(['ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN_IRELAND']));
    expect(new Set(published.map((e) => e.leadOrganisation.id)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(published.flatMap((e) => e.serviceAreas.getItems().map((a) => a.slug))).size).toBeGreaterThanOrEqual(10);
    expect(published.every((e) => e.artefacts.length > 0)).toBe(true);
    // Every published demo has an outcome, except a few kept on purpose to show "results not yet reported" and a
    // pilot still running (issue 19): each of those has an end date.
    const withoutOutcome = published.filter((e) => e.outcomes.length === 0);
    expect(withoutOutcome.length).toBeLessThanOrEqual(3);
    expect(withoutOutcome.every((e) => e.endDate !== null)).toBe(true);
    const outcomes = published.flatMap((e) => e.outcomes.getItems());
    const notWorked = outcomes.filter((o) => o.verdict !== 'WORKED');
    expect(notWorked.length / outcomes.length).toBeGreaterThanOrEqual(0.25);
  });

  it('uses the Meilisearch at MEILI_URL and finds the demo homelessness experiments despite a typo', async () => {
    expect(server.search?.local).toBeNull();
    const browser = new Browser(server.base);
    const answer = async () => {
      const { search: result } = (await browser.graphql('{ search(query: "homelessnes") { degraded hits { experiment { title } } } }')).body.data;
      return { degraded: result.degraded, titles: result.hits.map((hit: { experiment: { title: string } }) => hit.experiment.title) };
    };
    // The index fills in the background after start; the answer converges to the engine's.
    await expect.poll(answer, { timeout: 20_000, interval: 100 }).toEqual({
      degraded: false,
      titles: expect.arrayContaining(['Housing First for people sleeping rough', 'Rapid rehousing with tenancy sustainment support']),
    });
  });

  it('can be started again on the same data without duplicating anything', async () => {
    const em = entityManager(server.orm).fork();
    const counts = async () => ({
      organisations: await em.count(Organisation),
      experiments: await em.count(Experiment),
      outcomes: await em.count(Outcome),
    });
    const before = await counts();
    await bootstrapData(server.orm, { seedDemo: true });
    expect(await counts()).toEqual(before);
  });
});
