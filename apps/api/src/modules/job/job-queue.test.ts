import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { entityManager, openDatabase } from '../../db/orm.js';
import { enqueueJob } from './job-queue.js';
import { Job, JobScheduleRun, JobState } from './job.entity.js';
import type { JobHandler } from './job.types.js';
import { JobWorker, type JobWorkerOptions } from './job-worker.js';

let h: Harness;
let clock: Date;
let ran: { payload: Record<string, unknown>; worker: string }[] = [];
let failing = new Set<string>();

function recorder(workerName: string, delayMs = 0): JobHandler[] {
  const sink = ran; // this test's record: a handler outliving its test (released at shutdown) writes there
  return [
    {
      type: 'test.record',
      leaseMs: 10_000,
      async run(payload) {
        if (delayMs) await sleep(delayMs);
        sink.push({ payload, worker: workerName });
      },
    },
    {
      type: 'test.flaky',
      maxAttempts: 3,
      async run(payload) {
        if (failing.has(String(payload.name))) throw new Error(`${String(payload.name)} refused`);
        sink.push({ payload, worker: workerName });
      },
    },
    {
      // A batch whose items succeed or fail one by one (webhook deliveries are sent this way).
      type: 'test.batch',
      batchSize: 10,
      async run() {
        throw new Error('runs in batches');
      },
      async runBatch(payloads, { attempts }) {
        return payloads.map((payload, position) => {
          if (failing.has(String(payload.name))) return new Error(`${String(payload.name)} refused on attempt ${attempts[position]}`);
          sink.push({ payload, worker: workerName });
          return null;
        });
      },
    },
  ];
}

function worker(name: string, options: Partial<JobWorkerOptions> = {}, orm: MikroORM = h.orm): JobWorker {
  return new JobWorker({ orm, config: h.config, mailer: { send: async () => undefined }, handlers: recorder(name), now: () => clock, backoffMs: 1000, ...options });
}

async function enqueue(type: string, payload: Record<string, unknown>, options = {}): Promise<void> {
  const em = h.em();
  await enqueueJob(em, type, payload, options);
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
  failing = new Set();
  clock = new Date(Date.now() + 1000); // jobs enqueued now are due
});

describe('job queue', () => {
  it('adds a job only when the caller’s transaction commits, and absorbs a repeat of the same key', async () => {
    await expect(
      h.em().transactional(async (em) => {
        await enqueueJob(em, 'test.record', { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await h.em().count(Job, {})).toBe(0);

    await h.em().transactional(async (em) => {
      await enqueueJob(em, 'test.record', { n: 2 }, { key: 'same' });
      await enqueueJob(em, 'test.record', { n: 3 }, { key: 'same' });
    });
    await enqueue('test.record', { n: 4 }, { key: 'same' });
    await enqueue('test.record', { n: 5 }, { key: 'other' });
    const jobs = await h.em().find(Job, {}, { orderBy: { key: 'asc' } });
    expect(jobs.map((job) => [job.key, job.payload.n])).toEqual([['other', 5], ['same', 2]]);
  });

  it('retries a failing job with exponential backoff, keeps the last error, and marks it dead after maxAttempts', async () => {
    const logs: string[] = [];
    const a = worker('a', { log: (message) => logs.push(message) });
    failing.add('poison');
    await enqueue('test.flaky', { name: 'poison' });

    expect(await a.runOne()).toBe(false);
    let job = await h.em().findOneOrFail(Job, { type: 'test.flaky' });
    expect([job.attempts, job.state, job.lastError, job.runAt.getTime() - clock.getTime()]).toEqual([1, JobState.PENDING, 'poison refused', 1000]);
    expect(await a.runOne()).toBeNull(); // not due before its backoff

    clock = new Date(clock.getTime() + 1000);
    expect(await a.runOne()).toBe(false);
    job = await h.em().findOneOrFail(Job, { type: 'test.flaky' });
    expect([job.attempts, job.runAt.getTime() - clock.getTime()]).toEqual([2, 2000]); // doubled

    clock = new Date(clock.getTime() + 2000);
    expect(await a.runOne()).toBe(false);
    job = await h.em().findOneOrFail(Job, { type: 'test.flaky' });
    expect([job.attempts, job.state, job.lastError, job.lockedBy]).toEqual([3, JobState.DEAD, 'poison refused', null]);
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await a.runOne()).toBeNull(); // dead jobs stay dead
    expect(logs.some((line) => line.includes('dead after 3 attempts: poison refused'))).toBe(true);
    expect(ran).toEqual([]);
  });

  it('fails only the jobs of a batch whose items failed, each with its own attempts and backoff, and removes the rest', async () => {
    const a = worker('a');
    failing.add('refused');
    for (const name of ['first', 'refused', 'last']) await enqueue('test.batch', { name });

    expect(await a.runOne()).toBe(false); // one claim, three jobs: one failed
    expect(ran.map((run) => run.payload.name).sort()).toEqual(['first', 'last']);
    let left = await h.em().find(Job, { type: 'test.batch' });
    expect(left.map((job) => [job.payload.name, job.attempts, job.lastError, job.runAt.getTime() - clock.getTime(), job.lockedBy])).toEqual([
      ['refused', 1, 'refused refused on attempt 1', 1000, null],
    ]);

    await enqueue('test.batch', { name: 'later' });
    clock = new Date(clock.getTime() + 1000);
    failing.delete('refused');
    expect(await a.runOne()).toBe(true); // the retry (its second attempt) and the new job (its first), together
    expect(ran.map((run) => run.payload.name).sort()).toEqual(['first', 'last', 'later', 'refused']);
    left = await h.em().find(Job, { type: 'test.batch' });
    expect(left).toEqual([]);
  });

  it('lets another worker take over a job when its lease, counted from its own claim, runs out', async () => {
    const a = worker('a');
    const b = worker('b');
    // Distinct times: jobs due at the same millisecond are claimed in id order, which is random.
    await enqueue('test.record', { n: 1 }, { runAt: new Date(clock.getTime() - 2) });
    await enqueue('test.record', { n: 2 }, { runAt: new Date(clock.getTime() - 1) });
    const first = await a.claim(); // a "crashes" holding this one
    clock = new Date(clock.getTime() + 9000);
    const second = await a.claim(); // claimed 9 s later: its lease ends 9 s later too
    expect(first && second).toBeTruthy();

    clock = new Date(clock.getTime() + 999); // 9.999 s after the first claim
    expect(await b.claim()).toBeNull();
    clock = new Date(clock.getTime() + 2); // the first lease is over, the second is not
    const takenOver = await b.claim();
    expect(takenOver?.job.id).toBe(first!.job.id);
    expect(await b.claim()).toBeNull();
    expect(await b.execute(takenOver!)).toBe(true);

    // The crashed worker comes back and finishes late: its stale claim can no longer complete or fail the job.
    expect(await a.execute(second!)).toBe(true);
    expect(ran.map((entry) => [entry.worker, entry.payload.n])).toEqual([['b', 1], ['a', 2]]);
    expect(await h.em().count(Job, {})).toBe(0);
  });

  it('runs a recurring job once per interval however many workers tick', async () => {
    const schedules = [{ type: 'test.record', everyMs: 60_000 }];
    const a = worker('a', { schedules });
    const b = worker('b', { schedules });
    await h.em().nativeDelete(JobScheduleRun, {});
    expect((await a.tickSchedules()) + (await b.tickSchedules())).toBe(1);
    clock = new Date(clock.getTime() + 59_000);
    expect((await a.tickSchedules()) + (await b.tickSchedules())).toBe(0);
    clock = new Date(clock.getTime() + 1000);
    expect(await Promise.all([a.tickSchedules(), b.tickSchedules()])).toEqual(expect.arrayContaining([0, 1]));
    await a.drain();
    expect(ran).toHaveLength(1); // the second interval's job absorbed the first's, still pending with the same key
  });

  it('releases a job still running at shutdown after the time allowed, so another worker can run it at once', async () => {
    const slow = worker('slow', { handlers: recorder('slow', 5000), now: () => new Date() });
    await enqueue('test.record', { n: 1 });
    slow.start();
    await expect.poll(() => h.em().count(Job, { lockedBy: { $ne: null } })).toBe(1);
    const started = Date.now();
    await slow.stop(200);
    expect(Date.now() - started).toBeLessThan(2000);
    const job = await h.em().findOneOrFail(Job, { type: 'test.record' });
    expect([job.lockedBy, job.attempts]).toEqual([null, 0]);
    const other = worker('other', { now: () => new Date() });
    expect(await other.runOne()).toBe(true);
  });
});

describe('two workers on separate connections', () => {
  it('run each of 120 jobs exactly once between them', async () => {
    // On PostgreSQL a second connection pool to the same database (as a second process would have);
    // SQLite runs one process, so there both workers share its connection.
    const second = h.databaseUrl ? await openDatabase({ databaseUrl: h.databaseUrl }) : h.orm;
    try {
      const em = h.em();
      for (let n = 0; n < 120; n++) await enqueueJob(em, 'test.record', { n });
      await em.flush();
      const now = () => new Date();
      const a = worker('a', { handlers: recorder('a', 2), now });
      const b = worker('b', { handlers: recorder('b', 2), now }, second);
      await Promise.all([a.drain(), a.drain(), a.drain(), b.drain(), b.drain(), b.drain()]);
      const seen = ran.map((entry) => entry.payload.n as number).sort((x, y) => x - y);
      expect(seen).toEqual(Array.from({ length: 120 }, (_, n) => n));
      expect(new Set(ran.map((entry) => entry.worker))).toEqual(new Set(['a', 'b']));
      expect(await entityManager(second).fork().count(Job, {})).toBe(0);
    } finally {
      if (second !== h.orm) await second.close();
    }
  });
});
