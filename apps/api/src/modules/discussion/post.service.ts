import { ref } from '@mikro-orm/core';
import { cleanWrittenText, ExperimentStatus, SERVICE_AREA_SLUGS } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { accessFor } from '../experiment/experiment.service.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { Member } from '../member/member.entity.js';
import { EventKind } from '../notification/domain-event.entity.js';
import { Follow, FollowTarget } from '../notification/follow.entity.js';
import { Discussion, DiscussionTopic, TopicKind } from './discussion.entity.js';
import { ensureFollowing, recordDiscussionEvent } from './discussion-events.js';
import type { EditPostInput, MarkAnswerInput, ReplyInput, StartDiscussionInput } from './discussion.inputs.js';
import { discussionPolicy, postPolicy } from './discussion.policy.js';
import { checkPostRate, loadDiscussion, loadPost, resolveCitations } from './discussion.service.js';
import { renderMarkdown } from './markdown.js';
import { enqueueDiscussionSync } from './discussion-search.js';
import { Post, PostRevision } from './post.entity.js';

function signedIn(viewer: Member | null, action: string): Member {
  if (!viewer || viewer.deletedAt) throw new ForbiddenError(`${action}: sign in first`);
  return viewer;
}

/** Cleans and renders a body; BAD_USER_INPUT when nothing is left of it. */
function writtenBody(raw: string, field: string): { body: string; bodyHtml: string } {
  const body = cleanWrittenText(raw);
  const bodyHtml = renderMarkdown(body);
  if (!body || !bodyHtml) throw BadInputError.field(field, 'write something');
  return { body, bodyHtml };
}

function newPost(discussion: Discussion, author: Member, written: { body: string; bodyHtml: string }, fromTeam: boolean, opening: boolean, citations: Experiment[]): Post {
  const post = Object.assign(new Post(), { discussion: ref(discussion), author: ref(author), ...written, fromTeam, opening });
  post.citations.set(citations);
  return post;
}

/** The experiment a question is about: published, and visible to the asker. */
async function askedAbout(em: EntityManager, viewer: Member, id: string): Promise<Experiment> {
  const experiment = await em.findOne(Experiment, { id }, { populate: ['serviceAreas'] });
  if (!experiment || experiment.status !== ExperimentStatus.PUBLISHED || !experimentPolicy.view(await accessFor(viewer, experiment))) {
    throw new NotFoundError('Experiment', id);
  }
  return experiment;
}

/** Asks the team behind an experiment a question, or a network question; the asker follows it. */
export async function startDiscussion(em: EntityManager, viewer: Member | null, input: StartDiscussionInput): Promise<Discussion> {
  const member = signedIn(viewer, 'start a discussion');
  return em.transactional(async (tem) => {
    const experiment = input.experimentId ? await askedAbout(tem, member, input.experimentId) : null;
    const title = cleanWrittenText(input.title);
    if (title.length < 8) throw BadInputError.field('input.title', 'a title is at least 8 characters');
    const written = writtenBody(input.body, 'input.body');
    const areas = input.serviceAreas?.length ? input.serviceAreas : (experiment?.serviceAreas.getItems().map((area) => area.slug) ?? []);
    if (!experiment && areas.length === 0) throw BadInputError.field('input.serviceAreas', 'choose at least one service area for a network question');
    if (areas.some((slug) => !SERVICE_AREA_SLUGS.includes(slug))) throw BadInputError.field('input.serviceAreas', 'not a known service area slug');
    const themes = [...new Set((input.themes?.length ? input.themes : (experiment?.themes ?? [])).map((theme) => cleanWrittenText(theme).toLowerCase()).filter(Boolean))];
    const citations = await resolveCitations(tem, input.citations, 'input.citations');
    await checkPostRate(tem, member);

    const discussion = Object.assign(new Discussion(), { title, experiment: experiment ? ref(experiment) : null, author: ref(tem.getReference(Member, member.id)) });
    for (const key of areas) discussion.topics.add(Object.assign(new DiscussionTopic(), { kind: TopicKind.SERVICE_AREA, key }));
    for (const key of themes) discussion.topics.add(Object.assign(new DiscussionTopic(), { kind: TopicKind.THEME, key }));
    const fromTeam = experiment ? experimentPolicy.team(await accessFor(member, experiment)) : false;
    tem.persist([discussion, newPost(discussion, tem.getReference(Member, member.id), written, fromTeam, true, citations)]);
    await ensureFollowing(tem, member, discussion.id);
    recordDiscussionEvent(tem, EventKind.NEW_DISCUSSION, discussion, member);
    await enqueueDiscussionSync(tem, discussion.id);
    await tem.flush();
    return discussion;
  });
}

export async function replyToDiscussion(em: EntityManager, viewer: Member | null, input: ReplyInput): Promise<Post> {
  const member = signedIn(viewer, 'reply');
  return em.transactional(async (tem) => {
    const access = await loadDiscussion(tem, member, input.discussionId);
    if (!discussionPolicy.reply(access)) throw new ForbiddenError('reply: this discussion is locked');
    const written = writtenBody(input.body, 'input.body');
    const citations = await resolveCitations(tem, input.citations, 'input.citations');
    await checkPostRate(tem, member);
    const { discussion } = access;
    const post = newPost(discussion, tem.getReference(Member, member.id), written, discussionPolicy.team(access), false, citations);
    discussion.replyCount += 1;
    discussion.lastActivityAt = post.createdAt;
    tem.persist(post);
    await ensureFollowing(tem, member, discussion.id);
    recordDiscussionEvent(tem, EventKind.NEW_REPLY, discussion, member, { postId: post.id });
    await enqueueDiscussionSync(tem, discussion.id);
    await tem.flush();
    return post;
  });
}

/** Marks (or unmarks) the reply that answered the question. One answer per discussion. */
export async function markAnswer(em: EntityManager, viewer: Member | null, input: MarkAnswerInput): Promise<Discussion> {
  const member = signedIn(viewer, 'mark an answer');
  return em.transactional(async (tem) => {
    const { post, access } = await loadPost(tem, member, input.postId);
    if (!postPolicy.markAnswer(post, access)) throw new ForbiddenError('mark this reply as the answer');
    const { discussion } = access;
    if (input.answer) {
      const changed = discussion.answerPostId !== post.id;
      discussion.answerPostId = post.id;
      discussion.answeredAt = new Date();
      if (changed) recordDiscussionEvent(tem, EventKind.ANSWER_MARKED, discussion, member, { postId: post.id });
    } else if (discussion.answerPostId === post.id) {
      discussion.answerPostId = null;
      discussion.answeredAt = null;
    }
    await enqueueDiscussionSync(tem, discussion.id);
    await tem.flush();
    return discussion;
  });
}

/** Changes a post's body (and an opening post's title); the old body is kept for moderators. */
export async function editPost(em: EntityManager, viewer: Member | null, input: EditPostInput): Promise<Post> {
  const member = signedIn(viewer, 'edit a post');
  return em.transactional(async (tem) => {
    const { post, access } = await loadPost(tem, member, input.postId);
    if (!postPolicy.edit(post, access)) throw new ForbiddenError('edit this post');
    const written = writtenBody(input.body, 'input.body');
    if (input.title != null) {
      if (!post.opening) throw BadInputError.field('input.title', 'only the opening post has a title');
      const title = cleanWrittenText(input.title);
      if (title.length < 8) throw BadInputError.field('input.title', 'a title is at least 8 characters');
      access.discussion.title = title;
    }
    if (input.citations) post.citations.set(await resolveCitations(tem, input.citations, 'input.citations'));
    if (written.body !== post.body) {
      post.revisions.add(Object.assign(new PostRevision(), { body: post.body }));
      Object.assign(post, written, { editedAt: new Date() });
    }
    await enqueueDiscussionSync(tem, access.discussion.id);
    await tem.flush();
    return post;
  });
}

/**
 * An author deletes their post. Where taking it out would break the conversation (an opening post with
 * replies, a reply marked as the answer) a "deleted" placeholder stays; otherwise it goes, with its history.
 */
export async function deletePost(em: EntityManager, viewer: Member | null, id: string): Promise<boolean> {
  const member = signedIn(viewer, 'delete a post');
  return em.transactional(async (tem) => {
    const { post, access } = await loadPost(tem, member, id);
    if (!postPolicy.delete(post, access)) throw new ForbiddenError('delete this post');
    const { discussion } = access;
    const otherPosts = await tem.count(Post, { discussion: discussion.id, id: { $ne: post.id }, deletedAt: null });
    await tem.nativeDelete(PostRevision, { post: post.id });
    if (post.opening && otherPosts === 0) {
      await tem.nativeDelete(Follow, { target: FollowTarget.DISCUSSION, targetKey: discussion.id });
      tem.remove(discussion);
    } else if (post.opening || discussion.answerPostId === post.id) {
      Object.assign(post, { body: '', bodyHtml: '', deletedAt: new Date() });
      post.citations.removeAll();
      if (!post.opening && post.hiddenAt === null) discussion.replyCount -= 1;
    } else {
      if (post.hiddenAt === null) discussion.replyCount -= 1;
      tem.remove(post);
    }
    await enqueueDiscussionSync(tem, discussion.id);
    await tem.flush();
    return true;
  });
}

export async function followDiscussion(em: EntityManager, viewer: Member | null, discussionId: string, follow: boolean): Promise<Discussion> {
  const member = signedIn(viewer, 'follow a discussion');
  return em.transactional(async (tem) => {
    const access = await loadDiscussion(tem, member, discussionId);
    if (!discussionPolicy.follow(access)) throw new ForbiddenError('follow this discussion');
    if (follow) await ensureFollowing(tem, member, discussionId);
    else await tem.nativeDelete(Follow, { member: member.id, target: FollowTarget.DISCUSSION, targetKey: discussionId });
    await tem.flush();
    return access.discussion;
  });
}

