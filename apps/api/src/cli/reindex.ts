import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { ExperimentStatus } from '@synapse/domain';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { entityManager, isPostgres } from '../db/orm.js';
import { Experiment } from '../modules/experiment/experiment.entity.js';
import { allDocuments } from '../modules/search/experiment-document.js';
import { SearchIndex } from '../modules/search/search-index.js';
import { enqueueJob } from '../modules/job/job-queue.js';
import { RECONCILE_SEARCH } from '../modules/search/search-reconcile.js';
import { rebuildSearchText } from '../modules/search/search-text.js';
import { bundledMeilisearchBinary, LocalMeilisearch, MEILISEARCH_UNAVAILABLE_HELP, runningLocalMeilisearch } from '@synapse/search';

// npm run reindex: rebuilds the search index from the database into a new index, then swaps it in, so
// searches keep working throughout (and rebuilds the database's full-text data for degraded search). Uses MEILI_URL when set; otherwise the local Meilisearch that a running
// `npm start` supervises on the same DATA_DIR, or, when none is running, starts one for the duration.
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openConfiguredDatabase(config);
  // The degraded search's full-text data is rebuilt too (it is kept in step on every write; this repairs it).
  const em = entityManager(orm).fork();
  await em.transactional((tx) => rebuildSearchText(tx.getConnection(), isPostgres(tx) ? 'postgresql' : 'sqlite', tx.getTransactionContext()));
  let local: LocalMeilisearch | null = null;
  try {
    let url = config.meiliUrl;
    let key = config.meiliKey;
    const running = url ? null : await runningLocalMeilisearch(config.dataDir);
    if (running) {
      url = running.url;
      key = running.masterKey;
    } else if (!url) {
      if (!bundledMeilisearchBinary()) throw new Error(MEILISEARCH_UNAVAILABLE_HELP);
      local = await LocalMeilisearch.start({ dataDir: config.dataDir, maxIndexingMemory: config.meiliMaxIndexingMemory ?? undefined });
      url = local.url;
      key = local.masterKey;
    }
    const index = new SearchIndex({ url, apiKey: key, index: config.meiliIndex, timeoutMs: 60_000 });
    const total = await em.count(Experiment, { status: ExperimentStatus.PUBLISHED });
    const bar = new SingleBar({ format: 'Reindexing [{bar}] {value}/{total} experiments, {eta_formatted} left', hideCursor: true });
    bar.start(total, 0);
    const started = Date.now();
    const indexed = await index.rebuild(allDocuments(em), (done) => bar.update(done));
    bar.stop();
    console.log(`Indexed ${indexed} published experiments in ${((Date.now() - started) / 1000).toFixed(1)} s and swapped the new index in.`);
    // Changes a running API indexed during the rebuild were overtaken by the swap: its next reconciliation
    // (queued here) finds and repairs them.
    await enqueueJob(em, RECONCILE_SEARCH, { reason: 'reindex' }, { key: 'reindex' });
    await em.flush();
  } finally {
    await local?.stop();
    await orm.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
