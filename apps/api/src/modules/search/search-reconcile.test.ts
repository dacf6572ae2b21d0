import { ExperimentStatus, Verdict } from '@synapse/domain';
import { DOCUMENT_SCHEMA } from '@synapse/search';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Job } from '../job/job.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { documentSources, experimentRows } from './document-source.js';
import { allDocuments, SEARCHABLE, toDocument } from './experiment-document.js';
import { reconcileIndex } from './search-reconcile.js';
import { SYNC_EXPERIMENT } from './search-sync.js';

let h: Harness;
let published: Experiment[];
let draft: Experiment;
let otherLead: Organisation;
const log = () => undefined;

beforeAll(async () => {
  h = await createHarness({ search: true });
  const lead = await buildCouncil(h.em(), { name: 'Brackenmoor' });
  otherLead = await buildCouncil(h.em(), { name: 'Saltmarsh' });
  published = [];
  for (const title of ['Street lighting dimmed after midnight', 'Text reminders for bin day', 'Warm spaces in libraries', 'Shared lives for adults']) {
    published.push(await buildExperiment(h.em(), { lead: title.startsWith('Shared') ? otherLead : lead, title, outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 2 }] }));
  }
  draft = await buildExperiment(h.em(), { lead, title: 'An unpublished draft', status: ExperimentStatus.DRAFT });
  await h.syncSearch();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  // Each test starts from an index that matches the database, with no repair queued.
  await h.syncSearch();
  await reconcileIndex(h.em(), h.searchIndex!, log);
  await h.syncSearch();
});

async function queuedRepairs(): Promise<string[]> {
  const jobs = await h.em().find(Job, { type: SYNC_EXPERIMENT });
  return jobs.map((job) => String(job.payload.experimentId)).sort();
}

async function indexedVersions(): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for await (const page of h.searchIndex!.versions(2)) for (const { id, version } of page) versions.set(id, version);
  return versions;
}

describe('search reconciliation', () => {
  it('finds nothing to repair when every document matches the database', async () => {
    expect(await reconcileIndex(h.em(), h.searchIndex!, log)).toEqual({ missing: 0, stale: 0, extra: 0, rebuilt: false });
    expect(await queuedRepairs()).toEqual([]);
  });

  it('reads only ids and content versions from the engine, and they are the versions the database gives', async () => {
    const fromDatabase = new Map<string, string>();
    for await (const page of allDocuments(h.em(), 2)) for (const document of page) fromDatabase.set(document.id, document.version);
    expect(fromDatabase.size).toBe(await h.em().count(Experiment, SEARCHABLE));
    expect(await indexedVersions()).toEqual(fromDatabase);
    for await (const page of h.searchIndex!.versions(2)) for (const document of page) expect(Object.keys(document).sort()).toEqual(['id', 'version']);
  });

  it('repairs documents that are missing, stale (the experiment or its council changed behind its back) or extra', async () => {
    const [lost, retitled, , moved] = published;
    const index = h.searchIndex!;
    await index.remove([lost!.id]);
    // Changes written without the outbox (nativeUpdate bypasses it), as a lost sync would leave them.
    await h.em().nativeUpdate(Experiment, { id: retitled!.id }, { title: 'Text reminders for bin day, in Welsh too' });
    await h.em().nativeUpdate(Organisation, { id: otherLead.id }, { name: 'Saltmarsh and Fen' });
    // A document for an experiment that is not searchable (a draft), as a missed removal would leave it.
    const [draftSource] = await documentSources(h.em(), await experimentRows(h.em(), [draft.id]));
    await index.upsert([toDocument(draftSource!)]);

    const report = await reconcileIndex(h.em(), index, log);
    expect(report).toEqual({ missing: 1, stale: 2, extra: 1, rebuilt: false });
    expect(await queuedRepairs()).toEqual([lost!.id, retitled!.id, moved!.id, draft.id].sort());

    await h.syncSearch();
    expect(await reconcileIndex(h.em(), index, log)).toEqual({ missing: 0, stale: 0, extra: 0, rebuilt: false });
    const hit = (await index.search('welsh', { attributesToRetrieve: ['id'] })).hits.map((document) => document.id);
    expect(hit).toEqual([retitled!.id]);
    expect((await indexedVersions()).has(draft.id)).toBe(false);
  });

  it('rebuilds the index when its documents have an older shape, and finds nothing left to repair after', async () => {
    const index = h.searchIndex!;
    const documents = [];
    for await (const page of allDocuments(h.em())) documents.push(...page.map((document) => ({ ...document, schema: DOCUMENT_SCHEMA - 1 })));
    await index.upsert(documents);
    const report = await reconcileIndex(h.em(), index, log);
    expect(report).toEqual({ missing: 0, stale: 0, extra: 0, rebuilt: true });
    const [sample] = (await index.search('', { limit: 1, attributesToRetrieve: ['schema'] })).hits;
    expect(sample?.schema).toBe(DOCUMENT_SCHEMA);
    expect(await index.count()).toBe(await h.em().count(Experiment, SEARCHABLE));
  });

  it('builds an empty index from the database', async () => {
    const index = h.searchIndex!;
    await index.remove(published.map((experiment) => experiment.id));
    expect(await index.count()).toBe(0);
    expect((await reconcileIndex(h.em(), index, log)).rebuilt).toBe(true);
    expect(await index.count()).toBe(await h.em().count(Experiment, SEARCHABLE));
    expect(await queuedRepairs()).toEqual([]);
  });
});
