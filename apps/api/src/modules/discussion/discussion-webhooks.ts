import { ref } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { type DomainEvent, EventKind } from '../notification/domain-event.entity.js';
import { newJob } from '../job/job-queue.js';
import { Webhook, WebhookDelivery, WebhookEvent } from '../webhook/webhook.entity.js';
import { DELIVER_WEBHOOK } from '../webhook/webhook-job.js';
import { discussionUrl, findPublicDiscussion, publicPosts } from './discussion-open-data.js';

const EVENT_FOR: Partial<Record<EventKind, WebhookEvent>> = {
  [EventKind.NEW_DISCUSSION]: WebhookEvent.DISCUSSION_STARTED,
  [EventKind.ANSWER_MARKED]: WebhookEvent.DISCUSSION_ANSWERED,
};

/**
 * Queues partner deliveries for a discussion event (the webhook fan-out calls this for discussion events).
 * Only public discussions, and never a hidden or deleted answer; the payload carries titles and links, not bodies.
 */
export async function enqueueDiscussionDeliveries(em: EntityManager, config: AppConfig, event: DomainEvent): Promise<number> {
  const kind = EVENT_FOR[event.kind];
  if (!kind || !event.discussionId) return 0;
  const discussion = await findPublicDiscussion(em, event.discussionId);
  if (!discussion) return 0;
  if (kind === WebhookEvent.DISCUSSION_ANSWERED) {
    const answer = (await publicPosts(em, [discussion.id])).find((post) => post.id === discussion.answerPostId && !post.deletedAt);
    if (!answer) return 0;
  }
  const webhooks = (await em.find(Webhook, {})).filter((webhook) => webhook.events.includes(kind));
  const experiment = discussion.experiment?.getEntity() ?? null;
  const payload = {
    id: event.id,
    event: kind,
    occurredAt: event.createdAt.toISOString(),
    discussion: {
      id: discussion.id,
      title: discussion.title,
      url: discussionUrl(config.publicUrl, discussion),
      answered: discussion.answerPostId !== null,
      experiment: experiment ? { id: experiment.id, slug: experiment.slug, title: experiment.title, url: `${config.publicUrl}/experiments/${experiment.slug}` } : null,
    },
  };
  // As for experiment events: one delivery per (webhook, event) and a job to send it, flushed by the fan-out's transaction.
  for (const webhook of webhooks) {
    const delivery = Object.assign(new WebhookDelivery(), { webhook: ref(webhook), event: kind, eventId: event.id, payload });
    em.persist(delivery);
    em.persist(newJob(DELIVER_WEBHOOK, { deliveryId: delivery.id }, { key: delivery.id }));
  }
  return webhooks.length;
}
