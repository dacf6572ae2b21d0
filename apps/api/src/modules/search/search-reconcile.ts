import { DOCUMENT_SCHEMA } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { enqueueJob } from '../job/job-queue.js';
import type { JobHandler, JobSchedule } from '../job/job.types.js';
import { allDocuments, allVersions, SEARCHABLE } from './experiment-document.js';
import type { SearchIndex } from './search-index.js';
import { SYNC_EXPERIMENT } from './search-sync.js';

export const RECONCILE_SEARCH = 'search.reconcile';

export interface ReconcileReport {
  missing: number;
  stale: number;
  extra: number;
  rebuilt: boolean;
}

/**
 * Compares the index with the database document by document — ids and content versions, not counts — and
 * enqueues a sync job for each experiment that is missing, stale or should not be there. Each document carries the
 * version (a hash) of its content, so the engine is asked for ids and versions only, and the database's side is
 * built a page at a time and released (see allVersions): memory is one page plus an id → version map, whatever the
 * corpus. When the documents have changed shape (a new DOCUMENT_SCHEMA), or the index is empty, it is first rebuilt
 * beside the live one and swapped in; the comparison after it catches writes the swap overtook.
 */
export async function reconcileIndex(em: EntityManager, index: SearchIndex, log: (message: string) => void): Promise<ReconcileReport> {
  const report: ReconcileReport = { missing: 0, stale: 0, extra: 0, rebuilt: false };
  await index.ensureReady();
  const [sample] = (await index.search('', { limit: 1, attributesToRetrieve: ['schema'] })).hits;
  const empty = !sample && (await em.count(Experiment, SEARCHABLE)) > 0;
  if (empty || (sample && sample.schema !== DOCUMENT_SCHEMA)) {
    log(empty ? 'Search index is empty: building it.' : 'Search documents have changed shape: rebuilding the index.');
    await index.rebuild(allDocuments(em.fork()));
    report.rebuilt = true;
  }
  const indexed = new Map<string, string>();
  for await (const page of index.versions()) for (const { id, version } of page) indexed.set(id, version);
  const repair = new Set<string>();
  // Small pages, and a turn of the event loop between them: requests are served while it runs.
  for await (const page of allVersions(em.fork(), 100)) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const { id, version } of page) {
      const found = indexed.get(id);
      indexed.delete(id);
      if (found === version) continue;
      if (found === undefined) report.missing++;
      else report.stale++;
      repair.add(id);
    }
  }
  report.extra = indexed.size;
  for (const id of indexed.keys()) repair.add(id);
  for (const id of repair) await enqueueJob(em, SYNC_EXPERIMENT, { experimentId: id }, { key: id });
  await em.flush();
  if (repair.size) log(`Search reconciliation: ${report.missing} missing, ${report.stale} stale, ${report.extra} extra; repairing.`);
  return report;
}

export const SEARCH_RECONCILE_HANDLER: JobHandler = {
  type: RECONCILE_SEARCH,
  // The start-up job and the schedule's first run are due together: one comparison serves both, and never two
  // at once in one process (each holds a map of every id).
  concurrency: 1,
  batchSize: 10,
  async run(payload, context) {
    await this.runBatch!([payload], context);
  },
  async runBatch(_payloads, { em, searchIndex, log }) {
    if (searchIndex) await reconcileIndex(em, searchIndex, log);
  },
};

/** Besides every start, compare the whole index with the database every 15 minutes. */
export const SEARCH_RECONCILE_SCHEDULE: JobSchedule = { type: RECONCILE_SEARCH, everyMs: 15 * 60_000 };
