import type { ExperimentDocument } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
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

/** Kept for callers that compare documents directly; documents carry their own `version` of it. */
export { fingerprint } from './document-version.js';

function sameState(before: ExperimentDocument[], after: ExperimentDocument[]): boolean {
  if (before.length !== after.length) return false;
  const seen = new Map(before.map((document) => [document.id, document.version]));
  return after.every((document) => seen.get(document.id) === document.version);
}

/**
 * Makes the index show the database's current state of these experiments and their families: builds the
 * documents, upserts the published ones, deletes the rest, waits for Meilisearch to apply both, then reads the
 * database again. If it changed meanwhile it writes again. So the last write to land for any document was
 * checked against the database after it landed — a slower worker's older snapshot can never be the final word
 * (Meilisearch applies tasks in the order they were enqueued). See docs/ARCHITECTURE.md, "Search ordering".
 */
export async function syncExperiments(em: EntityManager, index: SearchIndex, ids: string[]): Promise<void> {
  const touched = new Set(ids);
  em.clear();
  let documents = await buildDocuments(em, ids);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const document of documents) touched.add(document.id);
    const present = new Set(documents.map((document) => document.id));
    await index.upsert(documents);
    await index.remove([...touched].filter((id) => !present.has(id)));
    em.clear();
    const now = await buildDocuments(em, ids);
    if (sameState(documents, now)) return;
    documents = now;
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
