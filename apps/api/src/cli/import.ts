import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { bootstrapData } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { entityManager } from '../db/orm.js';
import { BadInputError } from '../errors.js';
import { importExperiments, readImportFile } from '../modules/import/import.service.js';

// npm run import -- <file.json>   (format: docs/import-format.md)
// Exit code 0 when every record was imported, 1 when any was rejected, 2 when the file itself is unusable.

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run import -- <file.json>   (see docs/import-format.md)');
    return 2;
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let records: unknown[];
  try {
    records = readImportFile(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    const reason = error instanceof BadInputError ? error.message : `cannot read ${path}: ${(error as Error).message}`;
    console.error(`Import refused: ${reason}`);
    return 2;
  }

  const config = loadConfig();
  const orm = await openConfiguredDatabase(config);
  try {
    await bootstrapData(orm, { seedDemo: false });
    const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} records', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
    bar.start(records.length, 0);
    const report = await importExperiments(entityManager(orm), records, (done) => bar.update(done));
    bar.stop();
    for (const record of report.records) {
      const name = `#${record.index + 1}${record.externalId ? ` (${record.externalId})` : ''}`;
      if (record.outcome === 'rejected') {
        for (const problem of record.problems ?? []) console.log(`  ✗ ${name} rejected: ${problem.field || 'record'}: ${problem.reason}`);
      } else {
        console.log(`  ✓ ${name} ${record.outcome}`);
      }
    }
    console.log(`Done: ${report.created} created, ${report.updated} updated, ${report.rejected} rejected.`);
    return report.rejected > 0 ? 1 : 0;
  } finally {
    await orm.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
