import type { Configuration } from '@mikro-orm/core';
import { AbstractSqlDriver, SqlitePlatform } from '@mikro-orm/sql';
import { MikroORM as SqliteMikroORM, SqliteConnection } from '@mikro-orm/sqlite';
import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver } from 'kysely';

/**
 * How long a statement waits for another process's write lock before failing with "database is locked".
 * The CLI commands (`import`, `reindex`, `seed:demo`) write while the API runs; their transactions are short,
 * so waiting a few seconds is always enough.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * Every SQLite connection Synapse opens is set up with these: write-ahead logging (readers never wait for the
 * writer, and the writer never waits for readers), a busy timeout so a second process queues for the write
 * lock instead of failing, and `synchronous = NORMAL`, which is durable enough with WAL and much faster.
 */
export const SQLITE_PRAGMAS = [
  `pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
  'pragma journal_mode = WAL',
  'pragma synchronous = NORMAL',
];

/** Applies `SQLITE_PRAGMAS` to a better-sqlite3 database opened outside the ORM (the rate-limit store). */
export function configureSqlite(database: { exec(sql: string): unknown }): void {
  for (const pragma of SQLITE_PRAGMAS) database.exec(pragma);
}

/**
 * Runs the pragmas once the connection is open, and starts transactions with `BEGIN IMMEDIATE`: the write lock
 * is taken (waiting up to the busy timeout) before the transaction reads anything. With SQLite's default
 * deferred `BEGIN`, a transaction that reads and then writes fails at once with SQLITE_BUSY when another process
 * wrote in between — the busy timeout does not cover that upgrade — which is how the CLI failed beside the API.
 */
function configured(driver: Driver): Driver {
  const init = driver.init.bind(driver);
  driver.init = async () => {
    await init();
    const connection = await driver.acquireConnection();
    for (const pragma of SQLITE_PRAGMAS) await connection.executeQuery(CompiledQuery.raw(pragma));
    await driver.releaseConnection(connection);
  };
  driver.beginTransaction = async (connection: DatabaseConnection) => {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  };
  return driver;
}

/** MikroORM's better-sqlite3 connection, with `SQLITE_PRAGMAS` applied and immediate transactions. */
export class SynapseSqliteConnection extends SqliteConnection {
  override createKyselyDialect(options: Record<string, unknown>): Dialect {
    const dialect = super.createKyselyDialect({ ...options, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return {
      createDriver: () => configured(dialect.createDriver()),
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createAdapter: () => dialect.createAdapter(),
      createIntrospector: (db) => dialect.createIntrospector(db),
    };
  }
}

/** MikroORM's SQLite driver with `SynapseSqliteConnection` in place of the stock connection. */
export class SynapseSqliteDriver extends AbstractSqlDriver<SynapseSqliteConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), SynapseSqliteConnection, ['kysely', 'better-sqlite3']);
  }

  override getORMClass(): typeof SqliteMikroORM {
    return SqliteMikroORM;
  }
}
