import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { entityManager, openDatabase } from '../../db/orm.js';
import { DEFAULT_LEASE_MS } from './job-claim.js';
import { enqueueJob, newJob } from './job-queue.js';
import { Job } from './job.entity.js';
import type { JobHandler } from './job.types.js';
import { JobWorker, type JobWorkerOptions } from './job-worker.js';

let h: Harness;
let ran: { type: string; n: unknown; worker: string }[] = [];

/** A handler that records its runs, taking `delayMs`, and counts how many of its type run at once. */
function recording(type: string, workerName: string, extra: Partial<JobHandler> & { delayMs?: number } = {}) {
  const sink = ran;
  const stats = { running: 0, most: 0 };
  const handler: JobHandler = {
    type,
    ...extra,
    async run(payload) {
      stats.most = Math.max(stats.most, ++stats.running);
      await sleep(extra.delayMs ?? 0);
      stats.running--;
      sink.push({ type, n: payload.n, worker: workerName });
    },
  };
  return { handler, stats };
}

function worker(handlers: JobHandler[], options: Partial<JobWorkerOptions> = {}, orm: MikroORM = h.orm): JobWorker {
  return new JobWorker({ orm, config: h.config, mailer: { send: async () => undefined }, handlers, ...options });
}

async function enqueueMany(type: string, count: number): Promise<void> {
  const em = h.em();
  for (let n = 0; n < count; n++) await enqueueJob(em, type, { n });
  await em.flush();
}

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.em().nativeDelete(Job, {});
  ran = [];
});

describe('job leases and heartbeats', () => {
  it('hands a job whose worker stopped heartbeating to another worker once the short default lease ends', async () => {
    let clock = new Date(Date.now() + 1000);
    const now = () => clock;
    const crashed = worker([recording('test.lease', 'crashed').handler], { now });
    const other = worker([recording('test.lease', 'other').handler], { now });
    await enqueueMany('test.lease', 1);
    expect(await crashed.claim()).not.toBeNull(); // claimed, never run: no heartbeat renews it

    clock = new Date(clock.getTime() + DEFAULT_LEASE_MS - 1);
    expect(await other.claim()).toBeNull();
    clock = new Date(clock.getTime() + 2);
    const takenOver = await other.claim();
    expect(takenOver?.job.attempts).toBe(2);
    expect(await other.execute(takenOver!)).toBe(true);
    expect(ran).toEqual([{ type: 'test.lease', n: 0, worker: 'other' }]);
    expect(DEFAULT_LEASE_MS).toBeLessThanOrEqual(6000);
  });

  it('keeps a long-running job with its worker while the heartbeat renews the lease, so a second worker never takes it', async () => {
    const leaseMs = 1000;
    const slow = worker([recording('test.long', 'slow', { leaseMs, delayMs: 3 * leaseMs }).handler]);
    const other = worker([recording('test.long', 'other', { leaseMs }).handler]);
    await enqueueMany('test.long', 1);
    const running = slow.runOne();
    const started = Date.now();
    await sleep(50);
    while (Date.now() - started < 3 * leaseMs - 100) {
      expect(await other.claim()).toBeNull(); // three leases long: without renewals it would have been taken
      await sleep(100);
    }
    expect(await running).toBe(true);
    expect(ran).toEqual([{ type: 'test.long', n: 0, worker: 'slow' }]);
    expect(await h.em().count(Job, {})).toBe(0);
  });
});

describe('batch claims', () => {
  it('never hands one job to two workers claiming batches at the same time', async () => {
    // On PostgreSQL a second connection pool (as a second process would have); SQLite runs one process.
    const second = h.databaseUrl ? await openDatabase({ databaseUrl: h.databaseUrl }) : h.orm;
    try {
      await enqueueMany('test.batch', 200);
      const a = worker([recording('test.batch', 'a').handler]);
      const b = worker([recording('test.batch', 'b').handler], {}, second);
      const claimed: string[] = [];
      const claimer = async (from: JobWorker) => {
        for (let claims = await from.claimMany(7); claims.length; claims = await from.claimMany(7)) {
          for (const claim of claims) claimed.push(...claim.jobs.map((job) => job.id));
        }
      };
      await Promise.all([claimer(a), claimer(a), claimer(a), claimer(b), claimer(b), claimer(b)]);
      expect(claimed).toHaveLength(200);
      expect(new Set(claimed).size).toBe(200);
      const rows = await entityManager(second).fork().find(Job, {});
      expect(rows.every((job) => job.attempts === 1 && job.lockedBy !== null)).toBe(true);
    } finally {
      if (second !== h.orm) await second.close();
    }
  });

  it('fills every free slot at once, but runs no more of a type than its handler’s concurrency', async () => {
    const capped = recording('test.capped', 'w', { concurrency: 2, delayMs: 100 });
    const open = recording('test.open', 'w', { delayMs: 100 });
    const w = worker([capped.handler, open.handler], { concurrency: 6, pollMs: 20 });
    await enqueueMany('test.capped', 8);
    await enqueueMany('test.open', 8);
    w.start();
    try {
      await expect.poll(() => ran.length, { timeout: 15_000 }).toBe(16);
    } finally {
      await w.stop(2000);
    }
    expect(capped.stats.most).toBe(2);
    expect(open.stats.most).toBeGreaterThanOrEqual(4);
  });

  it('absorbs a failed run of the same key waiting for its backoff when a newer one is claimed, but keeps one scheduled for later', async () => {
    let clock = new Date(Date.now() + 1000);
    const refusing = { type: 'test.keyed', async run() { throw new Error('not yet'); } };
    const failing = worker([refusing], { now: () => clock, backoffMs: 60_000 });
    await h.em().transactional((em) => enqueueJob(em, 'test.keyed', { n: 1 }, { key: 'same' }));
    expect(await failing.runOne()).toBe(false); // retries in a minute
    // Written as the search outbox writes them (one job per change, absorbed at claim time).
    const write = (n: number, key: string, runAt = clock) => h.em().persist(newJob('test.keyed', { n }, { key, runAt })).flush();
    await write(2, 'same');
    await write(3, 'later', new Date(clock.getTime() + 3_600_000));
    await write(4, 'later');
    const w = worker([recording('test.keyed', 'w').handler], { now: () => clock });
    expect(await w.drain()).toEqual({ succeeded: 2, failed: 0 });
    expect(ran.map((entry) => entry.n).sort()).toEqual([2, 4]); // due at the same time: either order
    const left = await h.em().find(Job, {});
    expect(left.map((job) => job.payload.n)).toEqual([3]);
  });

  it('wakes at once for a job written in its own process instead of waiting for the next poll', async () => {
    const w = worker([recording('test.wake', 'w').handler], { pollMs: 60_000 });
    w.start();
    try {
      await sleep(200); // the first look, at start, found nothing
      const started = Date.now();
      await h.em().transactional((em) => enqueueJob(em, 'test.wake', { n: 1 }));
      await expect.poll(() => ran.length, { timeout: 5000, interval: 20 }).toBe(1);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await w.stop(2000);
    }
  });
});
