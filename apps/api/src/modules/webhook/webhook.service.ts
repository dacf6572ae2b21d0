import { createHmac } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { checkOutboundUrl, type OutboundPolicy, OutboundUrlRefused, postAndDescribe } from '../../http/outbound-url-guard.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { randomToken } from '../identity/tokens.js';
import { enqueueJob, newJob } from '../job/job-queue.js';
import type { JobHandler } from '../job/job.types.js';
import type { Member } from '../member/member.entity.js';
import { type DomainEvent, EventKind } from '../notification/domain-event.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from './webhook.entity.js';
import { DELIVER_WEBHOOK } from './webhook-job.js';
import { isDiscussionEvent } from '../discussion/discussion-notifications.js';
import { enqueueDiscussionDeliveries } from '../discussion/discussion-webhooks.js';

export const MAX_ATTEMPTS = 12;
export { DELIVER_WEBHOOK };

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

/** Where webhooks may point, from configuration (loopback only when WEBHOOK_ALLOW_LOOPBACK is on). */
export function webhookPolicy(config: Pick<AppConfig, 'webhookAllowLoopback'>): OutboundPolicy {
  return { allowLoopback: config.webhookAllowLoopback };
}

/** Refuses a webhook address that does not resolve to public addresses, on the input's url field. */
async function checkWebhookUrl(url: string, policy: OutboundPolicy): Promise<void> {
  try {
    await checkOutboundUrl(url, policy);
  } catch (error) {
    if (error instanceof OutboundUrlRefused) throw BadInputError.field('input.url', error.reason);
    throw error;
  }
}

export async function createWebhook(
  em: EntityManager,
  viewer: Member | null,
  input: { organisationId: string; url: string; events: WebhookEvent[] },
  policy: OutboundPolicy,
) {
  const organisation = await manageable(em, viewer, input.organisationId);
  if (input.events.length === 0) throw BadInputError.field('input.events', 'choose at least one event');
  // The address is resolved before the transaction opens: a slow DNS answer never holds SQLite's write lock.
  await checkWebhookUrl(input.url, policy);
  return em.transactional(async (tem) => {
    const webhook = Object.assign(new Webhook(), { organisation: ref(organisation), url: input.url, events: [...new Set(input.events)], secret: `whsec_${randomToken(24)}` });
    await tem.persist(webhook).flush();
    return { webhook, secret: webhook.secret };
  });
}

export function deleteWebhook(em: EntityManager, viewer: Member | null, id: string): Promise<string> {
  return em.transactional((tem) => deleteWebhookInTransaction(tem, viewer, id));
}

async function deleteWebhookInTransaction(em: EntityManager, viewer: Member | null, id: string): Promise<string> {
  const webhook = await em.findOne(Webhook, { id });
  if (!webhook) throw new NotFoundError('Webhook', id);
  await manageable(em, viewer, webhook.organisation.id);
  await em.remove(webhook).flush();
  return id;
}

export function replayDelivery(em: EntityManager, viewer: Member | null, id: string): Promise<WebhookDelivery> {
  return em.transactional((tem) => replayDeliveryInTransaction(tem, viewer, id));
}

async function replayDeliveryInTransaction(em: EntityManager, viewer: Member | null, id: string): Promise<WebhookDelivery> {
  const delivery = await em.findOne(WebhookDelivery, { id }, { populate: ['webhook'] });
  if (!delivery) throw new NotFoundError('Delivery', id);
  await manageable(em, viewer, delivery.webhook.getEntity().organisation.id);
  Object.assign(delivery, { status: DeliveryStatus.PENDING, attempts: 0, lastError: null });
  await enqueueJob(em, DELIVER_WEBHOOK, { deliveryId: delivery.id }, { key: delivery.id });
  await em.flush();
  return delivery;
}

/**
 * Queues deliveries of a domain event to every webhook that asked for it, each with its job, in the caller's
 * unit of work (the fan-out job's transaction). One delivery per (webhook, event): a unique key.
 */
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
  for (const webhook of webhooks) {
    const delivery = Object.assign(new WebhookDelivery(), { webhook: ref(webhook), event: kind, eventId: event.id, payload });
    em.persist(delivery);
    em.persist(newJob(DELIVER_WEBHOOK, { deliveryId: delivery.id }, { key: delivery.id }));
  }
  return webhooks.length;
}

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the webhook secret>`. */
export function signature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** How long one delivery may take before it counts as failed. */
const DELIVERY_TIMEOUT_MS = 10_000;

export interface WebhookDeliveryOptions {
  /** Where deliveries may go (checked again at each delivery: DNS can change). Default: from configuration. */
  policy?: OutboundPolicy;
  timeoutMs?: number;
}

/**
 * POSTs one delivery, signed, through the outbound guard; the error is an outcome in words, null when taken. With
 * `redelivery`, an earlier attempt may have reached the receiver without its answer being recorded: the
 * `synapse-redelivery: true` header says so (the `synapse-delivery` id is the same on every attempt).
 */
async function post(delivery: WebhookDelivery, policy: OutboundPolicy, timeoutMs: number, redelivery: boolean): Promise<{ status: number | null; error: string | null }> {
  const webhook = delivery.webhook.getEntity();
  const body = JSON.stringify(delivery.payload);
  const { status, outcome } = await postAndDescribe(
    webhook.url,
    {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Synapse-Webhooks/1',
        'synapse-event': delivery.event,
        'synapse-delivery': delivery.id,
        ...(redelivery ? { 'synapse-redelivery': 'true' } : {}),
        'synapse-signature': signature(webhook.secret, body),
      },
      body,
      timeoutMs,
    },
    policy,
  );
  return { status, error: outcome };
}

/**
 * Deliveries sent together by one claim (in parallel, each recorded as soon as its receiver answers), and such
 * claims at once per process. Together they bound the deliveries in flight — the ones a crash may send twice — to
 * 20 per process, and a slow receiver can hold at most two of the worker's slots.
 */
const DELIVERY_BATCH = 10;
const DELIVERY_CLAIMS = 2;

/**
 * Sends one delivery and records the attempt in the delivery log in the statement right after the answer; the
 * error when it failed and may be retried. `attempt` is its job's claim number (from 1).
 */
async function deliver(em: EntityManager, delivery: WebhookDelivery, attempt: number, last: boolean, send: { policy: OutboundPolicy; timeoutMs: number; now: () => Date }): Promise<Error | null> {
  // Every attempt whose outcome was recorded counted one on the delivery; a claim that counted none (its process
  // died, or lost its lease, between sending and recording) may have reached the receiver.
  const redelivery = attempt - 1 > delivery.attempts;
  const { status, error } = await post(delivery, send.policy, send.timeoutMs, redelivery);
  await em.nativeUpdate(
    WebhookDelivery,
    { id: delivery.id, status: DeliveryStatus.PENDING },
    {
      attempts: delivery.attempts + 1,
      lastStatusCode: status,
      lastError: error,
      status: error === null ? DeliveryStatus.SUCCEEDED : last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
      deliveredAt: error === null ? send.now() : null,
    },
  );
  return error !== null && !last ? new Error(`webhook delivery ${delivery.id}: ${error}`) : null;
}

/**
 * The `webhook.deliver` job: sends deliveries that are still pending (a delivered one is never sent again) through
 * the outbound-URL guard, records each attempt in the delivery log, and fails the job of each delivery that failed
 * so the queue retries it with backoff. On the last attempt the delivery is marked FAILED (an admin can replay it).
 * Up to 10 due deliveries are claimed together and sent in parallel: one claim, one read and one removal for all,
 * instead of one each.
 */
export function webhookJobHandler(options: WebhookDeliveryOptions = {}): JobHandler {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return {
    type: DELIVER_WEBHOOK,
    maxAttempts: MAX_ATTEMPTS,
    batchSize: DELIVERY_BATCH,
    concurrency: DELIVERY_CLAIMS,
    async run(payload, context) {
      const [error] = (await this.runBatch!([payload], context)) ?? [];
      if (error) throw error;
    },
    async runBatch(payloads, { em, attempts, maxAttempts, now, config }) {
      const ids = payloads.map((payload) => String(payload.deliveryId));
      const pending = await em.find(WebhookDelivery, { id: { $in: ids }, status: DeliveryStatus.PENDING }, { populate: ['webhook'] });
      const byId = new Map(pending.map((delivery) => [delivery.id, delivery]));
      const send = { policy: options.policy ?? webhookPolicy(config), timeoutMs, now };
      return Promise.all(
        ids.map((id, position) => {
          const delivery = byId.get(id);
          byId.delete(id); // two jobs for one delivery (a replay beside a retry): sent once
          const attempt = attempts[position] ?? 1;
          return delivery ? deliver(em, delivery, attempt, attempt >= maxAttempts, send) : null;
        }),
      );
    },
  };
}

/** The delivery job as registered: where deliveries may go comes from the configuration. */
export const WEBHOOK_JOB_HANDLER: JobHandler = webhookJobHandler();

/** A webhook's delivery log, newest first (at most 100). */
export function webhookDeliveries(em: EntityManager, webhookId: string, first: number): Promise<WebhookDelivery[]> {
  return em.find(WebhookDelivery, { webhook: webhookId }, { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 0), 100) });
}

/** An organisation's webhooks, newest first (the caller has checked the viewer may manage them). */
export function organisationWebhooks(em: EntityManager, organisationId: string): Promise<Webhook[]> {
  return em.find(Webhook, { organisation: organisationId }, { orderBy: { createdAt: 'desc' } });
}
