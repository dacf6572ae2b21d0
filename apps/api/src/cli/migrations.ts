import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { type Dialect, migrationsPath, ormOptions } from '../db/orm.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';

// Migrations are kept per dialect (SQLite for the zero-set-up default, PostgreSQL for production).
//   create [name]  generate a migration for each dialect from the difference between the entities and
//                  a fresh database with every committed migration applied
//   check          fail when that difference is not empty (CI: entities and migrations disagree)

async function withFreshDatabase<T>(dialect: Dialect, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const postgres = dialect === 'postgresql' ? await startEmbeddedPostgres() : null;
  try {
    const databaseUrl = postgres ? await postgres.createDatabase('synapse_migrations') : null;
    // Compiled migrations are read from dist; the new file is written to src (the committed source).
    const orm = await MikroORM.init(ormOptions({ databaseUrl, sqlitePath: ':memory:' }));
    try {
      await orm.migrator.up();
      return await work(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await postgres?.stop();
  }
}

async function pendingSql(orm: MikroORM): Promise<string> {
  return (await (orm.em as EntityManager).getPlatform().getSchemaGenerator(orm.em.getDriver(), orm.em as EntityManager).getUpdateSchemaSQL({ wrap: false })).trim();
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const dialects: Dialect[] = ['sqlite', 'postgresql'];
  if (command === 'check') {
    let drift = false;
    for (const dialect of dialects) {
      const sql = await withFreshDatabase(dialect, pendingSql);
      if (sql) {
        drift = true;
        console.error(`Entities and ${dialect} migrations disagree. Run "npm run migration:create -w @synapse/api". Missing:\n${sql}`);
      } else {
        console.log(`${dialect}: migrations match the entities.`);
      }
    }
    return drift ? 1 : 0;
  }
  if (command === 'create') {
    for (const dialect of dialects) {
      await withFreshDatabase(dialect, async (orm) => {
        const target = migrationsPath(dialect).replace('/dist/', '/src/');
        const result = await orm.migrator.create(target, false, false, name);
        console.log(result.fileName ? `${dialect}: wrote ${target}/${result.fileName}` : `${dialect}: no changes`);
      });
    }
    return 0;
  }
  console.error('Usage: migrations.js create [name] | check');
  return 2;
}

// Exit with main()'s code once it has stopped what it started.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
