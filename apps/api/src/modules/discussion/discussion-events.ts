import { ref } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { newJob } from '../job/job-queue.js';
import { Member } from '../member/member.entity.js';
import { FAN_OUT_EVENT } from '../notification/events.js';
import { DomainEvent, EventKind } from '../notification/domain-event.entity.js';
import { Follow, FollowTarget } from '../notification/follow.entity.js';
import type { Discussion } from './discussion.entity.js';

export const DISCUSSION_EVENTS: ReadonlySet<EventKind> = new Set([EventKind.NEW_DISCUSSION, EventKind.NEW_REPLY, EventKind.ANSWER_MARKED]);

/** Records a discussion event in the caller's unit of work, with the job that fans it out, so both commit (or not) with the change itself. */
export function recordDiscussionEvent(em: EntityManager, kind: EventKind, discussion: Discussion, actor: Member, data: Record<string, unknown> = {}): void {
  const event = Object.assign(new DomainEvent(), { kind, experimentId: discussion.experiment?.id ?? null, discussionId: discussion.id, actorId: actor.id, data });
  em.persist(event);
  em.persist(newJob(FAN_OUT_EVENT, { eventId: event.id }, { key: event.id }));
}

/** People who take part follow the discussion (so they hear about replies); they can unfollow. */
export async function ensureFollowing(em: EntityManager, member: Member, discussionId: string): Promise<void> {
  const existing = await em.findOne(Follow, { member: member.id, target: FollowTarget.DISCUSSION, targetKey: discussionId });
  if (!existing) em.persist(Object.assign(new Follow(), { member: ref(em.getReference(Member, member.id)), target: FollowTarget.DISCUSSION, targetKey: discussionId }));
}
