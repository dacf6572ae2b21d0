import { readdirSync, readFileSync } from 'node:fs';
import { QUERIES } from './corpus.js';
import { latencies } from './harness.js';

type Query = (typeof QUERIES)[number];

export interface RunningApi {
  url: string;
  /** The API's process and, in cluster mode, its workers. */
  pid: number;
}

export interface ProcessesOptions<Api extends RunningApi> {
  /** API process counts to compare, e.g. [1, 2]; each is started as `npm start` would with that WEB_CONCURRENCY. */
  counts: number[];
  concurrency: number;
  rounds: number;
  start(processes: number): Promise<Api>;
  stop(api: Api): Promise<void>;
  viaApi(url: string, query: Query): Promise<void>;
  viaMeili(query: Query): Promise<void>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Resident memory of a process and its child processes (a cluster's primary and workers), in MiB. */
function treeRssMiB(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const tree = [root, ...[...parents].filter(([, parent]) => parent === root).map(([pid]) => pid)];
  let kib = 0;
  for (const pid of tree) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (pid !== root && !cmdline.includes('main.js')) continue; // not a worker
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return round(kib / 1024);
}

/** One pass over the 50 queries with `concurrency` requests in flight: each latency and the wall time. */
async function pass(run: (query: Query) => Promise<void>, concurrency: number): Promise<{ times: number[]; wallMs: number }> {
  const started = performance.now();
  const times = await latencies(run, concurrency, 1);
  return { times, wallMs: performance.now() - started };
}

/**
 * Throughput and latency of the API at `concurrency` with 1 and with N processes, side by side: every API is
 * started (on the same database and Meilisearch) and warmed, then the passes alternate between them (and
 * Meilisearch queried directly), so that all of them see the same machine load.
 */
export async function compareProcesses<Api extends RunningApi>(options: ProcessesOptions<Api>) {
  const apis: { processes: number; api: Api }[] = [];
  try {
    for (const processes of options.counts) apis.push({ processes, api: await options.start(processes) });
    // Warm every worker of every API (connections are handed to workers in turn), retrying while an API still
    // answers from the database (its first searches after a start can outlast the engine timeout).
    for (const { api } of apis) {
      const deadline = Date.now() + 300_000;
      for (let good = 0; good < 3; ) {
        try {
          await pass((query) => options.viaApi(api.url, query), options.concurrency);
          good++;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }
    const samples = new Map<string, { times: number[]; wallMs: number; requests: number }>();
    const add = (name: string, result: { times: number[]; wallMs: number }) => {
      const sample = samples.get(name) ?? { times: [], wallMs: 0, requests: 0 };
      sample.times.push(...result.times);
      sample.wallMs += result.wallMs;
      sample.requests += result.times.length;
      samples.set(name, sample);
    };
    for (let r = 0; r < options.rounds; r++) {
      for (const { processes, api } of apis) add(`api${processes}`, await pass((query) => options.viaApi(api.url, query), options.concurrency));
      add('meilisearch', await pass(options.viaMeili, options.concurrency));
    }
    const summarise = (name: string) => {
      const sample = samples.get(name)!;
      return {
        requestsPerSecond: round(sample.requests / (sample.wallMs / 1000)),
        p50: round(percentile(sample.times, 50), 2),
        p95: round(percentile(sample.times, 95), 2),
        requests: sample.requests,
      };
    };
    const result = {
      concurrency: options.concurrency,
      api: apis.map(({ processes, api }) => ({ processes, ...summarise(`api${processes}`), rssMiB: treeRssMiB(api.pid) })),
      meilisearch: summarise('meilisearch'),
    };
    for (const line of result.api) {
      console.log(`  ${line.processes} API process(es), concurrency ${options.concurrency}: ${line.requestsPerSecond} requests/s, p50 ${line.p50} ms, p95 ${line.p95} ms, RSS ${line.rssMiB} MiB`);
    }
    console.log(`  Meilisearch direct, concurrency ${options.concurrency}: ${result.meilisearch.requestsPerSecond} requests/s, p50 ${result.meilisearch.p50} ms`);
    return result;
  } finally {
    for (const { api } of apis) await options.stop(api);
  }
}
