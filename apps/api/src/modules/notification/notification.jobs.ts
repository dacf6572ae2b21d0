import { LockMode } from '@mikro-orm/core';
import { ExperimentStatus } from '@synapse/domain';
import { type EntityManager, isPostgres } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { JobHandler, JobSchedule } from '../job/job.types.js';
import { Member } from '../member/member.entity.js';
import { enqueueDeliveries } from '../webhook/webhook.service.js';
import { DomainEvent, EventKind } from './domain-event.entity.js';
import { matchSavedSearchesJob } from '../saved-search/saved-search-match.js';
import { FAN_OUT_EVENT } from './events.js';
import { type ExperimentEventKind, FAN_OUT_RULES, type FanOut } from './fan-out-rules.js';
import { discussionDeliveries, isDiscussionEvent } from '../discussion/discussion-notifications.js';
import { Notification } from './notification.entity.js';
import { sendDigests } from './notification.service.js';

export const SEND_DIGESTS = 'notification.digests';

async function fanOutsFor(em: EntityManager, event: DomainEvent): Promise<FanOut[]> {
  if (isDiscussionEvent(event)) return discussionDeliveries(em, event);
  const experiment = await em.findOne(Experiment, { id: event.experimentId }, { populate: ['leadOrganisation', 'serviceAreas'] });
  if (!experiment || experiment.status !== ExperimentStatus.PUBLISHED) return [];
  return FAN_OUT_RULES[event.kind as ExperimentEventKind]({ em, event, experiment, lead: experiment.leadOrganisation.getEntity().name, title: `“${experiment.title}”` });
}

/** Turns an event into notifications: one per person (a unique key), never to the person who acted. */
export async function fanOut(em: EntityManager, event: DomainEvent): Promise<number> {
  let created = 0;
  const notified = new Set<string>((await em.find(Notification, { eventId: event.id }, { fields: ['member'] })).map((n) => n.member.id));
  for (const rule of await fanOutsFor(em, event)) {
    for (const memberId of new Set(rule.recipients)) {
      if (memberId === event.actorId || notified.has(memberId)) continue;
      notified.add(memberId);
      em.persist(
        Object.assign(new Notification(), {
          member: em.getReference(Member, memberId, { wrapped: true }),
          eventId: event.id,
          kind: rule.kind,
          experiment: event.experimentId ? em.getReference(Experiment, event.experimentId, { wrapped: true }) : null,
          discussionId: event.discussionId,
          message: rule.message,
        }),
      );
      created++;
    }
  }
  return created;
}

export const NOTIFICATION_JOB_HANDLERS: JobHandler[] = [
  {
    // Notifications, webhook deliveries (and their jobs) and the event's removal commit together, or not at
    // all. The event row is locked on PostgreSQL, so a second worker waits and then finds it gone; unique keys
    // (member, event) and (webhook, event) make any repeat fail rather than duplicate.
    type: FAN_OUT_EVENT,
    async run(payload, { em, config }) {
      await em.transactional(async (tx) => {
        const lockMode = isPostgres(tx) ? LockMode.PESSIMISTIC_WRITE : undefined;
        const event = await tx.findOne(DomainEvent, { id: String(payload.eventId) }, { lockMode });
        if (!event) return;
        await fanOut(tx, event);
        await enqueueDeliveries(tx, config, event);
        // Saved searches are matched after this commits (the experiment's followers are notified first).
        if (event.kind === EventKind.NEW_EXPERIMENT) tx.persist(matchSavedSearchesJob(event));
        tx.remove(event);
      });
    },
  },
  {
    type: SEND_DIGESTS,
    async run(_payload, { em, mailer, config, now }) {
      await sendDigests(em, mailer, config, now());
    },
  },
];

export const DIGEST_SCHEDULE: JobSchedule = { type: SEND_DIGESTS, everyMs: 3_600_000 };
