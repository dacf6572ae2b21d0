import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { lockFile, watchParent } from './orphan.js';
import { bundledMeilisearchBinary, DEFAULT_MAX_INDEXING_MEMORY, LocalMeilisearch, removeUnfinishedDatabase } from './runner.js';
import { freePort } from './net.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dataDir: string;
let server: LocalMeilisearch;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'synapse-meili-'));
  server = await LocalMeilisearch.start({ dataDir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/health`)).ok;
  } catch {
    return false;
  }
}

describe('the local Meilisearch', () => {
  it('listens on loopback only and requires the generated master key', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await healthy()).toBe(true);
    expect((await fetch(`${server.url}/indexes`)).status).toBe(401);
    const authorised = await fetch(`${server.url}/indexes`, { headers: { authorization: `Bearer ${server.masterKey}` } });
    expect(authorised.status).toBe(200);
  });

  it('runs with a deliberate indexing-memory ceiling, not two thirds of the machine', () => {
    const environment = readFileSync(`/proc/${server.pid}/environ`, 'utf8').split('\0');
    expect(environment).toContain(`MEILI_MAX_INDEXING_MEMORY=${DEFAULT_MAX_INDEXING_MEMORY}`);
  });

  it('is restarted when it dies', async () => {
    const first = server.pid!;
    process.kill(first, 'SIGKILL');
    await expect.poll(() => server.pid !== undefined && server.pid !== first, { timeout: 20_000, interval: 200 }).toBe(true);
    await expect.poll(healthy, { timeout: 20_000, interval: 200 }).toBe(true);
  });

  it('stops cleanly and stays stopped, then starts again on the same address', async () => {
    await server.stop();
    expect(await healthy()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await healthy()).toBe(false);
    await server.start();
    expect(await healthy()).toBe(true);
  });

  it('stops an orphan left on its data folder (its API process gone) before starting its own', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'synapse-orphan-'));
    const root = join(folder, 'meilisearch');
    mkdirSync(root, { recursive: true });
    // A Meilisearch still running on the folder after the API that started it was killed with -9.
    const orphan = spawn(bundledMeilisearchBinary()!, [], {
      cwd: root,
      stdio: 'ignore',
      env: { MEILI_DB_PATH: join(root, 'data.ms'), MEILI_HTTP_ADDR: `127.0.0.1:${await freePort()}`, MEILI_NO_ANALYTICS: 'true' },
    });
    writeFileSync(lockFile(root), JSON.stringify({ apiPid: 2 ** 22 + 1, meiliPid: orphan.pid }));
    const successor = await LocalMeilisearch.start({ dataDir: folder });
    try {
      await expect.poll(() => orphan.exitCode !== null || orphan.signalCode !== null, { timeout: 2000, interval: 20 }).toBe(true);
      expect((await fetch(`${successor.url}/health`)).ok).toBe(true);
      expect(JSON.parse(readFileSync(lockFile(root), 'utf8'))).toEqual({ apiPid: process.pid, meiliPid: successor.pid });
    } finally {
      await successor.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a database folder left unfinished', () => {
  it('is removed before starting, so a Meilisearch killed on its first start does not block every later start', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'synapse-unfinished-'));
    // What a Meilisearch killed while creating its database leaves: the folder, without its VERSION file.
    mkdirSync(join(folder, 'meilisearch', 'data.ms', 'tasks'), { recursive: true });
    const logged: string[] = [];
    const unfinished = await LocalMeilisearch.start({ dataDir: folder, log: (message: string) => logged.push(message) });
    try {
      expect((await fetch(`${unfinished.url}/health`)).ok).toBe(true);
      expect(logged.some((message) => message.includes('left unfinished'))).toBe(true);
      expect(removeUnfinishedDatabase(join(folder, 'meilisearch', 'data.ms'), () => {})).toBe(false);
    } finally {
      await unfinished.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the parent-death watchdog', () => {
  it('stops the child within a second or two of its parent dying by SIGKILL', async () => {
    const parent = spawn('sleep', ['60']);
    const child = spawn('sleep', ['60'], { detached: true });
    watchParent(parent.pid!, child.pid!, 0.1);
    expect(alive(child.pid!)).toBe(true);
    parent.kill('SIGKILL');
    await expect.poll(() => child.exitCode !== null || child.signalCode !== null, { timeout: 5000, interval: 50 }).toBe(true);
    expect(child.signalCode).toBe('SIGTERM');
  });
});
