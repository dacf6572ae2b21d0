import { ExperimentStatus } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { Discussion, TopicKind } from './discussion.entity.js';
import { Post } from './post.entity.js';

/** Discussions anyone may read: not hidden, on a published experiment or on none. */
export const PUBLIC = { $and: [{ hiddenAt: null }, { $or: [{ experiment: null }, { experiment: { status: ExperimentStatus.PUBLISHED } }] }] };

export function discussionUrl(publicUrl: string, discussion: Pick<Discussion, 'id'>): string {
  return `${publicUrl}/discussions/${discussion.id}`;
}

/** The posts of a public discussion anyone may read: hidden ones left out; deleted ones as placeholders without text. */
export async function publicPosts(em: EntityManager, discussionIds: string[]): Promise<Post[]> {
  if (discussionIds.length === 0) return [];
  return em.find(Post, { discussion: { $in: discussionIds }, hiddenAt: null }, { populate: ['author', 'author.organisation', 'citations'], orderBy: { createdAt: 'asc', id: 'asc' } });
}

export async function findPublicDiscussion(em: EntityManager, id: string): Promise<Discussion | null> {
  return em.findOne(Discussion, { $and: [{ id }, PUBLIC] }, { populate: ['experiment'] });
}

/** The newest network questions (on no experiment), for the Atom feed. */
export async function latestNetworkQuestions(em: EntityManager, limit = 50): Promise<Discussion[]> {
  return em.find(Discussion, { $and: [PUBLIC, { experiment: null }] }, { populate: ['author', 'topics'], orderBy: { createdAt: 'desc', id: 'desc' }, limit });
}

/** One public discussion as an export record: published content only, authors by their public profile. */
function toRecord(discussion: Discussion, posts: Post[], publicUrl: string): Record<string, unknown> {
  const experiment = discussion.experiment?.getEntity() ?? null;
  return {
    id: discussion.id,
    url: discussionUrl(publicUrl, discussion),
    title: discussion.title,
    experiment: experiment ? { slug: experiment.slug, url: `${publicUrl}/experiments/${experiment.slug}` } : null,
    serviceAreas: discussion.topics.getItems().filter((t) => t.kind === TopicKind.SERVICE_AREA).map((t) => t.key),
    themes: discussion.topics.getItems().filter((t) => t.kind === TopicKind.THEME).map((t) => t.key),
    answered: discussion.answerPostId !== null,
    locked: discussion.lockedAt !== null,
    createdAt: discussion.createdAt.toISOString(),
    lastActivityAt: discussion.lastActivityAt.toISOString(),
    posts: posts.map((post) =>
      post.deletedAt
        ? { id: post.id, deleted: true, createdAt: post.createdAt.toISOString() }
        : {
            id: post.id,
            author: { name: post.author.getEntity().name, organisation: post.author.getEntity().organisation?.getEntity().name ?? null },
            fromTeam: post.fromTeam,
            isAnswer: discussion.answerPostId === post.id,
            body: post.body,
            createdAt: post.createdAt.toISOString(),
            editedAt: post.editedAt?.toISOString() ?? null,
            citations: post.citations.getItems().filter((e) => e.status === ExperimentStatus.PUBLISHED).map((e) => `${publicUrl}/experiments/${e.slug}`),
          },
    ),
  };
}

/** Every public discussion with its visible posts, in batches so memory stays flat. */
export async function* publicDiscussionRecords(em: EntityManager, publicUrl: string, batchSize = 100): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += batchSize) {
    em.clear();
    const discussions = await em.find(Discussion, PUBLIC, { populate: ['experiment', 'topics'], orderBy: { createdAt: 'asc', id: 'asc' }, limit: batchSize, offset });
    if (discussions.length === 0) return;
    const posts = await publicPosts(em, discussions.map((d) => d.id));
    yield discussions.map((discussion) => toRecord(discussion, posts.filter((post) => post.discussion.id === discussion.id), publicUrl));
    if (discussions.length < batchSize) return;
  }
}
