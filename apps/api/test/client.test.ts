import { ExperimentsDocument, SearchDocument, ServiceAreasDocument, SynapseClient, SynapseError } from '@synapse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityManager } from '../src/db/orm.js';
import { DEMO_MEMBER_EMAIL } from '../src/demo/demo-member.js';
import { createApiKey } from '../src/modules/api-key/api-key.service.js';
import { Member } from '../src/modules/member/member.entity.js';
import { startTestServer, type TestServer } from './http.js';

// The partner client package against a running Synapse, authenticated with an API key.
let server: TestServer;
let client: SynapseClient;
beforeAll(async () => {
  server = await startTestServer();
  const em = entityManager(server.orm).fork();
  const admin = await em.findOneOrFail(Member, { email: DEMO_MEMBER_EMAIL });
  const { secret } = await createApiKey(em, admin, admin.organisation!.id, 'Client test', ['PUBLIC_READ' as never]);
  client = new SynapseClient({ url: `${server.base}/graphql`, apiKey: secret });
});
afterAll(async () => {
  await server?.close();
});

describe('@synapse/client', () => {
  it('pages through every published experiment in a service area, typed, with outcomes', async () => {
    const variables = { filter: { serviceAreas: ['adult-social-care'] }, first: 2 };
    const { experiments } = await client.request(ExperimentsDocument, variables);
    const all = [];
    for await (const experiment of client.paginate(ExperimentsDocument, variables, (data) => data.experiments)) all.push(experiment);
    expect(experiments.totalCount).toBeGreaterThan(2);
    expect(all).toHaveLength(experiments.totalCount);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.every((e) => e.serviceAreas.some((area) => area.slug === 'adult-social-care'))).toBe(true);
    expect(all.flatMap((e) => e.outcomes).every((o) => o.evidenceLevel >= 1 && o.evidenceLevel <= 5)).toBe(true);
  });

  it('pulls every published experiment on a theme, with outcomes, through search', async () => {
    // The index fills in the background after start.
    const variables = { query: '', filter: { themes: ['volunteering'] }, first: 50 };
    await expect.poll(async () => (await client.request(SearchDocument, variables)).search.hits.length, { timeout: 20_000, interval: 100 }).toBeGreaterThan(2);
    const titles: string[] = [];
    const hits = client.paginate(SearchDocument, { query: '', filter: { themes: ['volunteering'] }, first: 2 }, (data) => ({ nodes: data.search.hits, pageInfo: data.search.pageInfo }));
    for await (const { experiment } of hits) {
      expect(experiment.themes).toContain('volunteering');
      expect(experiment.outcomes.length).toBeGreaterThan(0);
      titles.push(experiment.title);
    }
    expect(titles.length).toBeGreaterThan(2);
    expect(titles).toContain('Volunteer drivers to speed up hospital discharge');
  });

  it('reports errors with their stable code and field', async () => {
    await expect(client.request(ExperimentsDocument, { first: 101 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badKey = new SynapseClient({ url: `${server.base}/graphql`, apiKey: 'syn_notakey0_xxxxxxxxxxxxxxxxxxxxxxxx' });
    const failure = await badKey.request(ServiceAreasDocument).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SynapseError);
    expect(failure).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
