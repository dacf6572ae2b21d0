import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import { entityManager } from '@synapse/api/internal/db/orm';

/** One look at the queue: per job type, how many are due and waiting, how many are claimed, the oldest due wait. */
export interface QueueSample {
  at: number;
  types: Record<string, { due: number; claimed: number; backingOff: number; oldestWaitMs: number }>;
}

/** One aggregate query (the bench should not load the rows it counts while the APIs work). PostgreSQL only. */
async function sample(orm: MikroORM): Promise<QueueSample> {
  const now = new Date();
  const rows: { type: string; due: string; claimed: string; backing_off: string; oldest: Date | null }[] = await entityManager(orm)
    .getConnection()
    .execute(
      `select type,
         count(*) filter (where locked_until > ?) as claimed,
         count(*) filter (where (locked_until is null or locked_until <= ?) and run_at > ?) as backing_off,
         count(*) filter (where (locked_until is null or locked_until <= ?) and run_at <= ?) as due,
         min(run_at) filter (where (locked_until is null or locked_until <= ?) and run_at <= ?) as oldest
       from jobs where state = 'PENDING' group by type`,
      [now, now, now, now, now, now, now],
    );
  const types: QueueSample['types'] = {};
  for (const row of rows) {
    const oldestWaitMs = row.oldest ? now.getTime() - new Date(row.oldest).getTime() : 0;
    types[row.type] = { due: Number(row.due), claimed: Number(row.claimed), backingOff: Number(row.backing_off), oldestWaitMs };
  }
  return { at: Date.now(), types };
}

/** Samples the queue every `everyMs` until `stop()`; `summary()` gives, per type, the deepest queue, the longest wait and when it was last non-empty. */
export function sampleQueue(orm: MikroORM, everyMs = 500) {
  const samples: QueueSample[] = [];
  const stopped = new AbortController();
  const done = (async () => {
    while (!stopped.signal.aborted) {
      samples.push(await sample(orm));
      await sleep(everyMs);
    }
  })();
  return {
    samples,
    async stop() {
      stopped.abort();
      await done;
    },
    summary(from = 0) {
      // lastSeenS: seconds after `from` of the last sample that still held a job of the type (due, claimed or backing off).
      const byType: Record<string, { maxDue: number; maxClaimed: number; maxBackingOff: number; maxWaitS: number; lastSeenS: number }> = {};
      for (const { at, types } of samples) {
        if (at < from) continue;
        for (const [type, { due, claimed, backingOff, oldestWaitMs }] of Object.entries(types)) {
          const entry = (byType[type] ??= { maxDue: 0, maxClaimed: 0, maxBackingOff: 0, maxWaitS: 0, lastSeenS: 0 });
          entry.maxBackingOff = Math.max(entry.maxBackingOff, backingOff);
          if (due + claimed + backingOff > 0) entry.lastSeenS = Math.round((at - from) / 100) / 10;
          entry.maxDue = Math.max(entry.maxDue, due);
          entry.maxClaimed = Math.max(entry.maxClaimed, claimed);
          entry.maxWaitS = Math.max(entry.maxWaitS, Math.round(oldestWaitMs / 100) / 10);
        }
      }
      return byType;
    },
  };
}
