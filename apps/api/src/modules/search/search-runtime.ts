import type { MikroORM } from '@mikro-orm/core';
import { bundledMeilisearchBinary, LocalMeilisearch, MEILISEARCH_UNAVAILABLE_HELP } from '@synapse/search';
import type { AppConfig } from '../../config.js';
import { entityManager } from '../../db/orm.js';
import { enqueueJob } from '../job/job-queue.js';
import { RECONCILE_SEARCH } from './search-reconcile.js';
import { SearchIndex } from './search-index.js';

export interface SearchRuntime {
  index: SearchIndex;
  /** The Meilisearch this process runs, when no MEILI_URL was given. */
  local: LocalMeilisearch | null;
  stop(): Promise<void>;
}

export interface StartSearchOptions {
  /** Start a local Meilisearch when there is no MEILI_URL (default true; API workers connect to the primary's). */
  manageLocal?: boolean;
  /** Enqueue the start-up reconciliation (default true; in cluster mode the primary does it once). */
  reconcile?: boolean;
}

/**
 * Connects to MEILI_URL, or starts and supervises a local Meilisearch, and enqueues a reconciliation of the
 * index with the database (the job queue keeps them in step from then on). Returns null when no engine can be
 * had (search answers from the database).
 */
export async function startSearch(
  orm: MikroORM,
  config: AppConfig,
  log: (message: string) => void,
  { manageLocal = true, reconcile = true }: StartSearchOptions = {},
): Promise<SearchRuntime | null> {
  let local: LocalMeilisearch | null = null;
  let url = config.meiliUrl;
  let key = config.meiliKey;
  if (!url) {
    if (!manageLocal) return null; // the primary found no engine and said so
    if (!bundledMeilisearchBinary()) {
      log(`Search runs in degraded mode (database matching). ${MEILISEARCH_UNAVAILABLE_HELP}`);
      return null;
    }
    local = await LocalMeilisearch.start({ dataDir: config.dataDir, log, maxIndexingMemory: config.meiliMaxIndexingMemory ?? undefined });
    url = local.url;
    key = local.masterKey;
  }
  const index = new SearchIndex({ url, apiKey: key, index: config.meiliIndex });
  if (reconcile) {
    const em = entityManager(orm).fork();
    await enqueueJob(em, RECONCILE_SEARCH, { reason: 'start' }, { key: 'start' });
    await em.flush();
  }
  return {
    index,
    local,
    async stop() {
      await local?.stop();
    },
  };
}
