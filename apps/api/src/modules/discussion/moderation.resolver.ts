import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Member } from '../member/member.entity.js';
import { Discussion } from './discussion.entity.js';
import { AppointModeratorInput, LockDiscussionInput, ModeratePostInput, ReportPostInput } from './discussion.inputs.js';
import { appointModerator, lockDiscussion, moderatePost, reportPost, reportQueue } from './moderation.service.js';
import { Post, PostReport } from './post.entity.js';

export const PostReportConnection = connectionType(PostReport, 'PostReport');

@Resolver(() => PostReport)
export class ModerationResolver {
  @Mutation(() => PostReport, { description: 'Reports a post to the moderators, with a reason. Anyone signed in, not on their own posts.' })
  reportPost(@Ctx() { em, viewer }: Context, @Arg('input', () => ReportPostInput) input: ReportPostInput): Promise<PostReport> {
    return reportPost(em, viewer, input);
  }

  @Mutation(() => Post, { description: 'Hides or restores a post, with a reason (audited). Moderators and admins of the lead organisation.' })
  moderatePost(@Ctx() { em, viewer }: Context, @Arg('input', () => ModeratePostInput) input: ModeratePostInput): Promise<Post> {
    return moderatePost(em, viewer, input);
  }

  @Mutation(() => Discussion, { description: 'Locks (no more replies) or unlocks a discussion, with a reason (audited).' })
  lockDiscussion(@Ctx() { em, viewer }: Context, @Arg('input', () => LockDiscussionInput) input: LockDiscussionInput): Promise<Discussion> {
    return lockDiscussion(em, viewer, input);
  }

  @Mutation(() => Member, { description: 'Appoints (or removes) a moderator for the whole network. Platform admins only.' })
  appointModerator(@Ctx() { em, viewer }: Context, @Arg('input', () => AppointModeratorInput) input: AppointModeratorInput): Promise<Member> {
    return appointModerator(em, viewer, input.memberId, input.moderator);
  }

  @Query(() => PostReportConnection, { description: 'Reported posts, oldest first: every report for moderators, reports on your experiments for organisation admins.' })
  postReports(
    @Ctx() { em, viewer }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('open', () => Boolean, { defaultValue: true, description: 'false lists resolved reports.' }) open: boolean,
  ) {
    return reportQueue(em, viewer, open, page);
  }

  @FieldResolver(() => Post)
  async post(@Root() report: PostReport): Promise<Post> {
    return report.post.loadOrFail();
  }

  @FieldResolver(() => Member)
  async reporter(@Root() report: PostReport): Promise<Member> {
    return report.reporter.loadOrFail();
  }
}
