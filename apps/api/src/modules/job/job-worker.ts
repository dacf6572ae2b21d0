import { randomBytes } from 'node:crypto';
import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import { type EntityManager, entityManager, isPostgres } from '../../db/orm.js';
import type { Mailer } from '../identity/mailer.js';
import type { SearchIndex } from '../search/search-index.js';
import { Job, JobState } from './job.entity.js';
import { jobSignals } from './job-queue.js';
import { tickSchedules } from './job-schedules.js';
import type { JobContext, JobHandler, JobSchedule } from './job.types.js';

export interface JobWorkerOptions {
  orm: MikroORM;
  config: AppConfig;
  mailer: Mailer;
  searchIndex?: SearchIndex | null;
  handlers: JobHandler[];
  schedules?: JobSchedule[];
  log?: (message: string) => void;
  /** The clock (tests move it instead of sleeping). */
  now?: () => Date;
  /** Jobs run at once by this worker (default 2). */
  concurrency?: number;
  /** How often to look for jobs other processes wrote, retries that fell due and schedules (default 500 ms). */
  pollMs?: number;
  /** First retry delay, doubling per attempt up to maxBackoffMs (defaults 1 s and 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface Claim {
  /** The first job; `jobs` holds it and, for a handler that takes batches, more of its type. */
  job: Job;
  jobs: Job[];
  token: string;
  handler: JobHandler;
}

interface InFlight {
  claim: Claim | null;
  done: Promise<void>;
}

export interface RunReport {
  succeeded: number;
  failed: number;
}

const DEFAULT_LEASE_MS = 15_000;
const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Runs jobs from the `jobs` table. Any number of workers, in any number of processes, may share it: a claim
 * takes one job at a time (`FOR UPDATE SKIP LOCKED` on PostgreSQL, a conditional update on SQLite) and leases
 * it from that moment; a crashed worker's jobs are taken over when their lease ends.
 */
export class JobWorker {
  readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly inFlight = new Set<InFlight>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private looping = 0;
  private readonly onSignal = () => this.kick();
  readonly now: () => Date;
  readonly log: (message: string) => void;

  constructor(private readonly options: JobWorkerOptions) {
    for (const handler of options.handlers) this.handlers.set(handler.type, handler);
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  private fork(): EntityManager {
    return entityManager(this.options.orm).fork();
  }

  /** When a job that failed its `attempt`-th try may run again. */
  backoff(attempt: number): number {
    return Math.min(this.options.maxBackoffMs ?? 3_600_000, (this.options.backoffMs ?? 1000) * 2 ** Math.min(attempt - 1, 30));
  }

  /** Claims the next due job this worker has a handler for, or returns null. */
  async claim(): Promise<Claim | null> {
    const em = this.fork();
    const now = this.now();
    const where = {
      state: JobState.PENDING,
      type: { $in: [...this.handlers.keys()] },
      runAt: { $lte: now },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
    };
    const token = `${this.id}-${randomBytes(4).toString('hex')}`;
    const take = (job: Job) => {
      const lease = this.handlers.get(job.type)?.leaseMs ?? DEFAULT_LEASE_MS;
      return { lockedBy: token, lockedUntil: new Date(now.getTime() + lease), attempts: job.attempts + 1 };
    };
    const batchSize = (job: Job) => (this.handlers.get(job.type)?.runBatch ? (this.handlers.get(job.type)?.batchSize ?? 50) : 1);
    let jobs: Job[] = [];
    if (isPostgres(em)) {
      jobs = await em.transactional(async (tx) => {
        const options = { orderBy: { runAt: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } as const;
        const [first] = await tx.find(Job, where, { ...options, limit: 1 });
        if (!first) return [];
        const more = batchSize(first) > 1 ? await tx.find(Job, { ...where, type: first.type, id: { $ne: first.id } }, { ...options, limit: batchSize(first) - 1 }) : [];
        for (const job of [first, ...more]) Object.assign(job, take(job));
        return [first, ...more];
      });
    } else {
      // SQLite runs one process, and its writes are serialised: a conditional update is a safe claim.
      const tryTake = async (candidate: Job) => {
        const changes = take(candidate);
        const won = await em.nativeUpdate(Job, { id: candidate.id, attempts: candidate.attempts, $or: where.$or }, changes);
        if (won === 1) jobs.push(Object.assign(candidate, changes));
      };
      for (const candidate of await em.find(Job, where, { orderBy: { runAt: 'asc', id: 'asc' }, limit: 5 })) {
        await tryTake(candidate);
        if (jobs.length) break;
      }
      if (jobs.length && batchSize(jobs[0]) > 1) {
        const more = await em.find(Job, { ...where, type: jobs[0].type, id: { $ne: jobs[0].id } }, { orderBy: { runAt: 'asc', id: 'asc' }, limit: batchSize(jobs[0]) - 1 });
        for (const candidate of more) await tryTake(candidate);
      }
    }
    if (!jobs.length) return null;
    const keys = jobs.map((job) => job.key).filter((key): key is string => key !== null);
    if (keys.length) {
      // Unclaimed duplicates that were due are covered by this run, which reads the data after this point.
      await em.nativeDelete(Job, { type: jobs[0].type, key: { $in: keys }, id: { $nin: jobs.map((job) => job.id) }, state: JobState.PENDING, lockedUntil: null, runAt: { $lte: now } });
    }
    return { job: jobs[0], jobs, token, handler: this.handlers.get(jobs[0].type)! };
  }

  /** Runs a claim (one job, or a batch of one type) and records the outcome; true when it succeeded. */
  async execute({ job, jobs, token, handler }: Claim): Promise<boolean> {
    const em = this.fork();
    const maxAttempts = (one: Job) => one.maxAttempts ?? handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const context: JobContext = {
      em: this.fork(),
      orm: this.options.orm,
      config: this.options.config,
      log: this.log,
      mailer: this.options.mailer,
      searchIndex: this.options.searchIndex ?? null,
      now: this.now,
      attempt: job.attempts,
      maxAttempts: maxAttempts(job),
      jobId: job.id,
    };
    // While the handler runs, its lease is renewed every third of it: a live worker keeps its jobs however long
    // they take, a dead one loses them within one lease.
    const leaseMs = handler.leaseMs ?? DEFAULT_LEASE_MS;
    const heartbeat = setInterval(() => {
      void em
        .fork()
        .nativeUpdate(Job, { id: { $in: jobs.map((one) => one.id) }, lockedBy: token }, { lockedUntil: new Date(this.now().getTime() + leaseMs) })
        .catch((error: Error) => this.log(`Job lease renewal failed: ${error.message}`));
    }, leaseMs / 3);
    try {
      if (handler.runBatch) await handler.runBatch(jobs.map((one) => one.payload), context);
      else await handler.run(job.payload, context);
      await em.nativeDelete(Job, { id: { $in: jobs.map((one) => one.id) }, lockedBy: token });
      return true;
    } catch (error) {
      const message = ((error as Error)?.message ?? String(error)).slice(0, 2000);
      for (const one of jobs) await this.fail(em, one, token, message, maxAttempts(one));
      return false;
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async fail(em: EntityManager, job: Job, token: string, message: string, maxAttempts: number): Promise<void> {
    const dead = job.attempts >= maxAttempts;
    const retryAt = new Date(this.now().getTime() + this.backoff(job.attempts));
    await em.nativeUpdate(
      Job,
      { id: job.id, lockedBy: token },
      dead
        ? { state: JobState.DEAD, lastError: message, lockedBy: null, lockedUntil: null }
        : { runAt: retryAt, lastError: message, lockedBy: null, lockedUntil: null },
    );
    this.log(
      dead
        ? `Job ${job.type} ${job.id} is dead after ${job.attempts} attempts: ${message}`
        : `Job ${job.type} ${job.id} failed (attempt ${job.attempts} of ${maxAttempts}), retrying at ${retryAt.toISOString()}: ${message}`,
    );
  }

  /** Claims and runs one job; null when none was due. */
  async runOne(): Promise<boolean | null> {
    // Registered before the claim, so that stop() waits for (or releases) a job claimed at that very moment.
    const entry: InFlight = { claim: null, done: Promise.resolve() };
    let finish = () => undefined as void;
    entry.done = new Promise<void>((resolve) => (finish = resolve));
    this.inFlight.add(entry);
    try {
      entry.claim = await this.claim();
      if (entry.claim && this.stopped) {
        await this.release(entry.claim);
        return null;
      }
      return entry.claim ? await this.execute(entry.claim) : null;
    } finally {
      this.inFlight.delete(entry);
      finish();
    }
  }

  /** Runs jobs until none is due (tests, CLI commands). Failed jobs wait for their backoff, so this ends. */
  async drain(): Promise<RunReport> {
    const report: RunReport = { succeeded: 0, failed: 0 };
    for (;;) {
      const outcome = await this.runOne();
      if (outcome === null) return report;
      if (outcome) report.succeeded++;
      else report.failed++;
    }
  }

  /** Enqueues recurring jobs that are due (at most once per interval across all processes). */
  tickSchedules(): Promise<number> {
    return tickSchedules(this.fork(), this.options.schedules ?? [], this.now());
  }

  /** Starts `concurrency` loops now (or as soon as a free slot allows). */
  kick(): void {
    if (!this.running) return;
    const slots = (this.options.concurrency ?? 2) - this.looping;
    for (let i = 0; i < slots; i++) void this.loop();
  }

  private async loop(): Promise<void> {
    this.looping++;
    try {
      while (this.running && (await this.runOne()) !== null);
    } catch (error) {
      this.log(`Job worker: ${(error as Error).message}`);
    } finally {
      this.looping--;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    jobSignals.on('written', this.onSignal);
    const tick = () => {
      void this.tickSchedules().catch((error: Error) => this.log(`Job schedules: ${error.message}`));
      this.kick();
    };
    this.timer = setInterval(tick, this.options.pollMs ?? 500);
    tick();
  }

  /**
   * Stops claiming, waits up to `timeoutMs` for jobs in flight, then releases those still running so another
   * worker can take them at once (their attempt is not counted). Never takes much longer than `timeoutMs`.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.stopped = true;
    jobSignals.off('written', this.onSignal);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const finished = await Promise.race([Promise.all([...this.inFlight.values()].map((entry) => entry.done)), timeout]);
    clearTimeout(timer);
    if (finished !== 'timeout') return;
    for (const { claim } of this.inFlight) if (claim) await this.release(claim);
  }

  /** Gives a claimed job back, its attempt not counted, for another worker to take at once. */
  private async release(claim: Claim): Promise<void> {
    for (const job of claim.jobs) {
      await this.fork().nativeUpdate(Job, { id: job.id, lockedBy: claim.token }, { lockedBy: null, lockedUntil: null, attempts: job.attempts - 1 });
      this.log(`Job ${job.type} ${job.id} released unfinished at shutdown.`);
    }
  }
}
