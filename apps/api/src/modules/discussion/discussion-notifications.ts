import { ExperimentStatus } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { type DomainEvent, EventKind } from '../notification/domain-event.entity.js';
import { Follow, FollowTarget } from '../notification/follow.entity.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { Discussion, TopicKind } from './discussion.entity.js';
import { DISCUSSION_EVENTS } from './discussion-events.js';
import { Post } from './post.entity.js';

/** Same shape as the fan-out's own deliveries: who hears, and the sentence they read. */
export interface DiscussionDelivery {
  kind: NotificationKind;
  recipients: string[];
  message: string;
}

export function isDiscussionEvent(event: DomainEvent): boolean {
  return DISCUSSION_EVENTS.has(event.kind);
}

async function followers(em: EntityManager, targets: [FollowTarget, string[]][]): Promise<string[]> {
  const conditions = targets.filter(([, keys]) => keys.length).map(([target, keys]) => ({ target, targetKey: { $in: keys } }));
  if (conditions.length === 0) return [];
  return (await em.find(Follow, { $or: conditions }, { fields: ['member'] })).map((follow) => follow.member.id);
}

async function team(em: EntityManager, experiment: Experiment): Promise<string[]> {
  const members = await em.find(Member, { organisation: experiment.leadOrganisation.id, deletedAt: null }, { fields: ['id'] });
  const coEditors = await em.find(ExperimentTeamMember, { experiment: experiment.id }, { fields: ['member'] });
  return [...members.map((member) => member.id), ...coEditors.map((entry) => entry.member.id)];
}

/** A discussion people may be told about: not hidden, and on a published experiment (or none). */
async function visible(em: EntityManager, event: DomainEvent): Promise<{ discussion: Discussion; experiment: Experiment | null } | null> {
  const discussion = await em.findOne(Discussion, { id: event.discussionId ?? '' }, { populate: ['topics', 'author'] });
  if (!discussion || discussion.hiddenAt) return null;
  const experiment = discussion.experiment ? await em.findOne(Experiment, { id: discussion.experiment.id }, { populate: ['leadOrganisation'] }) : null;
  if (discussion.experiment && experiment?.status !== ExperimentStatus.PUBLISHED) return null;
  return { discussion, experiment };
}

/** The post an event is about, unless it has since been hidden or deleted (then nobody is told). */
async function visiblePost(em: EntityManager, event: DomainEvent): Promise<Post | null> {
  const post = await em.findOne(Post, { id: String(event.data?.postId ?? '') }, { populate: ['author'] });
  return post && !post.hiddenAt && !post.deletedAt ? post : null;
}

/**
 * Who hears about a discussion event (the fan-out calls this for discussion events):
 *   new question on an experiment   its team, and followers of the experiment, its service areas and themes
 *   new network question            followers of its service areas and themes
 *   reply                           followers of the discussion (everyone who posted follows it unless they unfollowed)
 *   answer marked                   the asker and the author of the answer
 * Messages quote titles only, never post bodies; hidden or deleted content is never mentioned.
 */
export async function discussionDeliveries(em: EntityManager, event: DomainEvent): Promise<DiscussionDelivery[]> {
  const found = await visible(em, event);
  if (!found) return [];
  const { discussion, experiment } = found;
  const title = `“${discussion.title}”`;
  const topics = (kind: TopicKind) => discussion.topics.getItems().filter((topic) => topic.kind === kind).map((topic) => topic.key);
  switch (event.kind) {
    case EventKind.NEW_DISCUSSION: {
      const asker = discussion.author.getEntity().name;
      const topicFollowers = await followers(em, [
        [FollowTarget.SERVICE_AREA, topics(TopicKind.SERVICE_AREA)],
        [FollowTarget.THEME, topics(TopicKind.THEME)],
        [FollowTarget.EXPERIMENT, experiment ? [experiment.id] : []],
      ]);
      if (!experiment) return [{ kind: NotificationKind.NEW_DISCUSSION, recipients: topicFollowers, message: `${asker} asked the network: ${title}.` }];
      return [
        { kind: NotificationKind.NEW_DISCUSSION, recipients: await team(em, experiment), message: `${asker} asked your team a question about “${experiment.title}”: ${title}.` },
        { kind: NotificationKind.NEW_DISCUSSION, recipients: topicFollowers, message: `${asker} asked a question about “${experiment.title}”: ${title}.` },
      ];
    }
    case EventKind.NEW_REPLY: {
      const post = await visiblePost(em, event);
      if (!post) return [];
      const recipients = await followers(em, [[FollowTarget.DISCUSSION, [discussion.id]]]);
      return [{ kind: NotificationKind.NEW_REPLY, recipients, message: `${post.author.getEntity().name}${post.fromTeam ? ' (from the team)' : ''} replied to ${title}.` }];
    }
    case EventKind.ANSWER_MARKED: {
      const post = await visiblePost(em, event);
      if (!post || discussion.answerPostId !== post.id) return [];
      return [{ kind: NotificationKind.ANSWER_MARKED, recipients: [discussion.author.id, post.author.id], message: `A reply by ${post.author.getEntity().name} was marked as the answer to ${title}.` }];
    }
    default:
      return [];
  }
}
