import 'reflect-metadata';
import cluster from 'node:cluster';
import { serveApi } from './api-process.js';
import { runPrimary } from './cluster-primary.js';
import { loadConfig } from './config.js';

// One process per core (WEB_CONCURRENCY): a primary that migrates, seeds and runs Meilisearch, and API workers
// that share the port. WEB_CONCURRENCY=1 runs everything in this one process.
async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) await serveApi(config, { worker: true });
  else if (config.webConcurrency > 1) await runPrimary(config);
  else await serveApi(config, { worker: false });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
