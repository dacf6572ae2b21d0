import type { EntityManager } from '../../db/orm.js';
import type { Member } from '../member/member.entity.js';
import { DomainEvent, EventKind } from './domain-event.entity.js';

export { EventKind };

/** Records an event in the caller's unit of work, so it commits (or not) with the change itself. */
export function recordEvent(
  em: EntityManager,
  kind: EventKind,
  experimentId: string,
  actor: Member | null,
  data: Record<string, unknown> | null = null,
): void {
  em.persist(Object.assign(new DomainEvent(), { kind, experimentId, actorId: actor?.id ?? null, data }));
}
