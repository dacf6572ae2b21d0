import type { FilterQuery } from '@mikro-orm/core';
import { CONVERSATION_LIMITS, ExperimentStatus } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { selectIn } from '../../db/rows.js';
import { DomainError, ErrorCode, NotFoundError } from '../../errors.js';
import { type ConnectionShape, findPage, toConnection } from '../../graphql/connection.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { accessFor } from '../experiment/experiment.service.js';
import type { Member } from '../member/member.entity.js';
import { Discussion, TopicKind } from './discussion.entity.js';
import type { DiscussionFilter } from './discussion.inputs.js';
import { type DiscussionAccess, discussionPolicy, isPlatformModerator } from './discussion.policy.js';
import { Post } from './post.entity.js';
import { ServiceArea } from '../service-area/service-area.entity.js';

/** The facts the discussion policy needs (the experiment is loaded once per request through the identity map). */
export async function discussionAccess(viewer: Member | null, discussion: Discussion): Promise<DiscussionAccess> {
  const experiment = discussion.experiment ? await discussion.experiment.loadOrFail() : null;
  return { member: viewer, discussion, experiment, experimentAccess: experiment ? await accessFor(viewer, experiment) : null };
}

/** A discussion the viewer may see; null when missing or not visible. */
export async function findVisibleDiscussion(em: EntityManager, viewer: Member | null, id: string): Promise<Discussion | null> {
  const discussion = await em.findOne(Discussion, { id });
  return discussion && discussionPolicy.view(await discussionAccess(viewer, discussion)) ? discussion : null;
}

/** Loads a discussion for an action: NOT_FOUND when the viewer cannot see it. */
export async function loadDiscussion(em: EntityManager, viewer: Member | null, id: string): Promise<DiscussionAccess> {
  const discussion = await em.findOne(Discussion, { id });
  const access = discussion ? await discussionAccess(viewer, discussion) : null;
  if (!access || !discussionPolicy.view(access)) throw new NotFoundError('Discussion', id);
  return access;
}

/** Loads a post and its discussion for an action: NOT_FOUND when the viewer cannot see it. */
export async function loadPost(em: EntityManager, viewer: Member | null, id: string): Promise<{ post: Post; access: DiscussionAccess }> {
  const post = await em.findOne(Post, { id }, { populate: ['discussion'] });
  const access = post ? await discussionAccess(viewer, post.discussion.getEntity()) : null;
  if (!post || !access || !discussionPolicy.view(access) || (post.hiddenAt !== null && !discussionPolicy.moderate(access))) throw new NotFoundError('Post', id);
  return { post, access };
}

/** Published discussions, as a query: not hidden, and on a published experiment or on none. */
export function visibleDiscussions(viewer: Member | null): FilterQuery<Discussion> {
  const onVisible: FilterQuery<Discussion> = { $or: [{ experiment: null }, { experiment: { status: ExperimentStatus.PUBLISHED } }] };
  return isPlatformModerator(viewer) ? onVisible : { $and: [onVisible, { hiddenAt: null }] };
}

/** A page of discussions, most recent activity first. */
export async function listDiscussions(
  em: EntityManager,
  viewer: Member | null,
  filter: DiscussionFilter | null | undefined,
  page: { first: number; after?: string | null },
): Promise<ConnectionShape<Discussion>> {
  const conditions: FilterQuery<Discussion>[] = [visibleDiscussions(viewer)];
  if (filter?.experimentId) conditions.push({ experiment: filter.experimentId });
  if (filter?.network === true) conditions.push({ experiment: null });
  if (filter?.network === false) conditions.push({ experiment: { $ne: null } });
  if (filter?.serviceAreas?.length) conditions.push({ topics: { kind: TopicKind.SERVICE_AREA, key: { $in: filter.serviceAreas } } });
  if (filter?.themes?.length) conditions.push({ topics: { kind: TopicKind.THEME, key: { $in: filter.themes.map((theme) => theme.trim().toLowerCase()) } } });
  if (filter?.answered === true) conditions.push({ answeredAt: { $ne: null } });
  if (filter?.answered === false) conditions.push({ answeredAt: null });
  const cursor = await findPage(em, Discussion, {
    where: { $and: conditions },
    first: page.first,
    after: page.after ?? undefined,
    orderBy: { lastActivityAt: 'desc', id: 'desc' },
  });
  return toConnection(cursor);
}

/** The posts of a discussion, oldest first (a conversation reads top to bottom); hidden ones only for moderators. */
export async function listPosts(em: EntityManager, access: DiscussionAccess, page: { first: number; after?: string | null }): Promise<ConnectionShape<Post>> {
  const where: FilterQuery<Post> = discussionPolicy.moderate(access)
    ? { discussion: access.discussion.id }
    : { discussion: access.discussion.id, hiddenAt: null };
  const cursor = await findPage(em, Post, { where, first: page.first, after: page.after ?? undefined, orderBy: { createdAt: 'asc', id: 'asc' } });
  return toConnection(cursor);
}

/** Resolves cited experiment ids to published experiments; BAD_USER_INPUT names the first unknown one. */
export async function resolveCitations(em: EntityManager, ids: string[] | null | undefined, field: string): Promise<Experiment[]> {
  if (!ids?.length) return [];
  const found = await em.find(Experiment, { id: { $in: ids }, status: ExperimentStatus.PUBLISHED });
  const byId = new Map(found.map((experiment) => [experiment.id, experiment]));
  const missing = ids.findIndex((id) => !byId.has(id));
  if (missing >= 0) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid value for ${field}.${missing}: no published experiment has this id`, { field: `${field}.${missing}`, reason: 'no published experiment has this id' });
  return ids.map((id) => byId.get(id)!);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Per-member rate limits, counted from the posts in the database (so they hold across processes): tighter for
 * someone whose account is less than a day old.
 */
export async function checkPostRate(em: EntityManager, member: Member, now = new Date()): Promise<void> {
  const newMember = now.getTime() - member.createdAt.getTime() < DAY;
  const limit = newMember ? CONVERSATION_LIMITS.postsPerHourNewMember : CONVERSATION_LIMITS.postsPerHour;
  const recent = await em.count(Post, { author: member.id, createdAt: { $gt: new Date(now.getTime() - HOUR) } });
  if (recent >= limit) {
    throw new DomainError(ErrorCode.RATE_LIMITED, `You can write ${limit} posts an hour${newMember ? ' in your first day' : ''}. Try again later.`, {
      limit,
      windowSeconds: 3600,
    });
  }
}

async function countDiscussions(em: EntityManager, ids: readonly string[]): Promise<number[]> {
  // Counted by the database in plain SQL (db/rows.ts): a page of search hits asks this on every search.
  const rows = await selectIn<{ experiment_id: string; n: number | string }>(
    em,
    'select experiment_id, count(*) as n from discussions where experiment_id in (%s) and hidden_at is null group by experiment_id',
    [...new Set(ids)],
  );
  const counts = new Map(rows.map((row) => [row.experiment_id, Number(row.n)]));
  return ids.map((id) => counts.get(id) ?? 0);
}

/** How many visible discussions an experiment has, batched per request (one query for a page of search hits). */
export function discussionCount(em: EntityManager, experimentId: string): Promise<number> {
  return requestLoader(em, countDiscussions).load(experimentId);
}

/** Visible discussions where a visible post cites the experiment as evidence, most recent first (at most 20). */
export function discussionsCiting(em: EntityManager, viewer: Member | null, experimentId: string): Promise<Discussion[]> {
  return requestLoader(em, discussionsCitingMany).load({ viewer, experimentId });
}

/** For each experiment, the visible discussions whose visible posts cite it, most recent first (at most 20): two queries. */
async function discussionsCitingMany(em: EntityManager, keys: readonly { viewer: Member | null; experimentId: string }[]): Promise<Discussion[][]> {
  const ids = [...new Set(keys.map((key) => key.experimentId))];
  const citing = { citations: { $in: ids }, hiddenAt: null, deletedAt: null };
  // Every key of a request has the same viewer (one viewer per request).
  const discussions = await em.find(Discussion, { $and: [visibleDiscussions(keys[0]?.viewer ?? null), { allPosts: citing }] }, { orderBy: { lastActivityAt: 'desc' } });
  const posts = discussions.length
    ? await em.find(Post, { ...citing, discussion: { $in: discussions.map((discussion) => discussion.id) } }, { populate: ['citations'] })
    : [];
  const cites = new Map<string, Set<string>>();
  for (const post of posts) {
    const cited = cites.get(post.discussion.id) ?? new Set<string>();
    for (const experiment of post.citations.getItems()) cited.add(experiment.id);
    cites.set(post.discussion.id, cited);
  }
  return keys.map((key) => discussions.filter((discussion) => cites.get(discussion.id)?.has(key.experimentId)).slice(0, 20));
}

/** The service areas a discussion is tagged with, in the list's order. */
export async function discussionServiceAreas(em: EntityManager, discussion: Discussion): Promise<ServiceArea[]> {
  const slugs = (await discussion.topics.loadItems()).filter((topic) => topic.kind === TopicKind.SERVICE_AREA).map((topic) => topic.key);
  if (slugs.length === 0) return [];
  return em.find(ServiceArea, { slug: { $in: slugs } }, { orderBy: { position: 'asc' } });
}

/** The question itself: the discussion's opening post. */
export function openingPost(em: EntityManager, discussionId: string): Promise<Post> {
  return em.findOneOrFail(Post, { discussion: discussionId, opening: true });
}

/** The reply marked as the answer, unless it is hidden and the viewer may not moderate. */
export async function visibleAnswer(em: EntityManager, viewer: Member | null, discussion: Discussion): Promise<Post | null> {
  if (!discussion.answerPostId) return null;
  const post = await em.findOne(Post, { id: discussion.answerPostId });
  if (!post) return null;
  return post.hiddenAt === null || discussionPolicy.moderate(await discussionAccess(viewer, discussion)) ? post : null;
}
