import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCouncil } from '../../test/factories.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { entityManager, openDatabase } from './orm.js';

const HOLDER = fileURLToPath(new URL('./sqlite-write-holder.fixture.mjs', import.meta.url));

/** Starts a second ORM instance in another process; resolves once it holds the write lock. */
function holdWriteLock(dbPath: string, holdMs: number): Promise<{ exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--no-warnings', HOLDER, dbPath, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve({ exited });
    });
    void exited.then((code) => reject(new Error(`holder exited (${code}) before locking: ${stderr}`)));
  });
}

// Every SQLite connection runs in WAL mode with a busy timeout and immediate transactions, so the CLI commands
// (import, reindex, seed:demo) can write while the API runs on the same file.
describe('SQLite shared between processes', () => {
  let dir: string;
  let orm: MikroORM;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synapse-wal-'));
    orm = await openDatabase({ sqlitePath: join(dir, 'synapse.sqlite') });
    await entityManager(orm).getConnection().execute('create table lock_probe (writer text not null)');
  });

  afterEach(async () => {
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the database in WAL mode with a busy timeout', async () => {
    const connection = entityManager(orm).getConnection();
    const [journal] = await connection.execute<{ journal_mode: string }[]>('pragma journal_mode');
    const [timeout] = await connection.execute<{ timeout: number }[]>('pragma busy_timeout');
    expect(journal?.journal_mode).toBe('wal');
    expect(timeout?.timeout).toBeGreaterThanOrEqual(5_000);
  });

  it('does not fail with "database is locked" when another ORM instance holds a write transaction', async () => {
    const holder = await holdWriteLock(join(dir, 'synapse.sqlite'), 400);
    const em = entityManager(orm).fork();

    // Readers are not blocked by the writer (WAL), and see only what it has committed.
    const seen = await em.getConnection().execute<{ writer: string }[]>('select writer from lock_probe');
    expect(seen).toEqual([]);

    // A transaction that reads, then writes: it waits for the lock instead of failing.
    const council = await em.transactional(async (tx) => {
      await tx.count(Organisation, {});
      await tx.getConnection().execute("insert into lock_probe (writer) values ('api')", [], 'run', tx.getTransactionContext());
      return buildCouncil(tx);
    });
    expect(await holder.exited).toBe(0);

    const rows = await em.getConnection().execute<{ writer: string }[]>('select writer from lock_probe order by rowid');
    expect(rows.map((row) => row.writer)).toEqual(['holder', 'api']);
    expect(await entityManager(orm).fork().findOne(Organisation, council.id)).not.toBeNull();
  });
});
