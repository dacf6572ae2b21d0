import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import { type EntityManager, entityManager } from '../../db/orm.js';
import type { Mailer } from '../identity/mailer.js';
import type { SearchIndex } from '../search/search-index.js';
import { Job, JobState } from './job.entity.js';
import { type Claim, claimJobs } from './job-claim.js';
import { jobSignals } from './job-queue.js';
import { tickSchedules } from './job-schedules.js';
import type { JobContext, JobHandler, JobSchedule } from './job.types.js';

export type { Claim } from './job-claim.js';

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
  /** Claims run at once by this worker (default 8); a handler's `concurrency` caps its own type below that. */
  concurrency?: number;
  /** How often to look for jobs other processes wrote and retries that fell due (default 250 ms). */
  pollMs?: number;
  /** How often to look for recurring jobs that are due (default 5 s; also once at start). */
  scheduleMs?: number;
  /** First retry delay, doubling per attempt up to maxBackoffMs (defaults 1 s and 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface RunReport {
  succeeded: number;
  failed: number;
}

const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Runs jobs from the `jobs` table. Any number of workers, in any number of processes, may share it. Each claim
 * takes as many due jobs as the worker has free slots, in one go (`FOR UPDATE SKIP LOCKED` on PostgreSQL, a
 * conditional update per job on SQLite), and leases each from that moment; a heartbeat renews the lease while the
 * job runs, so a crashed worker's jobs are taken over once one short lease has passed. A job written in this
 * process wakes the worker at once; others are found by polling.
 */
export class JobWorker {
  readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  /** Claims being run, by token (each settles its promise when its outcome is recorded). */
  private readonly inFlight = new Map<string, { claim: Claim; done: Promise<void> }>();
  private timers: NodeJS.Timeout[] = [];
  private running = false;
  private stopped = false;
  /** The claim in progress (stop() waits for it), and whether another round was asked for meanwhile. */
  private dispatching: Promise<void> | null = null;
  private again = false;
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

  /** Free slots per type: the worker's free slots, capped by each handler's own concurrency. */
  private slots(free: number): Map<string, number> {
    const running = new Map<string, number>();
    for (const { claim } of this.inFlight.values()) running.set(claim.job.type, (running.get(claim.job.type) ?? 0) + 1);
    const slots = new Map<string, number>();
    for (const [type, handler] of this.handlers) slots.set(type, Math.min(free, (handler.concurrency ?? Infinity) - (running.get(type) ?? 0)));
    return slots;
  }

  /** Claims up to `limit` due claims (one job each, or a batch for a handler that takes batches). */
  claimMany(limit: number): Promise<Claim[]> {
    return claimJobs(this.fork(), { handlers: this.handlers, slots: this.slots(limit), limit, now: this.now(), workerId: this.id });
  }

  /** Claims the next due job this worker has a handler for (with its batch), or returns null. */
  async claim(): Promise<Claim | null> {
    return (await this.claimMany(1))[0] ?? null;
  }

  /** Runs a claim (one job, or a batch of one type) and records the outcome; true when it succeeded. */
  async execute({ job, jobs, token, handler, leaseMs }: Claim): Promise<boolean> {
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
      attempts: jobs.map((one) => one.attempts),
      maxAttempts: maxAttempts(job),
      jobId: job.id,
    };
    const heartbeat = this.heartbeat(jobs, token, leaseMs);
    const message = (error: unknown) => ((error as Error)?.message ?? String(error)).slice(0, 2000);
    try {
      const result = handler.runBatch ? await handler.runBatch(jobs.map((one) => one.payload), context) : await handler.run(job.payload, context);
      const outcomes = Array.isArray(result) ? result : [];
      const failed = jobs.flatMap((one, position) => (outcomes[position] ? [[one, outcomes[position]] as const] : []));
      const done = jobs.filter((_, position) => !outcomes[position]);
      if (done.length) await em.nativeDelete(Job, { id: { $in: done.map((one) => one.id) }, lockedBy: token });
      for (const [one, error] of failed) await this.fail(em, one, token, message(error), maxAttempts(one));
      return failed.length === 0;
    } catch (error) {
      for (const one of jobs) await this.fail(em, one, token, message(error), maxAttempts(one));
      return false;
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Renews the claim's lease every quarter of it while the handler runs: a live worker keeps its jobs however long
   * they take (three renewals may be late or fail before it loses them), a dead one loses them within one lease.
   */
  private heartbeat(jobs: Job[], token: string, leaseMs: number): NodeJS.Timeout {
    const ids = jobs.map((one) => one.id);
    return setInterval(() => {
      void this.fork()
        .nativeUpdate(Job, { id: { $in: ids }, lockedBy: token }, { lockedUntil: new Date(this.now().getTime() + leaseMs) })
        .catch((error: Error) => this.log(`Job lease renewal failed: ${error.message}`));
    }, leaseMs / 4);
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

  /** Runs a claim, tracked so that stop() can wait for it or release it; calls `then` when its outcome is recorded. */
  private track(claim: Claim, then: () => void = () => undefined): Promise<boolean> {
    const run = this.execute(claim);
    const done = run.then(
      () => undefined,
      (error: Error) => this.log(`Job worker: ${error.message}`),
    );
    this.inFlight.set(claim.token, { claim, done });
    void done.finally(() => {
      this.inFlight.delete(claim.token);
      then();
    });
    return run;
  }

  /** Claims and runs one job (or batch); null when none was due. */
  async runOne(): Promise<boolean | null> {
    const claim = await this.claim();
    if (!claim) return null;
    if (this.stopped) {
      await this.release(claim);
      return null;
    }
    return this.track(claim);
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

  /** Looks for due jobs now, for every free slot (or right after the claim in progress). */
  kick(): void {
    if (!this.running) return;
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = this.dispatch().finally(() => (this.dispatching = null));
  }

  /** Fills free slots with claims, round after round while jobs keep coming; a finished job asks for another round. */
  private async dispatch(): Promise<void> {
    try {
      do {
        this.again = false;
        const free = (this.options.concurrency ?? 8) - this.inFlight.size;
        if (free <= 0) return;
        const claims = await this.claimMany(free);
        for (const claim of claims) {
          if (this.running) void this.track(claim, () => this.kick());
          else await this.release(claim);
        }
        if (claims.length === free) this.again = true; // there may be more waiting
      } while (this.again && this.running);
    } catch (error) {
      this.log(`Job worker: ${(error as Error).message}`);
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    jobSignals.on('written', this.onSignal);
    const tick = () => void this.tickSchedules().catch((error: Error) => this.log(`Job schedules: ${error.message}`));
    // Schedules run every 15 minutes or more: looking every few seconds is enough, and spares the database a
    // transaction per schedule at every poll.
    this.timers = [setInterval(() => this.kick(), this.options.pollMs ?? 250), setInterval(tick, this.options.scheduleMs ?? 5000)];
    tick();
    this.kick();
  }

  /**
   * Stops claiming, waits up to `timeoutMs` for jobs in flight, then releases those still running so another
   * worker can take them at once (their attempt is not counted). Never takes much longer than `timeoutMs`.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.stopped = true;
    jobSignals.off('written', this.onSignal);
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const settled = (async () => {
      await this.dispatching; // a claim in progress is run or released
      await Promise.all([...this.inFlight.values()].map((entry) => entry.done));
    })();
    const finished = await Promise.race([settled, timeout]);
    clearTimeout(timer);
    if (finished !== 'timeout') return;
    for (const { claim } of this.inFlight.values()) await this.release(claim);
  }

  /** Gives a claimed job back, its attempt not counted, for another worker to take at once. */
  private async release(claim: Claim): Promise<void> {
    for (const job of claim.jobs) {
      await this.fork().nativeUpdate(Job, { id: job.id, lockedBy: claim.token }, { lockedBy: null, lockedUntil: null, attempts: job.attempts - 1 });
      this.log(`Job ${job.type} ${job.id} released unfinished at shutdown.`);
    }
  }
}
