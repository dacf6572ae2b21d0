import { createHash } from 'node:crypto';
import { MemberRole } from '@synapse/domain';
import { isoDate } from '../../clock.js';
import type { FreshnessConfig } from '../../config.js';
import { newId } from '../../db/ids.js';
import type { EntityManager } from '../../db/orm.js';
import type { JobHandler, JobSchedule } from '../job/job.types.js';
import { Member } from '../member/member.entity.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { daysBetween } from './freshness-rules.js';
import type { ExperimentRow } from '../search/document-source.js';
import { networkOverdueBatches, type OverdueItem } from './overdue.service.js';

/** An overdue experiment as the reminders read it: its row. */
type Overdue = OverdueItem<ExperimentRow>;

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function longDate(date: string): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}

/**
 * The idempotency key of a reminder: one per item, per cycle (a new review starts a new one), per interval.
 * Stored as the notification's eventId, whose (member, eventId) uniqueness makes a repeat harmless.
 */
export function reminderKey(item: Overdue, now: Date, config: FreshnessConfig): string {
  const days = config[item.kind === 'REVIEW_DUE' ? 'reviewReminderDays' : 'resultsReminderDays'];
  const interval = Math.floor(daysBetween(item.since, isoDate(now)) / days);
  return `${item.kind}:${item.experiment.id}:${item.cycle}:${interval}`;
}

/** A UUID-shaped digest of the key, to fit the eventId column. */
function eventIdFor(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function message(item: Overdue): string {
  const title = item.experiment.title;
  return item.kind === 'REVIEW_DUE'
    ? `“${title}” was due for review on ${longDate(item.since)}. Check it is still accurate and confirm it, or update it.`
    : `“${title}” ended on ${longDate(item.since)} and no results are reported yet. Add an outcome, even if it is disappointing or inconclusive.`;
}

/** Editors and admins of these organisations who still belong to them and have not switched reminders off. */
async function recipientsByOrganisation(em: EntityManager, organisationIds: string[]): Promise<Map<string, Member[]>> {
  const members = await em.find(Member, {
    organisation: { $in: organisationIds },
    role: { $in: [MemberRole.EDITOR, MemberRole.ADMIN] },
    deletedAt: null,
    freshnessReminders: true,
  });
  const byOrganisation = new Map<string, Member[]>();
  for (const member of members) {
    const list = byOrganisation.get(member.organisation!.id) ?? [];
    list.push(member);
    byOrganisation.set(member.organisation!.id, list);
  }
  return byOrganisation;
}

/**
 * Reminds the teams of published experiments overdue for review or for results, in-app (and so in their email
 * digest): at most one reminder per member, item and interval, however often it runs and in however many
 * processes. Only people still in the lead organisation, as editors or admins, with reminders on. Returns how
 * many reminders were created. Pure apart from the database: `now` is passed in (the job's clock).
 */
export async function sendFreshnessReminders(em: EntityManager, config: FreshnessConfig, now: Date): Promise<number> {
  let created = 0;
  for await (const items of networkOverdueBatches(em, now, config)) {
    if (items.length === 0) continue;
    const recipients = await recipientsByOrganisation(em, [...new Set(items.map((item) => item.experiment.leadOrganisationId))]);
    const rows = items.flatMap((item) => {
      const eventId = eventIdFor(reminderKey(item, now, config));
      const kind = item.kind === 'REVIEW_DUE' ? NotificationKind.REVIEW_DUE : NotificationKind.RESULTS_OVERDUE;
      return (recipients.get(item.experiment.leadOrganisationId) ?? []).map((member) => ({
        id: newId(),
        member: member.id,
        eventId,
        kind,
        experiment: item.experiment.id,
        message: message(item),
        createdAt: now,
      }));
    });
    if (rows.length === 0) continue;
    const result = await em.createQueryBuilder(Notification).insert(rows).onConflict(['member', 'eventId']).ignore().execute('run');
    created += result.affectedRows;
  }
  return created;
}

/** The reminder job: a thin wrapper, with the job's clock. Idempotent, as the queue requires. */
export const freshnessReminderJob: JobHandler = {
  type: 'freshness.reminders',
  async run(_payload, context) {
    const created = await sendFreshnessReminders(context.em, context.config.freshness, context.now());
    if (created > 0) context.log(`Freshness reminders: ${created} sent`);
  },
};

/** Hourly: reminders fall due by the day, and a missed hour costs nothing. */
export const freshnessReminderSchedule: JobSchedule = { type: freshnessReminderJob.type, everyMs: 3_600_000 };
