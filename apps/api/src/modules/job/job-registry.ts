import { freshnessReminderJob, freshnessReminderSchedule } from '../freshness/reminder.service.js';
import { NOTIFICATION_JOB_HANDLERS, DIGEST_SCHEDULE } from '../notification/notification.jobs.js';
import { SEARCH_RECONCILE_HANDLER, SEARCH_RECONCILE_SCHEDULE } from '../search/search-reconcile.js';
import { SEARCH_JOB_HANDLERS } from '../search/search-sync.js';
import { WEBHOOK_JOB_HANDLER } from '../webhook/webhook.service.js';
import { FILE_JOB_HANDLERS, FILE_JOB_SCHEDULES } from '../file/file.jobs.js';
import type { JobHandler, JobSchedule } from './job.types.js';
import { savedSearchMatchJob } from '../saved-search/saved-search-match.js';
import { discussionSearchReconcileHandler, discussionSearchSyncHandler, DISCUSSION_SEARCH_RECONCILE } from '../discussion/discussion-search.js';

export type { JobContext, JobHandler, JobSchedule } from './job.types.js';

/** Every job type's handler, in one place: add yours here (one line) and enqueue with `enqueueJob`. */
export const JOB_HANDLERS: JobHandler[] = [
  ...SEARCH_JOB_HANDLERS,
  SEARCH_RECONCILE_HANDLER,
  ...NOTIFICATION_JOB_HANDLERS,
  WEBHOOK_JOB_HANDLER,
  ...FILE_JOB_HANDLERS,
  freshnessReminderJob,
  discussionSearchSyncHandler,
  discussionSearchReconcileHandler,
  savedSearchMatchJob,
];

/** Recurring work (reminders, link checks, reconciliation): a handler above runs each occurrence. */
export const JOB_SCHEDULES: JobSchedule[] = [
  SEARCH_RECONCILE_SCHEDULE,
  DIGEST_SCHEDULE,
  freshnessReminderSchedule,
  { type: DISCUSSION_SEARCH_RECONCILE, everyMs: 3_600_000 },
  ...FILE_JOB_SCHEDULES,
];
