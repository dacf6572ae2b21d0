import 'reflect-metadata';
import { bootstrapData } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { entityManager } from '../db/orm.js';
import { seedDemoExperiments } from '../demo/demo-data.js';

// npm run seed:demo: (re)loads the demo experiments. Records are matched by external id, so running it again
// restores edited demo records to their original text and leaves everything else alone.
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openConfiguredDatabase(config);
  try {
    await bootstrapData(orm, { seedDemo: false, log: console.log });
    const report = await seedDemoExperiments(entityManager(orm).fork());
    console.log(`Demo data: ${report.created} created, ${report.updated} reloaded.`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
