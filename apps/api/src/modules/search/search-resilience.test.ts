import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemberRole } from '@synapse/domain';
import { LocalMeilisearch } from '@synapse/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import type { Member } from '../member/member.entity.js';
import { SearchIndex } from './search-index.js';
import { Job } from '../job/job.entity.js';
import type { JobWorker } from '../job/job-worker.js';
import { SEARCH_JOB_HANDLERS } from './search-sync.js';

// This file runs its own Meilisearch so that it can stop it: the database stays the truth throughout.
let dataDir: string;
let meili: LocalMeilisearch;
let worker: JobWorker;
let h: Harness;
let editor: Member;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'synapse-resilience-'));
  meili = await LocalMeilisearch.start({ dataDir });
  const index = new SearchIndex({ url: meili.url, apiKey: meili.masterKey, index: 'experiments', timeoutMs: 1000 });
  h = await createHarness({ search: index });
  worker = h.jobWorker({ handlers: SEARCH_JOB_HANDLERS, pollMs: 50, backoffMs: 100, maxBackoffMs: 1000 });
  worker.start();
  editor = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR);
});

afterAll(async () => {
  await worker?.stop();
  await meili?.start().catch(() => undefined);
  await h?.close();
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const SEARCH = 'query($q: String!) { search(query: $q) { degraded hits { experiment { title } } } }';

async function publish(title: string, problem: string): Promise<{ id: string; version: number }> {
  const created = await h.run(
    `mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { id version } }`,
    { input: { title, summary: 'A resilience test.', problem, approach: 'Try it.', serviceAreas: ['waste'] } },
    editor,
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data.createExperiment;
  const published = await h.run('mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { version } }', { id, v: version }, editor);
  expect(published.errors).toBeUndefined();
  return { id, version: published.data.publishExperiment.version };
}

async function found(query: string): Promise<{ degraded: boolean; titles: string[] }> {
  const result = await h.run(SEARCH, { q: query });
  expect(result.errors).toBeUndefined();
  return { degraded: result.data.search.degraded, titles: result.data.search.hits.map((hit: any) => hit.experiment.title) };
}

describe('search when Meilisearch goes away and comes back', () => {
  it('keeps accepting writes, answers degraded from the database, and converges when the engine returns', async () => {
    const first = await publish('Compost bins for flats', 'Food waste from flats');
    await expect.poll(() => found('compost'), { timeout: 30_000, interval: 100 }).toEqual({ degraded: false, titles: ['Compost bins for flats'] }); // generous: a loaded CI machine syncs slowly

    await meili.stop();

    // Writes still succeed while the engine is down…
    const second = await publish('Reuse shop at the tip', 'Usable furniture thrown away');
    const renamed = await h.run(
      'mutation($id: ID!, $v: Int!) { updateExperiment(id: $id, version: $v, input: { title: "Compost caddies for flats" }) { title } }',
      { id: first.id, v: first.version },
      editor,
    );
    expect(renamed.errors).toBeUndefined();

    // …search answers from the database and says so…
    expect(await found('reuse')).toEqual({ degraded: true, titles: ['Reuse shop at the tip'] });
    expect(await found('caddies')).toEqual({ degraded: true, titles: ['Compost caddies for flats'] });

    // …and failed sync jobs are recorded, not lost.
    await expect
      .poll(async () => (await h.em().find(Job, { type: { $like: 'search.%' } })).some((job) => job.attempts > 0 && job.lastError !== null), {
        timeout: 10_000,
        interval: 100,
      })
      .toBe(true);

    await meili.start();

    await expect.poll(() => found('reuse'), { timeout: 20_000, interval: 200 }).toEqual({ degraded: false, titles: ['Reuse shop at the tip'] });
    await expect.poll(() => found('caddies'), { timeout: 20_000, interval: 200 }).toEqual({ degraded: false, titles: ['Compost caddies for flats'] });
    await expect.poll(() => h.em().count(Job, { type: { $like: 'search.%' } }), { timeout: 20_000, interval: 200 }).toBe(0);
    // Nothing stale or lost: the index holds exactly the published experiments, with their current titles.
    expect((await found('compost bins')).titles).not.toContain('Compost bins for flats');
    expect(await h.searchIndex!.count()).toBe(2);
    expect(second.id).toBeTruthy();
  });
});
