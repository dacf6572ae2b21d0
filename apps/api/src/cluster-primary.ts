import cluster, { type Worker } from 'node:cluster';
import { announce, engineName } from './api-process.js';
import { bootstrapData } from './bootstrap.js';
import type { AppConfig } from './config.js';
import { openConfiguredDatabase } from './db/open.js';
import { startSearch } from './modules/search/search-runtime.js';
import { shutdown } from './shutdown.js';

/** A worker that dies sooner than this after starting counts as a crash loop: restarts back off. */
const QUICK_EXIT_MS = 10_000;

/**
 * The API worker processes (node:cluster; they share the port, the primary hands out connections in turn):
 * starts them, restarts one that dies, and stops them all gracefully.
 */
export class ApiWorkers {
  private stopping = false;
  private quickExits = 0;
  private readonly born = new Map<number, number>();
  private readonly restarts = new Set<NodeJS.Timeout>();

  constructor(
    private readonly count: number,
    private readonly env: Record<string, string>,
    private readonly log: (message: string) => void,
  ) {}

  private fork(): void {
    const worker = cluster.fork(this.env);
    this.born.set(worker.id, Date.now());
  }

  /** Forks the workers; resolves with the port once every one listens, rejects if one dies first. */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      const listening = new Set<number>();
      let started = false;
      cluster.on('listening', (worker, address) => {
        if (started) return;
        listening.add(worker.id);
        if (listening.size === this.count) {
          started = true;
          resolve(address.port);
        }
      });
      cluster.on('exit', (worker, code, signal) => {
        if (this.stopping) return;
        if (!started) {
          this.stopping = true;
          reject(new Error(`An API worker stopped while starting (${signal ?? `exit code ${code}`}); see its error above.`));
          return;
        }
        this.replace(worker, code, signal);
      });
      for (let n = 0; n < this.count; n++) this.fork();
    });
  }

  /** Starts another worker in place of one that died: at once, or backing off while workers keep dying young. */
  private replace(worker: Worker, code: number | null, signal: string | null): void {
    const lived = Date.now() - (this.born.get(worker.id) ?? 0);
    this.born.delete(worker.id);
    this.quickExits = lived < QUICK_EXIT_MS ? this.quickExits + 1 : 0;
    const delay = this.quickExits ? Math.min(30_000, 500 * 2 ** Math.min(this.quickExits - 1, 6)) : 0;
    this.log(`API worker ${worker.process.pid} exited (${signal ?? `exit code ${code}`}); starting another${delay ? ` in ${delay} ms` : ''}.`);
    const timer = setTimeout(() => {
      this.restarts.delete(timer);
      if (!this.stopping) this.fork();
    }, delay);
    this.restarts.add(timer);
  }

  /** Asks every worker to stop (SIGTERM: each drains its requests and jobs), and kills those still running after `timeoutMs`. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    for (const timer of this.restarts) clearTimeout(timer);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker && !worker.isDead());
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => worker.process.kill('SIGKILL'), timeoutMs);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  }
}

/**
 * The cluster's primary: migrations, reference and demo data, the one managed Meilisearch and the start-up
 * reconciliation of the index, all once, before the workers fork; then it only supervises. Shutdown stops the
 * workers gracefully, then Meilisearch.
 */
export async function runPrimary(config: AppConfig): Promise<void> {
  const log = (message: string) => console.log(message);
  const orm = await openConfiguredDatabase(config);
  await bootstrapData(orm, { seedDemo: config.seedDemo, log });
  const search = await startSearch(orm, config, log);
  await orm.close();
  // Workers connect to the primary's Meilisearch (the same address and key even after it restarts).
  const env: Record<string, string> = search?.local ? { MEILI_URL: search.local.url, MEILI_MASTER_KEY: search.local.masterKey } : {};
  const workers = new ApiWorkers(config.webConcurrency, env, log);

  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down.`);
    await shutdown(
      [
        // Each worker's own shutdown is bounded at about 30 s (its HTTP drain, jobs, rate limits, database).
        { name: 'API workers', run: () => workers.stop(32_000), timeoutMs: 34_000 },
        { name: 'Meilisearch', run: async () => search?.stop(), timeoutMs: 6_000 },
      ],
      log,
    );
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const port = await workers.start();
    announce(config, port, engineName(config, !!search?.local, !!search), config.webConcurrency);
  } catch (error) {
    console.error((error as Error).message);
    await workers.stop(5_000);
    await search?.stop();
    process.exit(1);
  }
}
