import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import { entityManager } from '@synapse/api/internal/db/orm';
import { Job, JobState } from '@synapse/api/internal/modules/job/job.entity';

/** One look at the queue: per job type, how many are due and waiting, how many are claimed, the oldest due wait. */
export interface QueueSample {
  at: number;
  types: Record<string, { due: number; claimed: number; oldestWaitMs: number }>;
}

async function sample(orm: MikroORM): Promise<QueueSample> {
  const now = new Date();
  const jobs = await entityManager(orm).fork().find(Job, { state: JobState.PENDING }, { fields: ['type', 'runAt', 'lockedUntil'], limit: 5000 });
  const types: QueueSample['types'] = {};
  for (const job of jobs) {
    const entry = (types[job.type] ??= { due: 0, claimed: 0, oldestWaitMs: 0 });
    if (job.lockedUntil && job.lockedUntil > now) entry.claimed++;
    else if (job.runAt <= now) {
      entry.due++;
      entry.oldestWaitMs = Math.max(entry.oldestWaitMs, now.getTime() - job.runAt.getTime());
    }
  }
  return { at: Date.now(), types };
}

/** Samples the queue every `everyMs` until `stop()`; `summary()` gives, per type, the deepest queue and the longest wait seen. */
export function sampleQueue(orm: MikroORM, everyMs = 1000) {
  const samples: QueueSample[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      samples.push(await sample(orm));
      await sleep(everyMs);
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await done;
    },
    summary(from = 0) {
      const byType: Record<string, { maxDue: number; maxClaimed: number; maxWaitS: number }> = {};
      for (const { at, types } of samples) {
        if (at < from) continue;
        for (const [type, { due, claimed, oldestWaitMs }] of Object.entries(types)) {
          const entry = (byType[type] ??= { maxDue: 0, maxClaimed: 0, maxWaitS: 0 });
          entry.maxDue = Math.max(entry.maxDue, due);
          entry.maxClaimed = Math.max(entry.maxClaimed, claimed);
          entry.maxWaitS = Math.max(entry.maxWaitS, Math.round(oldestWaitMs / 100) / 10);
        }
      }
      return byType;
    },
  };
}
