import type { EntityManager } from '../../db/orm.js';
import { newJob } from '../job/job-queue.js';
import type { Member } from '../member/member.entity.js';
import { DomainEvent, EventKind } from './domain-event.entity.js';

export { EventKind };

/** The job type that fans an event out (handled in notification.jobs.ts). */
export const FAN_OUT_EVENT = 'notification.fan-out';

/**
 * Records an event in the caller's unit of work, with the job that fans it out (notification.jobs.ts), so both
 * commit (or not) with the change itself.
 */
export function recordEvent(
  em: EntityManager,
  kind: EventKind,
  experimentId: string,
  actor: Member | null,
  data: Record<string, unknown> | null = null,
): void {
  const event = Object.assign(new DomainEvent(), { kind, experimentId, actorId: actor?.id ?? null, data });
  em.persist(event);
  em.persist(newJob(FAN_OUT_EVENT, { eventId: event.id }, { key: event.id }));
}
