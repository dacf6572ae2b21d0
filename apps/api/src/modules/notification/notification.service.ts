import { SERVICE_AREA_SLUGS } from '@synapse/domain';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError } from '../../errors.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { accessFor } from '../experiment/experiment.service.js';
import type { Mailer } from '../identity/mailer.js';
import { DigestFrequency, Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Follow, FollowTarget } from './follow.entity.js';
import { Notification } from './notification.entity.js';
import { findVisibleDiscussion } from '../discussion/discussion.service.js';

/** Checks a follow target exists and may be seen; returns the normalised key. */
async function followKey(em: EntityManager, viewer: Member, target: FollowTarget, key: string): Promise<string> {
  const value = key.trim();
  switch (target) {
    case FollowTarget.EXPERIMENT: {
      const experiment = await em.findOne(Experiment, { id: value });
      if (!experiment || !experimentPolicy.view(await accessFor(viewer, experiment))) throw BadInputError.field('input.key', 'no experiment you can see has this id');
      return value;
    }
    case FollowTarget.ORGANISATION:
      if (!(await em.findOne(Organisation, { id: value }))) throw BadInputError.field('input.key', 'no organisation has this id');
      return value;
    case FollowTarget.SERVICE_AREA:
      if (!SERVICE_AREA_SLUGS.includes(value)) throw BadInputError.field('input.key', 'not a known service area slug');
      return value;
    case FollowTarget.THEME:
      if (!value || value.length > 60) throw BadInputError.field('input.key', 'a theme is 1 to 60 characters');
      return value.toLowerCase();
    case FollowTarget.DISCUSSION:
      if (!(await findVisibleDiscussion(em, viewer, value))) throw BadInputError.field('input.key', 'no discussion you can see has this id');
      return value;
  }
}

export function follow(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<Follow> {
  return em.transactional((tem) => followInTransaction(tem, viewer, target, key));
}

async function followInTransaction(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<Follow> {
  if (!viewer) throw new ForbiddenError('follow: sign in first');
  const targetKey = await followKey(em, viewer, target, key);
  const existing = await em.findOne(Follow, { member: viewer.id, target, targetKey });
  if (existing) return existing;
  const created = Object.assign(new Follow(), { member: em.getReference(Member, viewer.id, { wrapped: true }), target, targetKey });
  await em.persist(created).flush();
  return created;
}

export function unfollow(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<boolean> {
  return em.transactional((tem) => unfollowInTransaction(tem, viewer, target, key));
}

async function unfollowInTransaction(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<boolean> {
  if (!viewer) throw new ForbiddenError('unfollow: sign in first');
  const targetKey = target === FollowTarget.THEME ? key.trim().toLowerCase() : key.trim();
  return (await em.nativeDelete(Follow, { member: viewer.id, target, targetKey })) > 0;
}

export function markRead(em: EntityManager, viewer: Member | null, ids: string[] | null): Promise<number> {
  return em.transactional((tem) => markReadInTransaction(tem, viewer, ids));
}

async function markReadInTransaction(em: EntityManager, viewer: Member | null, ids: string[] | null): Promise<number> {
  if (!viewer) throw new ForbiddenError('read notifications: sign in first');
  const where = ids ? { member: viewer.id, readAt: null, id: { $in: ids } } : { member: viewer.id, readAt: null };
  return em.nativeUpdate(Notification, where, { readAt: new Date() });
}

export function setDigest(em: EntityManager, viewer: Member | null, digest: DigestFrequency): Promise<Member> {
  return em.transactional((tem) => setDigestInTransaction(tem, viewer, digest));
}

async function setDigestInTransaction(em: EntityManager, viewer: Member | null, digest: DigestFrequency): Promise<Member> {
  if (!viewer) throw new ForbiddenError('choose an email digest: sign in first');
  const member = await em.findOneOrFail(Member, { id: viewer.id });
  member.digest = digest;
  await em.flush();
  return member;
}

const DIGEST_DAYS = { DAILY: 1, WEEKLY: 7 } as const;

/** Emails each member who chose a digest their unread, not yet emailed notifications, when their period is up. */
export async function sendDigests(em: EntityManager, mailer: Mailer, config: AppConfig, now = new Date()): Promise<number> {
  let sent = 0;
  const members = await em.find(Member, { digest: { $in: [DigestFrequency.DAILY, DigestFrequency.WEEKLY] }, deletedAt: null });
  for (const member of members) {
    const days = DIGEST_DAYS[member.digest as 'DAILY' | 'WEEKLY'];
    if (member.lastDigestAt && now.getTime() - member.lastDigestAt.getTime() < days * 86_400_000 - 60_000) continue;
    const unread = await em.find(Notification, { member: member.id, readAt: null, emailedAt: null }, { orderBy: { createdAt: 'asc' }, limit: 50 });
    member.lastDigestAt = now;
    if (unread.length) {
      const lines = unread.map((n) => `- ${n.message}`).join('\n');
      await mailer.send({
        to: member.email,
        subject: `Synapse: ${unread.length} update${unread.length === 1 ? '' : 's'} on what you follow`,
        text: `${lines}\n\nSee them all: ${config.publicUrl}/notifications\nChange how often you get this email in your account settings.`,
      });
      for (const notification of unread) notification.emailedAt = now;
      sent++;
    }
    await em.flush();
  }
  return sent;
}

