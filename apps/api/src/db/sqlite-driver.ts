import type { Configuration } from '@mikro-orm/core';
import { AbstractSqlDriver, SqlitePlatform } from '@mikro-orm/sql';
import { MikroORM as SqliteMikroORM, SqliteConnection } from '@mikro-orm/sqlite';
import type { Database, Statement } from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult } from 'kysely';

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
 * Runs the pragmas once the connection is open (and has it reuse statements sent with parameters), and starts
 * transactions with `BEGIN IMMEDIATE`: the write lock is taken (waiting up to the busy timeout) before the
 * transaction reads anything. With SQLite's default
 * deferred `BEGIN`, a transaction that reads and then writes fails at once with SQLITE_BUSY when another process
 * wrote in between — the busy timeout does not cover that upgrade — which is how the CLI failed beside the API.
 */
function configured(driver: Driver, database: () => Database): Driver {
  const init = driver.init.bind(driver);
  driver.init = async () => {
    await init();
    // Kysely's SQLite driver hands out this one connection for every query: set it up once.
    const connection = reusingStatements(await driver.acquireConnection(), database());
    for (const pragma of SQLITE_PRAGMAS) await connection.executeQuery(CompiledQuery.raw(pragma));
    await driver.releaseConnection(connection);
  };
  driver.beginTransaction = async (connection: DatabaseConnection) => {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  };
  return driver;
}

/** How many prepared statements a connection keeps for reuse (see `reusingStatements`). */
const STATEMENTS_KEPT = 64;

/**
 * Statements sent with parameters (`selectRows` below: the same few reads with `?` for their values, run on every
 * search) are prepared once and reused, the least recently used dropped beyond `STATEMENTS_KEPT`. SQLite
 * compiling a statement cost more than running it (measured: the four reads behind a page of hits took 0.75 ms
 * prepared each time, 0.25 ms reused). MikroORM writes values into the SQL text itself, so its statements carry
 * no parameters and are left to the driver as before.
 */
function reusingStatements(connection: DatabaseConnection, database: Database): DatabaseConnection {
  const execute = connection.executeQuery.bind(connection);
  const statements = new Map<string, Statement>();
  connection.executeQuery = async <R>(compiled: CompiledQuery): Promise<QueryResult<R>> => {
    if (compiled.parameters.length === 0) return execute<R>(compiled);
    let statement = statements.get(compiled.sql);
    if (statement) statements.delete(compiled.sql);
    else statement = database.prepare(compiled.sql);
    statements.set(compiled.sql, statement);
    if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
    const parameters = compiled.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  };
  return connection;
}

/** MikroORM's better-sqlite3 connection, with `SQLITE_PRAGMAS` applied and immediate transactions. */
export class SynapseSqliteConnection extends SqliteConnection {
  /** The better-sqlite3 database MikroORM opened (a private field there; `getNativeClient` is its async accessor). */
  private nativeDatabase(): Database {
    return (this as unknown as { database: Database }).database;
  }

  /**
   * Rows for a statement with `?` parameters, its values kept out of the SQL text so that the prepared statement
   * is reused (`reusingStatements`). Logged like every other statement (the statement counts of the N+1 tests
   * include it) and run in the entity manager's transaction when it has one.
   */
  async selectRows<T>(sql: string, parameters: readonly unknown[], transaction?: unknown): Promise<T[]> {
    await this.ensureConnection();
    const client = (transaction ?? this.getClient()) as { executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> };
    return this.executeQuery(sql, async () => (await client.executeQuery<T>(CompiledQuery.raw(sql, [...parameters]))).rows, { query: sql, params: [...parameters] });
  }

  override createKyselyDialect(options: Record<string, unknown>): Dialect {
    const dialect = super.createKyselyDialect({ ...options, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return {
      createDriver: () => configured(dialect.createDriver(), () => this.nativeDatabase()),
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
