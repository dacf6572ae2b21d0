import { ref } from '@mikro-orm/core';
import { cleanWrittenText, CONVERSATION_LIMITS, ModerationAction } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError } from '../../errors.js';
import { type ConnectionShape, findPage, toConnection } from '../../graphql/connection.js';
import { Member } from '../member/member.entity.js';
import { Notification } from '../notification/notification.entity.js';
import { Discussion } from './discussion.entity.js';
import type { LockDiscussionInput, ModeratePostInput, ReportPostInput } from './discussion.inputs.js';
import { discussionPolicy, isPlatformModerator, postPolicy } from './discussion.policy.js';
import { loadDiscussion, loadPost } from './discussion.service.js';
import { Post, PostReport } from './post.entity.js';
import { enqueueDiscussionSync } from './discussion-search.js';

// Every change here runs inside a mutation, so the audit subscriber records who did it, when, and the
// reason (stored on the post or discussion) — the audit log is the moderation log.

function signedIn(viewer: Member | null, action: string): Member {
  if (!viewer || viewer.deletedAt) throw new ForbiddenError(`${action}: sign in first`);
  return viewer;
}

/** Anyone signed in reports someone else's post; one report per person per post (a second one updates the reason). */
export async function reportPost(em: EntityManager, viewer: Member | null, input: ReportPostInput): Promise<PostReport> {
  const member = signedIn(viewer, 'report a post');
  return em.transactional(async (tem) => {
    const { post, access } = await loadPost(tem, member, input.postId);
    if (!postPolicy.report(post, access)) throw new ForbiddenError('report this post');
    const reason = cleanWrittenText(input.reason);
    const existing = await tem.findOne(PostReport, { post: post.id, reporter: member.id });
    if (existing) {
      Object.assign(existing, { reason, resolvedAt: null, resolvedById: null });
      await tem.flush();
      return existing;
    }
    const recent = await tem.count(PostReport, { reporter: member.id, createdAt: { $gt: new Date(Date.now() - 3_600_000) } });
    if (recent >= CONVERSATION_LIMITS.reportsPerHour) {
      throw new DomainError(ErrorCode.RATE_LIMITED, `You can report ${CONVERSATION_LIMITS.reportsPerHour} posts an hour. Try again later.`, { limit: CONVERSATION_LIMITS.reportsPerHour, windowSeconds: 3600 });
    }
    const report = Object.assign(new PostReport(), { post: ref(post), reporter: ref(tem.getReference(Member, member.id)), reason });
    await tem.persist(report).flush();
    return report;
  });
}

/** Hides or restores a post, with a reason; hiding an opening post hides the whole discussion. Resolves open reports. */
export async function moderatePost(em: EntityManager, viewer: Member | null, input: ModeratePostInput): Promise<Post> {
  const member = signedIn(viewer, 'moderate a post');
  return em.transactional(async (tem) => {
    const { post, access } = await loadPost(tem, member, input.postId);
    if (!discussionPolicy.moderate(access)) throw new ForbiddenError('moderate this discussion');
    const { discussion } = access;
    const hide = input.action === ModerationAction.HIDE;
    const wasHidden = post.hiddenAt !== null;
    post.moderationReason = cleanWrittenText(input.reason);
    if (hide !== wasHidden) {
      post.hiddenAt = hide ? new Date() : null;
      if (post.opening) discussion.hiddenAt = post.hiddenAt;
      else if (post.deletedAt === null) discussion.replyCount += hide ? -1 : 1;
      // Notifications about a hidden discussion go with it (replies' notifications carry no post text).
      if (hide && post.opening) await tem.nativeDelete(Notification, { discussionId: discussion.id });
    }
    const now = new Date();
    for (const report of await tem.find(PostReport, { post: post.id, resolvedAt: null })) Object.assign(report, { resolvedAt: now, resolvedById: member.id });
    await enqueueDiscussionSync(tem, discussion.id);
    await tem.flush();
    return post;
  });
}

export async function lockDiscussion(em: EntityManager, viewer: Member | null, input: LockDiscussionInput): Promise<Discussion> {
  const member = signedIn(viewer, 'lock a discussion');
  return em.transactional(async (tem) => {
    const access = await loadDiscussion(tem, member, input.discussionId);
    if (!discussionPolicy.moderate(access)) throw new ForbiddenError('lock this discussion');
    access.discussion.lockedAt = input.locked ? (access.discussion.lockedAt ?? new Date()) : null;
    access.discussion.lockReason = cleanWrittenText(input.reason);
    await tem.flush();
    return access.discussion;
  });
}

/** Platform admins appoint (and remove) moderators, who work the report queue for the whole network. */
export async function appointModerator(em: EntityManager, viewer: Member | null, memberId: string, moderator: boolean): Promise<Member> {
  if (!viewer?.platformAdmin || viewer.deletedAt) throw new ForbiddenError('appoint moderators');
  return em.transactional(async (tem) => {
    const member = await tem.findOne(Member, { id: memberId, deletedAt: null });
    if (!member) throw new NotFoundError('Member', memberId);
    member.moderator = moderator;
    await tem.flush();
    return member;
  });
}

/**
 * The report queue: open reports, oldest first. Platform moderators see every report; admins of a lead
 * organisation see reports about discussions on their experiments; nobody else may look.
 */
export async function reportQueue(em: EntityManager, viewer: Member | null, open: boolean, page: { first: number; after?: string | null }): Promise<ConnectionShape<PostReport>> {
  const member = signedIn(viewer, 'see reported posts');
  const where: Record<string, unknown> = open ? { resolvedAt: null } : { resolvedAt: { $ne: null } };
  if (!isPlatformModerator(member)) {
    const organisationId = member.organisation?.id;
    if (member.role !== 'ADMIN' || !organisationId) throw new ForbiddenError('see reported posts');
    where.post = { discussion: { experiment: { leadOrganisation: organisationId } } };
  }
  const cursor = await findPage(em, PostReport, { where, first: page.first, after: page.after ?? undefined, orderBy: { createdAt: 'asc', id: 'asc' } });
  return toConnection(cursor);
}
