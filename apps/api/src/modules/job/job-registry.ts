import type { JobHandler, JobSchedule } from './job.types.js';

export type { JobContext, JobHandler, JobSchedule } from './job.types.js';

/** Every job type's handler, in one place: add yours here (one line) and enqueue with `enqueueJob`. */
export const JOB_HANDLERS: JobHandler[] = [];

/** Recurring work (reminders, link checks, reconciliation): a handler above runs each occurrence. */
export const JOB_SCHEDULES: JobSchedule[] = [];
