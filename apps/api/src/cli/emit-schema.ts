import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSortedSchema } from '../graphql/schema.js';

// apps/api/schema.graphql is generated from the resolvers and committed; partners and the web client read it.
// --check fails (for CI) when the committed file differs from what the code produces.
const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

async function main(): Promise<void> {
  const schema = await printSortedSchema();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== schema) {
      console.error('apps/api/schema.graphql is out of date. Run "npm run schema:emit -w @synapse/api" and commit it.');
      process.exitCode = 1;
      return;
    }
    console.log('schema.graphql matches the code.');
    return;
  }
  writeFileSync(SCHEMA_FILE, schema);
  console.log(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
