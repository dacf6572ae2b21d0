import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import type { Mailer } from '../identity/mailer.js';
import type { SearchIndex } from '../search/search-index.js';

/** What a handler gets: a fresh EntityManager of its own, and the process's services. */
export interface JobContext {
  em: EntityManager;
  orm: MikroORM;
  config: AppConfig;
  log: (message: string) => void;
  mailer: Mailer;
  /** Null when search runs without an engine (database matching only). */
  searchIndex: SearchIndex | null;
  now(): Date;
  /** This claim's number, from 1; equal to maxAttempts on the last try. */
  attempt: number;
  /** In a batch (`runBatch`), each payload's own claim number, in the payloads' order; for `run`, `[attempt]`. */
  attempts: number[];
  maxAttempts: number;
  jobId: string;
}

/**
 * The code for one job type. `run` must be idempotent: a job can run more than once (a worker may crash
 * after the effect and before the job is removed). Throwing schedules a retry with exponential backoff.
 */
export interface JobHandler {
  type: string;
  /** Tries before the job is marked dead (default 10). */
  maxAttempts?: number;
  /**
   * How long a claim lasts without renewal (default 6 s; renewed every quarter of it while the job runs, so only a
   * handler that blocks the event loop for longer needs more). A dead worker's jobs are due again after this.
   */
  leaseMs?: number;
  /** At most this many claims of this type run at once in one worker (default: the worker's concurrency). */
  concurrency?: number;
  run(payload: Record<string, unknown>, context: JobContext): Promise<void>;
  /**
   * Optional: run up to `batchSize` (default 50) due jobs of this type in one go (e.g. one index write for many
   * experiments). Throwing fails them all; returning one entry per payload (null: done, an Error: failed) fails only
   * those, each with its own attempts and backoff, and removes the rest.
   */
  runBatch?(payloads: Record<string, unknown>[], context: JobContext): Promise<void | (Error | null)[]>;
  batchSize?: number;
}

/** Recurring work: a job of `type` is enqueued once per `everyMs` across all processes (its handler must exist). */
export interface JobSchedule {
  type: string;
  everyMs: number;
}
