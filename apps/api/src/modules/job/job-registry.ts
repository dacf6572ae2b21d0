import type { JobHandler, JobSchedule } from './job.types.js';
import { discussionSearchReconcileHandler, discussionSearchSyncHandler, DISCUSSION_SEARCH_RECONCILE } from '../discussion/discussion-search.js';

export type { JobContext, JobHandler, JobSchedule } from './job.types.js';

/** Every job type's handler, in one place: add yours here (one line) and enqueue with `enqueueJob`. */
export const JOB_HANDLERS: JobHandler[] = [
  discussionSearchSyncHandler,
  discussionSearchReconcileHandler,
];

/** Recurring work (reminders, link checks, reconciliation): a handler above runs each occurrence. */
export const JOB_SCHEDULES: JobSchedule[] = [
  { type: DISCUSSION_SEARCH_RECONCILE, everyMs: 3_600_000 },
];
