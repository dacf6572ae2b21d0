import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMeilisearch } from './runner.js';

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
});
