import type { ExperimentDocument } from '@synapse/search';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Job, JobState } from '../job/job.entity.js';
import { SearchIndex } from './search-index.js';
import { SYNC_EXPERIMENT, syncExperiments } from './search-sync.js';

// Under constant edits a sync used to rebuild and rewrite every document that changed while it was writing, up to
// five times, although each change had queued a sync job of its own that would rebuild it again anyway. Now a
// sync leaves such a change to that job, when the job is queued and unclaimed (it will read the database after
// this write has landed), and still writes it itself when nobody is left to (the index must never go backwards).

/** The test's index, recording each upsert's titles and running `beforeWrite` before the first one only. */
class EditedWhileWriting extends SearchIndex {
  writes: string[][] = [];
  beforeWrite: (() => Promise<void>) | null = null;

  override async upsert(documents: ExperimentDocument[]): Promise<void> {
    const edit = this.beforeWrite;
    this.beforeWrite = null;
    if (edit) await edit();
    this.writes.push(documents.map((document) => document.title));
    await super.upsert(documents);
  }
}

let h: Harness;
let index: EditedWhileWriting;

beforeAll(async () => {
  h = await createHarness({ search: true });
  const engine = h.searchIndex!;
  index = new EditedWhileWriting({ url: engine.client.config.host, apiKey: engine.client.config.apiKey ?? null, index: engine.uid });
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  index.writes = [];
});

/** Renames an experiment in a transaction of its own; the outbox queues its sync job in the same flush. */
async function rename(id: string, title: string): Promise<void> {
  const em = h.em();
  const experiment = await em.findOneOrFail(Experiment, { id });
  experiment.title = title;
  await em.flush();
}

async function indexedTitle(id: string): Promise<string | undefined> {
  const [document] = await index.documentsById([id], ['title']);
  return document?.title;
}

async function published(title: string): Promise<string> {
  const council = await buildCouncil(h.em(), { name: `${title} Council` });
  const experiment = await buildExperiment(h.em(), { lead: council, title });
  await h.runJobs();
  return experiment.id;
}

describe('a search sync that finds its experiment changed again', () => {
  it('leaves the change to the sync job already queued for it instead of rebuilding, and the index still ends current', { timeout: 30_000 }, async () => {
    const id = await published('Library hours pilot');
    index.beforeWrite = () => rename(id, 'Library hours pilot, second edit');

    await syncExperiments(h.em(), index, [id]);

    expect(index.writes).toEqual([['Library hours pilot']]); // one write: the second edit is left to its job
    expect(await indexedTitle(id)).toBe('Library hours pilot');
    const queued = await h.em().find(Job, { type: SYNC_EXPERIMENT, key: id, state: JobState.PENDING, lockedUntil: null });
    expect(queued).toHaveLength(1);

    await h.runJobs();
    expect(await indexedTitle(id)).toBe('Library hours pilot, second edit');
  });

  it('writes the change itself when the job queued for it was already claimed (its run may have read before this write)', { timeout: 30_000 }, async () => {
    const id = await published('Bin collection trial');
    index.beforeWrite = async () => {
      await rename(id, 'Bin collection trial, second edit');
      // Another worker claims the new job now, before this sync's stale write lands.
      await h.em().nativeUpdate(Job, { type: SYNC_EXPERIMENT, key: id }, { lockedBy: 'another-worker', lockedUntil: new Date(Date.now() + 60_000) });
    };

    await syncExperiments(h.em(), index, [id]);

    expect(index.writes).toEqual([['Bin collection trial'], ['Bin collection trial, second edit']]);
    expect(await indexedTitle(id)).toBe('Bin collection trial, second edit');
    await h.em().nativeDelete(Job, { type: SYNC_EXPERIMENT, key: id });
  });
});
