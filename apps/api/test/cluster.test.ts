import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@synapse/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, TEST_DATABASE } from './harness.js';

// `npm start` with WEB_CONCURRENCY=2, as built: a primary, two API workers sharing the port, and the one
// Meilisearch the primary runs (no MEILI_URL). The API's test task builds it first (turbo.json).

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;
let primary: ChildProcess;
let output = '';
let base: string;

/** The pid of whichever worker answers /healthz on a new connection (so the primary hands it to the next worker). */
function healthz(): Promise<{ status: number; worker: number }> {
  return new Promise((resolve, reject) => {
    get(`${base}/healthz`, { agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, worker: (JSON.parse(body) as { worker: number }).worker }));
    }).on('error', reject);
  });
}

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

/** Live processes as [pid, parent pid, command line]. */
function processes(): [number, number, string][] {
  const found: [number, number, string][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue; // exited, not yet reaped
      found.push([Number(entry), parent, readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()]);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Meilisearch servers working in this test's data directory. */
function meilisearchHere(): number[] {
  return processes()
    .filter(([pid, , command]) => {
      if (!command.split(' ')[0]!.endsWith('/meilisearch')) return false;
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(dataDir);
      } catch {
        return false;
      }
    })
    .map(([pid]) => pid);
}

const workersOf = (pid: number) => processes().filter(([, parent, command]) => parent === pid && command.includes('main.js')).map(([child]) => child);

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts `npm start`'s server on a free port; false when the port was taken in the meantime (the caller tries again). */
async function start(): Promise<boolean> {
  dataDir = mkdtempSync(join(tmpdir(), 'synapse-cluster-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: base, WEB_CONCURRENCY: '2' };
  if (TEST_DATABASE === 'postgres') {
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
  output = '';
  primary = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  primary.stdout!.on('data', (chunk) => (output += chunk));
  primary.stderr!.on('data', (chunk) => (output += chunk));
  // A free port is only free when asked: the other test project's servers can take it before a worker binds it.
  const outcome = await until('Synapse to start', () => (output.includes('Synapse is running') ? 'running' : output.includes('EADDRINUSE') ? 'port taken' : undefined), 120_000);
  return outcome === 'running';
}

async function stop(): Promise<void> {
  if (primary && primary.exitCode === null) {
    // SIGTERM first, so the primary also stops its Meilisearch; SIGKILL if it has not exited in 30 s.
    const exited = new Promise((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (primary.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
  }
  await dropDatabase?.();
  dropDatabase = undefined;
  rmSync(dataDir, { recursive: true, force: true });
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npx turbo run build)`);
  for (let attempt = 1; !(await start()); attempt++) {
    await stop();
    if (attempt === 3) throw new Error(`No free port held three times over. Output:\n${output}`);
  }
}, 300_000);

afterAll(async () => {
  await stop();
});

describe('npm start with WEB_CONCURRENCY=2', () => {
  it('answers from two worker processes, runs migrations and demo data once, and one Meilisearch', async () => {
    expect(output).toContain('in 2 API worker processes');
    expect(output.match(/Reference data:/g)).toHaveLength(1);
    expect(output.match(/Demo data: loaded \d+ experiments/g)).toHaveLength(1);
    const workers = workersOf(primary.pid!);
    expect(workers).toHaveLength(2);
    const seen = await until('both workers to answer', async () => {
      const pids = new Set<number>();
      for (let n = 0; n < 10; n++) pids.add((await healthz()).worker);
      return pids.size === 2 ? pids : undefined;
    });
    expect([...seen].sort()).toEqual([...workers].sort());
    expect(meilisearchHere()).toHaveLength(1);
  });

  it('searches the one Meilisearch from every worker, and writes from both workers at once without "database is locked"', async () => {
    const searched = await until('search to answer from Meilisearch', async () => {
      const body = await graphql('{ search(query: "homelessness") { degraded estimatedTotal } }');
      return body.data?.search.degraded === false && body.data.search.estimatedTotal > 0 ? body.data.search : undefined;
    });
    expect(searched.estimatedTotal).toBeGreaterThan(0);
    const writes = await Promise.all(
      Array.from({ length: 24 }, (_, n) => graphql('mutation($email: String!) { requestSignIn(input: { email: $email }) }', { email: `person${n}@demo-council.example` })),
    );
    expect(writes.map((body) => body.errors?.[0]?.message ?? body.data?.requestSignIn)).toEqual(Array(24).fill(true));
  });

  it('replaces a worker that crashes', async () => {
    const [victim, survivor] = workersOf(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    const replaced = await until('a new worker', () => {
      const now = workersOf(primary.pid!);
      return now.length === 2 && !now.includes(victim!) ? now : undefined;
    });
    expect(replaced).toContain(survivor);
    await until('the new worker to answer', async () => {
      for (let n = 0; n < 10; n++) if ((await healthz()).worker === replaced.find((pid) => pid !== survivor)) return true;
      return undefined;
    });
    expect(output).toMatch(new RegExp(`API worker ${victim} exited \\(SIGKILL\\); starting another`));
  });

  it('stops the workers, then Meilisearch, on SIGTERM, leaving no process behind', async () => {
    const workers = workersOf(primary.pid!);
    const meilisearch = meilisearchHere();
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const worker of workers) expect(output).toContain(`API worker ${worker}: SIGTERM received, shutting down.`);
    expect(output).toMatch(/Shutdown: API workers done in \d+ ms\.\nShutdown: Meilisearch done in \d+ ms\./);
    const alive = processes().map(([pid]) => pid);
    for (const pid of [...workers, ...meilisearch]) expect(alive).not.toContain(pid);
    expect(meilisearchHere()).toEqual([]);
  });
});
