import type { EntityManager } from '../../db/orm.js';
import { ForbiddenError } from '../../errors.js';
import { findPage, type PageArgs } from '../../graphql/connection.js';
import type { Member } from '../member/member.entity.js';
import { Follow } from './follow.entity.js';
import { Notification } from './notification.entity.js';

/** What the viewer follows, newest first. Signed-in people only. */
export async function myFollows(em: EntityManager, viewer: Member | null): Promise<Follow[]> {
  if (!viewer) throw new ForbiddenError('see what you follow: sign in first');
  return em.find(Follow, { member: viewer.id }, { orderBy: { createdAt: 'desc' } });
}

/** One page of the viewer's notifications, newest first (only the unread ones when asked). Signed-in people only. */
export async function notificationPage(em: EntityManager, viewer: Member | null, page: PageArgs, unreadOnly: boolean) {
  if (!viewer) throw new ForbiddenError('see notifications: sign in first');
  return findPage(em, Notification, {
    where: unreadOnly ? { member: viewer.id, readAt: null } : { member: viewer.id },
    first: page.first,
    after: page.after ?? undefined,
    orderBy: { createdAt: 'desc', id: 'desc' },
  });
}

/** How many of the viewer's notifications are unread; 0 when signed out (the header asks on every page). */
export async function unreadNotificationCount(em: EntityManager, viewer: Member | null): Promise<number> {
  return viewer ? em.count(Notification, { member: viewer.id, readAt: null }) : 0;
}
