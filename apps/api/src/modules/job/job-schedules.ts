import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { JobScheduleRun } from './job.entity.js';
import { newJob } from './job-queue.js';
import type { JobSchedule } from './job.types.js';

/**
 * Enqueues each schedule's job when its interval is up. The next run time lives in the database and is moved
 * by a conditional update in the same transaction as the enqueue, so each interval runs once whichever
 * process (and however many) gets there first. A schedule seen for the first time runs at once.
 */
export async function tickSchedules(em: EntityManager, schedules: JobSchedule[], now: Date): Promise<number> {
  let enqueued = 0;
  for (const schedule of schedules) {
    if (!(await em.findOne(JobScheduleRun, { type: schedule.type }))) {
      try {
        await em.fork().insert(JobScheduleRun, { type: schedule.type, nextRunAt: now });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    await em.transactional(async (tx) => {
      const won = await tx.nativeUpdate(
        JobScheduleRun,
        { type: schedule.type, nextRunAt: { $lte: now } },
        { nextRunAt: new Date(now.getTime() + schedule.everyMs) },
      );
      if (won !== 1) return;
      tx.persist(newJob(schedule.type, { scheduledAt: now.toISOString() }, { key: `schedule:${schedule.type}`, runAt: now }));
      enqueued++;
    });
  }
  return enqueued;
}
