import 'reflect-metadata';
import { createApp } from './app.js';
import { bootstrapData } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/open.js';
import { createRateLimits } from './http/rate-limit.js';
import { createMailer } from './modules/identity/mailer.js';
import { JOB_HANDLERS, JOB_SCHEDULES } from './modules/job/job-registry.js';
import { JobWorker } from './modules/job/job-worker.js';
import { startSearch } from './modules/search/search-runtime.js';
import { shutdown } from './shutdown.js';

async function main(): Promise<void> {
  const log = (message: string) => console.log(message);
  const config = loadConfig();
  const orm = await openConfiguredDatabase(config);
  await bootstrapData(orm, { seedDemo: config.seedDemo, log });
  const search = await startSearch(orm, config, log);
  const rateLimits = await createRateLimits(config);
  const mailer = createMailer(config, orm);
  const jobs = new JobWorker({ orm, config, mailer, searchIndex: search?.index ?? null, handlers: JOB_HANDLERS, schedules: JOB_SCHEDULES, log });
  jobs.start();
  const { server, apollo } = await createApp({ orm, config, mailer, searchIndex: search?.index ?? null, rateLimits });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const database = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const engine = search ? (search.local ? 'local Meilisearch' : config.meiliUrl) : 'database matching only';
  console.log(`Synapse is running at http://localhost:${port}/ (GraphQL at /graphql), data: ${database}, search: ${engine}`);
  if (!config.smtpUrl) {
    console.log(`No SMTP_URL: sign-in emails are written to this log and to http://localhost:${port}/dev/mailbox`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down.`);
    await shutdown(
      [
        // Apollo's drain plugin closes the server to new connections, waits for requests in flight (closing
        // idle keep-alive connections), and after its grace period (10 s) closes the rest.
        { name: 'HTTP server and GraphQL', run: () => apollo.stop(), timeoutMs: 12_000 },
        // Waits for running jobs, then releases the unfinished ones to other processes.
        { name: 'job queue', run: () => jobs.stop(10_000), timeoutMs: 11_000 },
        { name: 'rate limits', run: () => rateLimits.close(), timeoutMs: 2_000 },
        { name: 'database', run: () => orm.close(), timeoutMs: 5_000 },
        { name: 'Meilisearch', run: async () => search?.stop(), timeoutMs: 6_000 },
      ],
      log,
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
