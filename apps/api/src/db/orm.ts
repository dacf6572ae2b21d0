import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/sql';
import { AuditSubscriber } from '../modules/audit/audit.subscriber.js';
import { JobSubscriber } from '../modules/job/job.subscriber.js';
import { SearchOutboxSubscriber } from '../modules/search/search-outbox.subscriber.js';
import { SEARCH_TEXT_TABLES } from '../modules/search/search-text.js';
import { SearchTextSubscriber } from '../modules/search/search-text.subscriber.js';
import { ENTITIES } from './entities.js';
import { SynapseSqliteDriver } from './sqlite-driver.js';

export type Dialect = 'sqlite' | 'postgresql';
export type { EntityManager };

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, SQLite is used. */
  databaseUrl?: string | null;
  /** SQLite file path, or ':memory:'. */
  sqlitePath?: string;
  /** Called with every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
  /** Apply pending migrations (default true; API worker processes leave it to the primary, which ran them). */
  migrate?: boolean;
}

// Migrations sit next to this file: src/db/migrations when run from TypeScript (tests),
// dist/db/migrations once built. Each dialect has its own committed set.
const HERE = fileURLToPath(new URL('.', import.meta.url));

export function dialectOf(options: DatabaseOptions): Dialect {
  return options.databaseUrl ? 'postgresql' : 'sqlite';
}

export function migrationsPath(dialect: Dialect): string {
  return join(HERE, 'migrations', dialect);
}

export function ormOptions(options: DatabaseOptions): Partial<Options> {
  const dialect = dialectOf(options);
  const common = {
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    subscribers: [new SearchOutboxSubscriber(), new AuditSubscriber(), new SearchTextSubscriber(), new JobSubscriber()],
    // The degraded search's full-text tables are raw SQL (FTS5, tsvector): the schema diff leaves them alone.
    schemaGenerator: { skipTables: SEARCH_TEXT_TABLES },
    // Relations resolved field by field in GraphQL are batched per request: no N+1 queries.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    migrations: {
      path: migrationsPath(dialect),
      glob: '!(*.d).{js,ts}',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ?? (() => undefined),
    colors: false,
  } satisfies Partial<Options>;
  if (dialect === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: options.databaseUrl! } as Partial<Options>;
  }
  return { ...common, driver: SynapseSqliteDriver, dbName: options.sqlitePath ?? ':memory:' } as Partial<Options>;
}

/** Opens the database and applies any pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  if (options.sqlitePath && options.sqlitePath !== ':memory:') {
    mkdirSync(join(options.sqlitePath, '..'), { recursive: true });
  }
  const orm = await MikroORM.init(ormOptions(options));
  if (options.migrate !== false) await orm.migrator.up();
  return orm;
}

export { isPostgres } from './is-postgres.js';

export function entityManager(orm: MikroORM): EntityManager {
  return orm.em as EntityManager;
}
