import { EventEmitter } from 'node:events';
import type { EntityManager } from '../../db/orm.js';
import { Job, JobState } from './job.entity.js';

export interface EnqueueOptions {
  /** Same (type, key) = same work: while such a job is pending and unclaimed, enqueueing it again is a no-op. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** In-process hint that jobs were written, so a local worker looks at once instead of at its next poll. */
export const jobSignals = new EventEmitter();
jobSignals.setMaxListeners(100);

/** A new job entity (not persisted). Subscribers that must stay synchronous persist it themselves. */
export function newJob(type: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Job {
  return Object.assign(new Job(), {
    type,
    payload,
    key: options.key ?? null,
    runAt: options.runAt ?? new Date(),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
}

/**
 * Adds a job inside the caller's unit of work (same EntityManager): it is written by the caller's flush, in
 * the caller's transaction, so the job exists iff the change commits. With a `key`, a second enqueue while an
 * unclaimed job of the same (type, key) is pending is a no-op. (A claimed one does not count: its handler may
 * already have read the data, so the new change needs a run of its own.)
 */
export async function enqueueJob(
  em: EntityManager,
  type: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  if (options.key) {
    for (const entity of em.getUnitOfWork().getPersistStack()) {
      if (entity instanceof Job && entity.type === type && entity.key === options.key) return;
    }
    const pending = await em.count(Job, { type, key: options.key, state: JobState.PENDING, lockedUntil: null });
    if (pending > 0) return;
  }
  em.persist(newJob(type, payload, options));
}
