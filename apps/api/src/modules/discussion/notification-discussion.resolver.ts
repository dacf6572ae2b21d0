import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Notification } from '../notification/notification.entity.js';
import { Discussion } from './discussion.entity.js';
import { findVisibleDiscussion } from './discussion.service.js';

@Resolver(() => Notification)
export class NotificationDiscussionResolver {
  @FieldResolver(() => Discussion, { nullable: true, description: 'The discussion it is about; null if none, or if it has since been hidden.' })
  discussion(@Root() notification: Notification, @Ctx() { em, viewer }: Context): Promise<Discussion | null> {
    return notification.discussionId ? findVisibleDiscussion(em, viewer, notification.discussionId) : Promise.resolve(null);
  }
}
