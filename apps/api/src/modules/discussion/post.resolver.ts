import { ExperimentStatus } from '@synapse/domain';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { Discussion } from './discussion.entity.js';
import { EditPostInput, MarkAnswerInput, ReplyInput } from './discussion.inputs.js';
import { discussionPolicy, postPolicy } from './discussion.policy.js';
import { discussionAccess } from './discussion.service.js';
import { Post, PostRevision } from './post.entity.js';
import { deletePost, editPost, markAnswer, replyToDiscussion } from './post.service.js';

@ObjectType({ description: 'What the current viewer may do with a post.' })
export class PostPermissions {
  @Field(() => Boolean)
  edit!: boolean;

  @Field(() => Boolean)
  delete!: boolean;

  @Field(() => Boolean)
  report!: boolean;

  @Field(() => Boolean)
  markAnswer!: boolean;

  @Field(() => Boolean, { description: 'Hide or restore it.' })
  moderate!: boolean;
}

async function accessOf(post: Post, viewer: Member | null) {
  return discussionAccess(viewer, await post.discussion.loadOrFail());
}

@Resolver(() => Post)
export class PostResolver {
  @Mutation(() => Post, { description: 'Replies in a discussion. Signed-in members; not in a locked discussion.' })
  replyToDiscussion(@Ctx() { em, viewer }: Context, @Arg('input', () => ReplyInput) input: ReplyInput): Promise<Post> {
    return replyToDiscussion(em, viewer, input);
  }

  @Mutation(() => Discussion, { description: 'Marks a reply as the answer (or, with answer: false, takes the mark away). The asker, the team or a moderator.' })
  markAnswer(@Ctx() { em, viewer }: Context, @Arg('input', () => MarkAnswerInput) input: MarkAnswerInput): Promise<Discussion> {
    return markAnswer(em, viewer, input);
  }

  @Mutation(() => Post, { description: 'Changes your post; it shows as edited and moderators can see the earlier versions.' })
  editPost(@Ctx() { em, viewer }: Context, @Arg('input', () => EditPostInput) input: EditPostInput): Promise<Post> {
    return editPost(em, viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes your post. An opening post with replies, or a reply marked as the answer, leaves a "deleted" placeholder.' })
  deletePost(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return deletePost(em, viewer, id);
  }

  @FieldResolver(() => Discussion)
  async discussion(@Root() post: Post): Promise<Discussion> {
    return post.discussion.loadOrFail();
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Null once the post is deleted.' })
  async author(@Root() post: Post): Promise<Member | null> {
    return post.deletedAt ? null : post.author.loadOrFail();
  }

  @FieldResolver(() => String, { nullable: true, description: 'The Markdown as written; null once deleted.' })
  body(@Root() post: Post): string | null {
    return post.deletedAt ? null : post.body;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The body rendered to sanitised HTML (no raw HTML, images or scripts; links are nofollow ugc); null once deleted.' })
  bodyHtml(@Root() post: Post): string | null {
    return post.deletedAt ? null : post.bodyHtml;
  }

  @FieldResolver(() => Boolean, { description: 'Hidden by a moderator (only moderators ever see hidden posts).' })
  hidden(@Root() post: Post): boolean {
    return post.hiddenAt !== null;
  }

  @FieldResolver(() => Boolean, { description: 'Marked as the answer to the question.' })
  async isAnswer(@Root() post: Post): Promise<boolean> {
    return (await post.discussion.loadOrFail()).answerPostId === post.id;
  }

  @FieldResolver(() => [Experiment], { description: 'Published experiments the post cites as evidence.' })
  async citations(@Root() post: Post): Promise<Experiment[]> {
    if (post.deletedAt) return [];
    return (await post.citations.loadItems()).filter((experiment) => experiment.status === ExperimentStatus.PUBLISHED);
  }

  @FieldResolver(() => String, { nullable: true, description: "The moderator's reason for the last hide or restore (moderators only)." })
  async moderationReason(@Root() post: Post, @Ctx() { viewer }: Context): Promise<string | null> {
    return discussionPolicy.moderate(await accessOf(post, viewer)) ? post.moderationReason : null;
  }

  @FieldResolver(() => [PostRevision], { nullable: true, description: 'Earlier versions, newest first (moderators only; null for others).' })
  async revisions(@Root() post: Post, @Ctx() { viewer }: Context): Promise<PostRevision[] | null> {
    if (!discussionPolicy.moderate(await accessOf(post, viewer))) return null;
    const revisions = await post.revisions.loadItems();
    return [...revisions].sort((a, b) => b.replacedAt.getTime() - a.replacedAt.getTime());
  }

  @FieldResolver(() => PostPermissions)
  async viewerCan(@Root() post: Post, @Ctx() { viewer }: Context): Promise<PostPermissions> {
    const access = await accessOf(post, viewer);
    return {
      edit: postPolicy.edit(post, access),
      delete: postPolicy.delete(post, access),
      report: postPolicy.report(post, access),
      markAnswer: postPolicy.markAnswer(post, access),
      moderate: discussionPolicy.moderate(access),
    };
  }
}
