import { createHmac, randomUUID } from 'node:crypto';
import { ref, type MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import { type EntityManager, entityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { randomToken } from '../identity/tokens.js';
import type { Member } from '../member/member.entity.js';
import { type DomainEvent, EventKind } from '../notification/domain-event.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from './webhook.entity.js';
import { isDiscussionEvent } from '../discussion/discussion-notifications.js';
import { enqueueDiscussionDeliveries } from '../discussion/discussion-webhooks.js';

export const MAX_ATTEMPTS = 8;

const EVENT_FOR: Partial<Record<EventKind, WebhookEvent>> = {
  [EventKind.NEW_EXPERIMENT]: WebhookEvent.EXPERIMENT_PUBLISHED,
  [EventKind.NEW_OUTCOME]: WebhookEvent.OUTCOME_PUBLISHED,
  [EventKind.FORK_PUBLISHED]: WebhookEvent.EXPERIMENT_FORKED,
};

async function manageable(em: EntityManager, viewer: Member | null, organisationId: string): Promise<Organisation> {
  const organisation = await em.findOne(Organisation, { id: organisationId });
  if (!organisation) throw new NotFoundError('Organisation', organisationId);
  if (!organisationPolicy.manageApiKeys(viewer, organisation)) throw new ForbiddenError('manage webhooks for this organisation');
  return organisation;
}

export async function createWebhook(em: EntityManager, viewer: Member | null, input: { organisationId: string; url: string; events: WebhookEvent[] }) {
  const organisation = await manageable(em, viewer, input.organisationId);
  if (input.events.length === 0) throw BadInputError.field('input.events', 'choose at least one event');
  const webhook = Object.assign(new Webhook(), { organisation: ref(organisation), url: input.url, events: [...new Set(input.events)], secret: `whsec_${randomToken(24)}` });
  await em.persist(webhook).flush();
  return { webhook, secret: webhook.secret };
}

export async function deleteWebhook(em: EntityManager, viewer: Member | null, id: string): Promise<string> {
  const webhook = await em.findOne(Webhook, { id });
  if (!webhook) throw new NotFoundError('Webhook', id);
  await manageable(em, viewer, webhook.organisation.id);
  await em.remove(webhook).flush();
  return id;
}

export async function replayDelivery(em: EntityManager, viewer: Member | null, id: string): Promise<WebhookDelivery> {
  const delivery = await em.findOne(WebhookDelivery, { id }, { populate: ['webhook'] });
  if (!delivery) throw new NotFoundError('Delivery', id);
  await manageable(em, viewer, delivery.webhook.getEntity().organisation.id);
  Object.assign(delivery, { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedBy: null, claimedUntil: null });
  await em.flush();
  return delivery;
}

/** Queues deliveries of a domain event to every webhook that asked for it (called by the notification worker). */
export async function enqueueDeliveries(em: EntityManager, config: AppConfig, event: DomainEvent): Promise<number> {
  if (isDiscussionEvent(event)) return enqueueDiscussionDeliveries(em, config, event);
  const kind = EVENT_FOR[event.kind];
  if (!kind) return 0;
  const experiment = await em.findOne(Experiment, { id: event.experimentId }, { populate: ['leadOrganisation'] });
  if (!experiment || experiment.status !== 'PUBLISHED') return 0;
  const webhooks = (await em.find(Webhook, {})).filter((webhook) => webhook.events.includes(kind));
  const lead = experiment.leadOrganisation.getEntity();
  const payload = {
    id: event.id,
    event: kind,
    occurredAt: event.createdAt.toISOString(),
    experiment: {
      id: experiment.id,
      slug: experiment.slug,
      title: experiment.title,
      url: `${config.publicUrl}/experiments/${experiment.slug}`,
      leadOrganisation: { name: lead.name, gssCode: lead.gssCode, slug: lead.slug },
    },
    ...(event.kind === EventKind.NEW_OUTCOME ? { outcome: { title: event.data?.title, verdict: event.data?.verdict } } : {}),
    ...(event.kind === EventKind.FORK_PUBLISHED ? { forkOf: { id: event.data?.parentId } } : {}),
  };
  for (const webhook of webhooks) em.persist(Object.assign(new WebhookDelivery(), { webhook: ref(webhook), event: kind, payload }));
  await em.flush();
  return webhooks.length;
}

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the webhook secret>`. */
export function signature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookWorkerOptions {
  pollMs?: number;
  /** First retry delay; doubles each attempt. */
  backoffMs?: number;
  timeoutMs?: number;
}

/** Delivers queued webhook calls, signed, with retries and backoff; leased so any API process may run it. */
export class WebhookWorker {
  private readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: WebhookWorkerOptions = {},
  ) {}

  private async deliver(em: EntityManager, delivery: WebhookDelivery): Promise<void> {
    const webhook = delivery.webhook.getEntity();
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Synapse-Webhooks/1',
          'synapse-event': delivery.event,
          'synapse-delivery': delivery.id,
          'synapse-signature': signature(webhook.secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (caught) {
      error = (caught as Error).message;
    }
    const attempts = delivery.attempts + 1;
    const failedForGood = error !== null && attempts >= MAX_ATTEMPTS;
    await em.nativeUpdate(
      WebhookDelivery,
      { id: delivery.id },
      {
        attempts,
        lastStatusCode: status,
        lastError: error,
        status: error === null ? DeliveryStatus.SUCCEEDED : failedForGood ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
        deliveredAt: error === null ? new Date() : null,
        nextAttemptAt: new Date(Date.now() + (this.options.backoffMs ?? 30_000) * 2 ** (attempts - 1)),
        claimedBy: null,
        claimedUntil: null,
      },
    );
  }

  /** Attempts every due delivery once; returns how many were attempted. */
  async drain(): Promise<number> {
    const em = entityManager(this.orm).fork();
    const now = new Date();
    const due = await em.find(
      WebhookDelivery,
      { status: DeliveryStatus.PENDING, nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { populate: ['webhook'], orderBy: { createdAt: 'asc' }, limit: 50 },
    );
    let attempted = 0;
    for (const delivery of due) {
      const claimed = await em.nativeUpdate(
        WebhookDelivery,
        { id: delivery.id, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        { claimedBy: this.id, claimedUntil: new Date(now.getTime() + 60_000) },
      );
      if (claimed !== 1) continue;
      await this.deliver(em, delivery);
      attempted++;
    }
    return attempted;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.drain()
        .catch(() => undefined)
        .finally(() => {
          this.running = null;
        });
    }, this.options.pollMs ?? 2000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
