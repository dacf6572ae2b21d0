import type { MikroORM } from '@mikro-orm/core';
import { ExperimentStatus } from '@synapse/domain';
import { bundledMeilisearchBinary, DOCUMENT_SCHEMA, LocalMeilisearch, MEILISEARCH_UNAVAILABLE_HELP } from '@synapse/search';
import type { AppConfig } from '../../config.js';
import { entityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { allDocuments } from './experiment-document.js';
import { SearchIndex } from './search-index.js';
import { OutboxWorker, type OutboxWorkerOptions } from './search-sync.js';

export interface SearchRuntime {
  index: SearchIndex;
  worker: OutboxWorker;
  /** The Meilisearch this process runs, when no MEILI_URL was given. */
  local: LocalMeilisearch | null;
  stop(): Promise<void>;
}

/** Rebuilds the index when it does not hold one document per published experiment (e.g. new or lost search data). */
export async function reconcileIndex(orm: MikroORM, index: SearchIndex, log: (message: string) => void): Promise<void> {
  const em = entityManager(orm).fork();
  const published = await em.count(Experiment, { status: ExperimentStatus.PUBLISHED });
  await index.ensureReady();
  const indexed = await index.count();
  const [sample] = indexed ? (await index.search('', { limit: 1, attributesToRetrieve: ['schema'] })).hits : [];
  const current = !sample || sample.schema === DOCUMENT_SCHEMA;
  if (indexed === published && current) return;
  log(current ? `Search index has ${indexed} documents for ${published} published experiments: rebuilding it.` : 'Search documents have changed shape: rebuilding the index.');
  await index.rebuild(allDocuments(em));
}

/**
 * Connects to MEILI_URL, or starts and supervises a local Meilisearch; then keeps the index in step with
 * the database through the outbox. Returns null when no engine can be had (search answers from the database).
 */
export async function startSearch(
  orm: MikroORM,
  config: AppConfig,
  log: (message: string) => void,
  workerOptions: OutboxWorkerOptions = {},
): Promise<SearchRuntime | null> {
  let local: LocalMeilisearch | null = null;
  let url = config.meiliUrl;
  let key = config.meiliKey;
  if (!url) {
    if (!bundledMeilisearchBinary()) {
      log(`Search runs in degraded mode (database matching). ${MEILISEARCH_UNAVAILABLE_HELP}`);
      return null;
    }
    local = await LocalMeilisearch.start({ dataDir: config.dataDir, log });
    url = local.url;
    key = local.masterKey;
  }
  const index = new SearchIndex({ url, apiKey: key, index: config.meiliIndex });
  const worker = new OutboxWorker(orm, index, { log, ...workerOptions });
  // Reconciling must not hold up start-up, and must not stop it if the engine is down (the worker retries).
  void reconcileIndex(orm, index, log)
    .catch((error: Error) => log(`Search index not ready yet: ${error.message}`))
    .finally(() => worker.start());
  return {
    index,
    worker,
    local,
    async stop() {
      await worker.stop();
      await local?.stop();
    },
  };
}
