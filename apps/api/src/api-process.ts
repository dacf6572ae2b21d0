import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { bootstrapData } from './bootstrap.js';
import type { AppConfig } from './config.js';
import { openConfiguredDatabase } from './db/open.js';
import { createRateLimits } from './http/rate-limit.js';
import { createMailer } from './modules/identity/mailer.js';
import { JOB_HANDLERS, JOB_SCHEDULES } from './modules/job/job-registry.js';
import { JobWorker } from './modules/job/job-worker.js';
import { startSearch } from './modules/search/search-runtime.js';
import { shutdown } from './shutdown.js';

/** The line `npm start` prints once Synapse answers. */
export function announce(config: AppConfig, port: number, engine: string, workers: number): void {
  const database = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const processes = workers > 1 ? ` in ${workers} API worker processes` : '';
  console.log(`Synapse is running at http://localhost:${port}/ (GraphQL at /graphql)${processes}, data: ${database}, search: ${engine}`);
  if (!config.smtpUrl) {
    console.log(`No SMTP_URL: sign-in emails are written to this log and to http://localhost:${port}/dev/mailbox`);
  }
}

/** How search runs, for the log. */
export function engineName(config: AppConfig, local: boolean, available: boolean): string {
  if (!available) return 'database matching only';
  return local ? 'local Meilisearch' : (config.meiliUrl ?? 'local Meilisearch');
}

/**
 * Serves the API in this process: HTTP and GraphQL, the job queue, rate limits. Alone (WEB_CONCURRENCY=1) it
 * also migrates, loads reference and demo data, and runs its own Meilisearch; as a cluster worker it leaves those
 * to the primary (cluster-primary.ts) and connects to the Meilisearch the primary runs (MEILI_URL in its env).
 * SIGTERM or SIGINT stops it gracefully.
 */
export async function serveApi(config: AppConfig, { worker }: { worker: boolean }): Promise<void> {
  const log = (message: string) => console.log(message);
  const orm = await openConfiguredDatabase(config, { migrate: !worker });
  if (!worker) await bootstrapData(orm, { seedDemo: config.seedDemo, log });
  const search = await startSearch(orm, config, log, { manageLocal: !worker, reconcile: !worker });
  const rateLimits = await createRateLimits(config, { log });
  const mailer = createMailer(config, orm);
  const jobs = new JobWorker({ orm, config, mailer, searchIndex: search?.index ?? null, handlers: JOB_HANDLERS, schedules: JOB_SCHEDULES, log });
  jobs.start();
  const { server, apollo } = await createApp({ orm, config, mailer, searchIndex: search?.index ?? null, rateLimits });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  if (!worker) announce(config, (server.address() as AddressInfo | null)?.port ?? config.port, engineName(config, !!search?.local, !!search), 1);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(worker ? `API worker ${process.pid}: ${signal} received, shutting down.` : `${signal} received, shutting down.`);
    await shutdown(
      [
        // Apollo's drain plugin closes the server to new connections, waits for requests in flight (closing
        // idle keep-alive connections), and after its grace period (10 s) closes the rest.
        { name: 'HTTP server and GraphQL', run: () => apollo.stop(), timeoutMs: 12_000 },
        // Waits for running jobs, then releases the unfinished ones to other processes.
        { name: 'job queue', run: () => jobs.stop(10_000), timeoutMs: 11_000 },
        // Writes the request counts not yet synced.
        { name: 'rate limits', run: () => rateLimits.close(), timeoutMs: 2_000 },
        { name: 'database', run: () => orm.close(), timeoutMs: 5_000 },
        // The Meilisearch this process runs (alone; in cluster mode the primary's stops after the workers).
        ...(search?.local ? [{ name: 'Meilisearch', run: () => search.stop(), timeoutMs: 6_000 }] : []),
      ],
      log,
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
