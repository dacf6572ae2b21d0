// Test fixture, run as a separate process by sqlite-driver.test.ts: a second MikroORM instance on the same
// SQLite file (with Synapse's SQLite driver) that holds a write transaction for a while, as `npm run import`
// does beside a running API. Prints "locked" once it holds the write lock, then commits after `holdMs`.
import { setTimeout as sleep } from 'node:timers/promises';
import { MikroORM } from '@mikro-orm/core';
import { SynapseSqliteDriver } from './sqlite-driver.ts';

const [dbName, holdMs] = process.argv.slice(2);
const orm = await MikroORM.init({
  driver: SynapseSqliteDriver,
  dbName,
  entities: [],
  discovery: { warnWhenNoEntities: false },
  logger: () => undefined,
});
const connection = orm.em.getConnection();
await connection.transactional(async (trx) => {
  await connection.execute("insert into lock_probe (writer) values ('holder')", [], 'run', trx);
  process.stdout.write('locked\n');
  await sleep(Number(holdMs));
});
await orm.close();
