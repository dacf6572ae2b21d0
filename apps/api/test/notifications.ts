import { Notification } from '../src/modules/notification/notification.entity.js';
import type { Member } from '../src/modules/member/member.entity.js';
import type { Harness } from './harness.js';

/** A member's notifications, oldest first, as kind, experiment id and message. */
export async function notificationsOf(h: Harness, member: Member) {
  return (await h.em().find(Notification, { member: member.id }, { orderBy: { createdAt: 'asc' } })).map((n) => ({ kind: n.kind, experiment: n.experiment?.id, message: n.message }));
}
