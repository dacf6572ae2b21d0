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

/**
 * Connects to MEILI_URL, or starts and supervises a local Meilisearch, and enqueues a reconciliation of the
 * index with the database (the job queue keeps them in step from then on). Returns null when no engine can be
 * had (search answers from the database).
 */
export async function startSearch(orm: MikroORM, config: AppConfig, log: (message: string) => void): Promise<SearchRuntime | null> {
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
  const em = entityManager(orm).fork();
  await enqueueJob(em, RECONCILE_SEARCH, { reason: 'start' }, { key: 'start' });
  await em.flush();
  return {
    index,
    local,
    async stop() {
      await local?.stop();
    },
  };
}
