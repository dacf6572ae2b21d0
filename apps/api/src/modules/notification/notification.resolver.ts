import { ExperimentStatus } from '@synapse/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs, toConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { Follow, FollowTarget } from './follow.entity.js';
import { viewerFollows } from './follow-query.service.js';
import { Notification } from './notification.entity.js';
import { DigestInput, FollowInput } from './notification.inputs.js';
import { myFollows, notificationPage, unreadNotificationCount } from './notification-inbox.service.js';
import { follow, markRead, setDigest, unfollow } from './notification.service.js';

export const NotificationConnection = connectionType(Notification, 'Notification');

@Resolver(() => Notification)
export class NotificationResolver {
  @Mutation(() => Follow, { description: 'Follows an experiment, a service area, a theme or an organisation.' })
  follow(@Ctx() { em, viewer }: Context, @Arg('input', () => FollowInput) input: FollowInput): Promise<Follow> {
    return follow(em, viewer, input.target, input.key);
  }

  @Mutation(() => Boolean, { description: 'Stops following; false if you were not following it.' })
  unfollow(@Ctx() { em, viewer }: Context, @Arg('input', () => FollowInput) input: FollowInput): Promise<boolean> {
    return unfollow(em, viewer, input.target, input.key);
  }

  @Query(() => [Follow], { description: 'What you follow.' })
  myFollows(@Ctx() { em, viewer }: Context): Promise<Follow[]> {
    return myFollows(em, viewer);
  }

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async notifications(
    @Ctx() { em, viewer }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
  ) {
    return toConnection(await notificationPage(em, viewer, page, unreadOnly));
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (0 when signed out).' })
  unreadNotificationCount(@Ctx() { em, viewer }: Context): Promise<number> {
    return unreadNotificationCount(em, viewer);
  }

  @Mutation(() => Int, { description: 'Marks notifications read (all of them when ids is omitted); returns how many changed.' })
  markNotificationsRead(@Ctx() { em, viewer }: Context, @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null): Promise<number> {
    return markRead(em, viewer, ids);
  }

  @Mutation(() => Member, { description: 'How often to email unread notifications: NONE, DAILY or WEEKLY.' })
  setNotificationDigest(@Ctx() { em, viewer }: Context, @Arg('input', () => DigestInput) input: DigestInput): Promise<Member> {
    return setDigest(em, viewer, input.frequency);
  }

  @FieldResolver(() => Experiment, { nullable: true, description: 'Null if the experiment has since been withdrawn.' })
  async experiment(@Root() notification: Notification): Promise<Experiment | null> {
    const experiment = notification.experiment ? await notification.experiment.load() : null;
    return experiment?.status === ExperimentStatus.PUBLISHED ? experiment : null;
  }
}

@Resolver(() => Experiment)
export class ExperimentFollowResolver {
  @FieldResolver(() => Boolean, { description: 'Whether you follow this experiment.' })
  viewerFollows(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context): Promise<boolean> {
    return viewerFollows(em, viewer, FollowTarget.EXPERIMENT, experiment.id);
  }
}

