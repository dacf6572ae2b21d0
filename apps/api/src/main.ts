import 'reflect-metadata';
import { createApp } from './app.js';
import { bootstrapData } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/open.js';
import { startSearch } from './modules/search/search-runtime.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openConfiguredDatabase(config);
  await bootstrapData(orm, { seedDemo: config.seedDemo, log: (message) => console.log(message) });
  const search = await startSearch(orm, config, (message) => console.log(message));
  const { server } = await createApp(orm, config, search?.index ?? null);

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const database = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const engine = search ? (search.local ? 'local Meilisearch' : config.meiliUrl) : 'database matching only';
  console.log(`Synapse is running at http://localhost:${port}/ (GraphQL at /graphql), data: ${database}, search: ${engine}`);
  if (config.demoMode) {
    console.log('Demo mode: requests act as "Demo Editor (demonstration account)" of "Demo Council". Send the header x-synapse-anonymous: 1 to act anonymously.');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down.`);
    server.close();
    await search?.stop();
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
