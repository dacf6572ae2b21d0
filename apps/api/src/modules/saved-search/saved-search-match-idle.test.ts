import { ExperimentStatus, MemberRole } from '@synapse/domain';
import type { ExperimentDocument } from '@synapse/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Job } from '../job/job.entity.js';
import { JOB_HANDLERS } from '../job/job-registry.js';
import { SearchIndex } from '../search/search-index.js';
import { MATCH_SAVED_SEARCHES } from './saved-search-match.js';

// The saved-search match job synced the new experiment into the index before matching — once per publication, even
// when nobody but the publisher had a saved search. Under a stream of publications that was most of the queue's
// work (the bench's two-minute crash run). With nobody to tell it no longer touches the index.

/** The test's index, counting the writes made through it. */
class CountingIndex extends SearchIndex {
  writes = 0;

  override async upsert(documents: ExperimentDocument[]): Promise<void> {
    this.writes++;
    await super.upsert(documents);
  }
}

let h: Harness;
let index: CountingIndex;

beforeAll(async () => {
  h = await createHarness({ search: true });
  const engine = h.searchIndex!;
  index = new CountingIndex({ url: engine.client.config.host, apiKey: engine.client.config.apiKey ?? null, index: engine.uid });
});

afterAll(async () => {
  await h?.close();
});

describe('saved-search matching with no saved search to match', () => {
  it('does not write to the index (only the publisher has one: they are never told of their own publication)', { timeout: 30_000 }, async () => {
    const lead = await buildCouncil(h.em(), { name: 'Quietshire Council' });
    const publisher = await buildMember(h.em(), lead, MemberRole.EDITOR);
    const saved = await h.run('mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id } }', { input: { query: 'quiet lanes' } }, publisher);
    expect(saved.errors).toBeUndefined();
    const draft = await buildExperiment(h.em(), { lead, status: ExperimentStatus.DRAFT, title: 'Quiet lanes for cycling' });
    expect((await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 1) { status } }', { id: draft.id }, publisher)).errors).toBeUndefined();

    await h.jobWorker({ handlers: JOB_HANDLERS.filter((handler) => handler.type === 'notification.fan-out') }).drain();
    expect(await h.em().count(Job, { type: MATCH_SAVED_SEARCHES })).toBe(1);
    // Everything else the publication queued runs, but the search sync, with the match job's writes counted.
    const matches = h.jobWorker({ handlers: JOB_HANDLERS.filter((handler) => handler.type !== 'search.sync-experiment'), searchIndex: index });
    const report = await matches.drain();
    expect(report.failed).toBe(0);
    expect(await h.em().count(Job, { type: MATCH_SAVED_SEARCHES })).toBe(0); // it ran
    expect(index.writes).toBe(0);
  });
});
