import type { ExperimentDocument } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Job, JobState } from '../job/job.entity.js';
import type { JobHandler } from '../job/job.types.js';
import { buildDocuments, SEARCHABLE } from './experiment-document.js';
import type { SearchIndex } from './search-index.js';

/** Job types: refresh one experiment's documents (and its family's); refresh every document showing an organisation. */
export const SYNC_EXPERIMENT = 'search.sync-experiment';
export const SYNC_ORGANISATION = 'search.sync-organisation';

/** How many times a sync writes again because the database changed under it, before it gives up and retries later. */
const MAX_ROUNDS = 5;

/** Experiments whose documents show these organisations: as lead, place or partner. */
export async function experimentsOfOrganisations(em: EntityManager, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const experiments = await em.find(
    Experiment,
    {
      ...SEARCHABLE,
      $or: [
        { leadOrganisation: { $in: organisationIds } },
        { places: { $in: organisationIds } },
        { partners: { organisation: { $in: organisationIds } } },
      ],
    },
    { fields: ['id'] },
  );
  return experiments.map((experiment) => experiment.id);
}

/** A document as a comparable string: keys and array items sorted (engines and databases may reorder them). */
export function fingerprint(document: ExperimentDocument | Record<string, unknown>): string {
  const normal = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(normal).map((item) => JSON.stringify(item)).sort();
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normal(v)]));
    return value ?? null;
  };
  return JSON.stringify(normal(document));
}

/** Document fingerprints by id; an id in `ids` without a document maps to null (it must not be in the index). */
function stateOf(documents: ExperimentDocument[], ids: Iterable<string>): Map<string, string | null> {
  const state = new Map<string, string | null>();
  for (const id of ids) state.set(id, null);
  for (const document of documents) state.set(document.id, fingerprint(document));
  return state;
}

/**
 * Of these experiments, those with a sync job that is queued, due and not claimed by anyone: whoever claims it
 * reads the database after now, so its write lands after ours and is checked in turn. A job already claimed does
 * not count (its run may have read the database before our write landed).
 */
export async function queuedSyncs(em: EntityManager, ids: string[], now = new Date()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const jobs = await em.find(Job, { type: SYNC_EXPERIMENT, key: { $in: ids }, state: JobState.PENDING, lockedUntil: null, runAt: { $lte: now } }, { fields: ['key'] });
  return new Set(jobs.map((job) => String(job.key)));
}

/**
 * Makes the index show the database's current state of these experiments and their families: builds the
 * documents, upserts the published ones, deletes the rest, waits for Meilisearch to apply both, then reads the
 * database again and compares document by document. A document that changed meanwhile is written again — unless
 * its experiment has a sync job queued and unclaimed, which will run after this write has landed: the change is
 * left to it (under constant edits, rebuilding again only to be overtaken again was most of the queue's work).
 * So the last write to land for any document was checked against the database after it landed, or is followed by
 * a run that checks — a slower worker's older snapshot can never be the final word (Meilisearch applies tasks in
 * the order they were enqueued). See docs/ARCHITECTURE.md, "Search ordering".
 */
export async function syncExperiments(em: EntityManager, index: SearchIndex, ids: string[]): Promise<void> {
  em.clear();
  const documents = await buildDocuments(em, ids);
  const written = stateOf(documents, ids);
  await index.upsert(documents);
  await index.remove([...written].filter(([, state]) => state === null).map(([id]) => id));
  const left = new Set<string>(); // changes left to a queued job: never written again by this run
  for (let round = 0; round < MAX_ROUNDS; round++) {
    em.clear();
    const now = (await buildDocuments(em, ids)).filter((document) => !left.has(document.id));
    const current = stateOf(now, written.keys());
    const changed = [...current].filter(([id, state]) => written.get(id) !== state).map(([id]) => id);
    if (changed.length === 0) return;
    const queued = await queuedSyncs(em, changed);
    const mine = new Set(changed.filter((id) => !queued.has(id)));
    for (const id of queued) {
      left.add(id);
      written.delete(id);
    }
    if (mine.size === 0) return;
    await index.upsert(now.filter((document) => mine.has(document.id)));
    await index.remove([...mine].filter((id) => current.get(id) === null));
    for (const id of mine) written.set(id, current.get(id) ?? null);
  }
  throw new Error(`experiments ${ids.join(', ')} kept changing while being indexed; will retry`);
}

function engine(index: SearchIndex | null): index is SearchIndex {
  // Without an engine there is nothing to keep in step; reconciliation on the next start with one repairs.
  return index !== null;
}

export const SEARCH_JOB_HANDLERS: JobHandler[] = [
  {
    type: SYNC_EXPERIMENT,
    maxAttempts: 50,
    batchSize: 200,
    // One batch at a time per process: a batch covers every experiment changed before its claim, so a second one
    // beside it mostly rebuilds the same documents, and building them is the CPU the other jobs need.
    concurrency: 1,
    async run(payload, context) {
      await this.runBatch!([payload], context);
    },
    async runBatch(payloads, { em, searchIndex }) {
      if (engine(searchIndex)) await syncExperiments(em, searchIndex, [...new Set(payloads.map((payload) => String(payload.experimentId)))]);
    },
  },
  {
    type: SYNC_ORGANISATION,
    maxAttempts: 50,
    async run(payload, { em, searchIndex }) {
      if (!engine(searchIndex)) return;
      const ids = await experimentsOfOrganisations(em, [String(payload.organisationId)]);
      for (let start = 0; start < ids.length; start += 100) await syncExperiments(em, searchIndex, ids.slice(start, start + 100));
    },
  },
];
