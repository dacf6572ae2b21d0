import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { FollowTarget } from '../notification/follow.entity.js';
import { ServiceArea } from '../service-area/service-area.entity.js';
import { Discussion, TopicKind } from './discussion.entity.js';
import { DiscussionFilter, FollowDiscussionInput, StartDiscussionInput } from './discussion.inputs.js';
import { discussionPolicy } from './discussion.policy.js';
import { discussionAccess, discussionServiceAreas, findVisibleDiscussion, listDiscussions, listPosts, openingPost, visibleAnswer } from './discussion.service.js';
import { Post } from './post.entity.js';
import { followDiscussion, startDiscussion } from './post.service.js';
import { viewerFollows } from '../notification/follow-query.service.js';

export const DiscussionConnection = connectionType(Discussion, 'Discussion');
export const PostConnection = connectionType(Post, 'Post');

@ObjectType({ description: 'What the current viewer may do with a discussion.' })
export class DiscussionPermissions {
  @Field(() => Boolean)
  reply!: boolean;

  @Field(() => Boolean, { description: 'Mark a reply as the answer: the asker, the experiment team, or a moderator.' })
  markAnswer!: boolean;

  @Field(() => Boolean, { description: 'Hide and restore posts, lock the discussion, see hidden posts and edit history.' })
  moderate!: boolean;

  @Field(() => Boolean)
  follow!: boolean;
}

@Resolver(() => Discussion)
export class DiscussionResolver {
  @Query(() => Discussion, { nullable: true, description: 'One discussion; null if missing, hidden by a moderator, or on an experiment you cannot see.' })
  discussion(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<Discussion | null> {
    return findVisibleDiscussion(em, viewer, id);
  }

  @Query(() => DiscussionConnection, { description: 'Discussions, most recent activity first: by experiment, service area, theme, answered or not.' })
  discussions(
    @Ctx() { em, viewer }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DiscussionFilter, { nullable: true }) filter?: DiscussionFilter | null,
  ) {
    return listDiscussions(em, viewer, filter, page);
  }

  @Mutation(() => Discussion, { description: 'Asks the team behind a published experiment a question, or asks the network (give service areas). Signed-in members.' })
  startDiscussion(@Ctx() { em, viewer }: Context, @Arg('input', () => StartDiscussionInput) input: StartDiscussionInput): Promise<Discussion> {
    return startDiscussion(em, viewer, input);
  }

  @Mutation(() => Discussion, { description: 'Follows (or, with follow: false, stops following) a discussion: you hear about its replies.' })
  followDiscussion(@Ctx() { em, viewer }: Context, @Arg('input', () => FollowDiscussionInput) input: FollowDiscussionInput): Promise<Discussion> {
    return followDiscussion(em, viewer, input.discussionId, input.follow);
  }

  @FieldResolver(() => Experiment, { nullable: true, description: 'The experiment it is about; null for a network question.' })
  async experiment(@Root() discussion: Discussion): Promise<Experiment | null> {
    return discussion.experiment ? discussion.experiment.loadOrFail() : null;
  }

  @FieldResolver(() => Member, { description: 'Who asked.' })
  async author(@Root() discussion: Discussion): Promise<Member> {
    return discussion.author.loadOrFail();
  }

  @FieldResolver(() => [ServiceArea])
  serviceAreas(@Root() discussion: Discussion, @Ctx() { em }: Context): Promise<ServiceArea[]> {
    return discussionServiceAreas(em, discussion);
  }

  @FieldResolver(() => [String])
  async themes(@Root() discussion: Discussion): Promise<string[]> {
    return (await discussion.topics.loadItems()).filter((topic) => topic.kind === TopicKind.THEME).map((topic) => topic.key);
  }

  @FieldResolver(() => Boolean, { description: 'Whether a reply has been marked as the answer.' })
  answered(@Root() discussion: Discussion): boolean {
    return discussion.answerPostId !== null;
  }

  @FieldResolver(() => Boolean, { description: 'Hidden by a moderator (only moderators ever see a hidden discussion).' })
  hidden(@Root() discussion: Discussion): boolean {
    return discussion.hiddenAt !== null;
  }

  @FieldResolver(() => Post, { description: 'The question itself.' })
  openingPost(@Root() discussion: Discussion, @Ctx() { em }: Context): Promise<Post> {
    return openingPost(em, discussion.id);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The reply marked as the answer, if you may see it.' })
  answer(@Root() discussion: Discussion, @Ctx() { em, viewer }: Context): Promise<Post | null> {
    return visibleAnswer(em, viewer, discussion);
  }

  @FieldResolver(() => PostConnection, { description: 'The opening post and the replies, oldest first. Hidden posts are left out except for moderators.' })
  async posts(@Root() discussion: Discussion, @Ctx() { em, viewer }: Context, @Args(() => PageArgs) page: PageArgs) {
    return listPosts(em, await discussionAccess(viewer, discussion), page);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you follow this discussion.' })
  viewerFollows(@Root() discussion: Discussion, @Ctx() { em, viewer }: Context): Promise<boolean> {
    return viewerFollows(em, viewer, FollowTarget.DISCUSSION, discussion.id);
  }

  @FieldResolver(() => DiscussionPermissions)
  async viewerCan(@Root() discussion: Discussion, @Ctx() { viewer }: Context): Promise<DiscussionPermissions> {
    const access = await discussionAccess(viewer, discussion);
    return {
      reply: discussionPolicy.reply(access),
      markAnswer: discussionPolicy.markAnswer(access),
      moderate: discussionPolicy.moderate(access),
      follow: discussionPolicy.follow(access),
    };
  }
}
