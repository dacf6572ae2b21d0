import 'reflect-metadata';
import { createApp } from './app.js';
import { bootstrapData } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/open.js';
import { createRateLimits } from './http/rate-limit.js';
import { createMailer } from './modules/identity/mailer.js';
import { NotificationWorker } from './modules/notification/notification.service.js';
import { WebhookWorker, webhookPolicy } from './modules/webhook/webhook.service.js';
import { startSearch } from './modules/search/search-runtime.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openConfiguredDatabase(config);
  await bootstrapData(orm, { seedDemo: config.seedDemo, log: (message) => console.log(message) });
  const search = await startSearch(orm, config, (message) => console.log(message));
  const rateLimits = await createRateLimits(config);
  const mailer = createMailer(config, orm);
  const notifications = new NotificationWorker(orm, mailer, config, { log: (message) => console.log(message) });
  notifications.start();
  const webhooks = new WebhookWorker(orm, { policy: webhookPolicy(config) });
  webhooks.start();
  const { server } = await createApp({ orm, config, mailer, searchIndex: search?.index ?? null, rateLimits });

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
    console.log(`${signal} received, shutting down.`);
    server.close();
    await search?.stop();
    await rateLimits.close();
    await notifications.stop();
    await webhooks.stop();
    await orm.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
