import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { freePort } from '@synapse/search';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import type { JobWorker } from '../job/job-worker.js';
import { NOTIFICATION_JOB_HANDLERS } from '../notification/notification.jobs.js';
import { DeliveryStatus, WebhookDelivery } from './webhook.entity.js';
import { DELIVER_WEBHOOK, WEBHOOK_JOB_HANDLER } from './webhook.service.js';
import { enqueueJob } from '../job/job-queue.js';
import { Job } from '../job/job.entity.js';

// Webhooks against a real HTTP receiver on loopback, which is down for a while.
let h: Harness;
let events: JobWorker;
let deliveries: JobWorker;
let clock = new Date();
let receiver: Server | null = null;
let port: number;
const received: { headers: IncomingMessage['headers']; body: string }[] = [];

function startReceiver(): Promise<void> {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => receiver!.listen(port, '127.0.0.1', () => resolve()));
}

beforeAll(async () => {
  h = await createHarness();
  // The receiver is on this machine: the development setting (WEBHOOK_ALLOW_LOOPBACK) is on for this file.
  h.config.webhookAllowLoopback = true;
  events = h.jobWorker({ handlers: NOTIFICATION_JOB_HANDLERS });
  // Its own clock: a failed attempt waits for its backoff until the test moves the clock on.
  deliveries = h.jobWorker({ handlers: [WEBHOOK_JOB_HANDLER], now: () => clock, backoffMs: 30_000, maxBackoffMs: 3_600_000 });
  port = await freePort();
});
afterAll(async () => {
  receiver?.close();
  await h.close();
});

const CREATE = `mutation($org: ID!, $url: String!) { createWebhook(input: { organisationId: $org, url: $url, events: [EXPERIMENT_PUBLISHED, OUTCOME_PUBLISHED] }) {
  secret webhook { id url events } } }`;

describe('webhooks', () => {
  it('delivers signed events, retrying with backoff while the receiver is down, logs every attempt, and can replay', async () => {
    const partnerOrg = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), partnerOrg, MemberRole.ADMIN);
    const created = await h.run(CREATE, { org: partnerOrg.id, url: `http://127.0.0.1:${port}/hooks/synapse` }, admin);
    expect(created.errors).toBeUndefined();
    const { secret, webhook } = created.data.createWebhook;
    expect(secret).toMatch(/^whsec_/);

    const council = await buildCouncil(h.em(), { name: 'Hookshire' });
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const draft = await buildExperiment(h.em(), { lead: council, title: 'Webhook pilot', status: ExperimentStatus.DRAFT });
    await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 1) { id } }', { id: draft.id }, editor);
    await events.drain();

    // The receiver is down: attempts fail, and are logged and rescheduled.
    clock = new Date();
    expect(await deliveries.drain()).toEqual({ succeeded: 0, failed: 1 });
    expect(await deliveries.drain()).toEqual({ succeeded: 0, failed: 0 }); // backing off
    clock = new Date(clock.getTime() + 30_000);
    expect(await deliveries.drain()).toEqual({ succeeded: 0, failed: 1 });
    const failing = await h.em().findOneOrFail(WebhookDelivery, { webhook: webhook.id });
    expect(failing).toMatchObject({ status: DeliveryStatus.PENDING, attempts: 2 });
    expect(failing.lastError).toBe('connection refused');
    clock = new Date(clock.getTime() + 60_000);

    await startReceiver();
    expect(await deliveries.drain()).toEqual({ succeeded: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [call] = received;
    assert(call, 'the webhook was called');
    const body = JSON.parse(call.body);
    expect(body).toMatchObject({ event: 'EXPERIMENT_PUBLISHED', experiment: { id: draft.id, title: 'Webhook pilot', leadOrganisation: { name: 'Hookshire' } } });
    expect(call.headers['synapse-event']).toBe('EXPERIMENT_PUBLISHED');
    expect(call.headers['synapse-redelivery']).toBeUndefined(); // the failed attempts were recorded: none reached it
    const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call.headers['synapse-signature']))!;
    expect(mac).toBe(createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex'));

    const log = await h.run(
      'query($slug: String) { organisation(slug: $slug) { webhooks { url deliveries { id status attempts lastStatusCode } } } }',
      { slug: partnerOrg.slug },
      admin,
    );
    const [delivery] = log.data.organisation.webhooks[0].deliveries;
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastStatusCode: 204 });

    const replayed = await h.run('mutation($id: ID!) { replayWebhookDelivery(id: $id) { status attempts } }', { id: delivery.id }, admin);
    expect(replayed.data.replayWebhookDelivery).toEqual({ status: 'PENDING', attempts: 0 });
    await deliveries.drain();
    expect(received).toHaveLength(2);
    expect(received[1]?.headers['synapse-delivery']).toBe(delivery.id);
  });

  it('resends a delivery whose sending process died after the receiver answered with the same synapse-delivery id and synapse-redelivery: true, so receivers can deduplicate', async () => {
    const partnerOrg = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), partnerOrg, MemberRole.ADMIN);
    if (!receiver) await startReceiver();
    const { webhook } = (await h.run(CREATE, { org: partnerOrg.id, url: `http://127.0.0.1:${port}/hooks/resend` }, admin)).data.createWebhook;
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const draft = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
    await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 1) { id } }', { id: draft.id }, editor);
    await events.drain();
    const delivery = await h.em().findOneOrFail(WebhookDelivery, { webhook: webhook.id });
    const calls = () => received.filter((call) => call.headers['synapse-delivery'] === delivery.id);

    // The receiver answers; the process dies before recording it. What is left in the database after kill -9: the
    // delivery still pending with no attempt recorded, and its job claimed once by the dead process, whose lease
    // has ended. Another process runs it again.
    const worker = h.jobWorker({ handlers: [WEBHOOK_JOB_HANDLER], now: () => new Date() });
    await worker.drain(); // (other tests' webhooks get this event too)
    expect(calls()).toHaveLength(1);
    expect(calls()[0]?.headers['synapse-redelivery']).toBeUndefined();
    await h.em().nativeUpdate(WebhookDelivery, { id: delivery.id }, { status: DeliveryStatus.PENDING, deliveredAt: null, attempts: 0 });
    await h.em().transactional((em) => enqueueJob(em, DELIVER_WEBHOOK, { deliveryId: delivery.id }, { key: delivery.id }));
    await h.em().nativeUpdate(Job, { key: delivery.id }, { attempts: 1, lockedBy: 'killed-process', lockedUntil: new Date(Date.now() - 1000) });
    expect(await worker.drain()).toEqual({ succeeded: 1, failed: 0 });

    expect(calls()).toHaveLength(2);
    expect(calls().map((call) => JSON.parse(call.body).id)).toEqual([delivery.eventId, delivery.eventId]);
    expect(calls()[1]?.headers['synapse-redelivery']).toBe('true');
    expect(await worker.drain()).toEqual({ succeeded: 0, failed: 0 }); // recorded as sent now: never again
    expect(calls()).toHaveLength(2);
  });

  it('never sends drafts, and only admins manage webhooks', async () => {
    const partnerOrg = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), partnerOrg, MemberRole.ADMIN);
    const editor = await buildMember(h.em(), partnerOrg, MemberRole.EDITOR);
    expect(errorCodes(await h.run(CREATE, { org: partnerOrg.id, url: 'https://93.184.215.14/hook' }, editor))).toEqual(['FORBIDDEN']);
    const bad = await h.run(CREATE, { org: partnerOrg.id, url: 'javascript:alert(1)' }, admin);
    expect(bad.errors?.[0]?.extensions?.field).toBe('input.url');
    const { webhook } = (await h.run(CREATE, { org: partnerOrg.id, url: 'https://93.184.215.14/hook' }, admin)).data.createWebhook;
    const council = await buildCouncil(h.em());
    const writer = await buildMember(h.em(), council, MemberRole.EDITOR);
    const draft = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
    await h.run('mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Secret", verdict: WORKED, evaluationDesign: CASE_STUDY, evidenceLevel: 1 }) { id } }', { id: draft.id }, writer);
    await events.drain();
    expect(await h.em().count(WebhookDelivery, { webhook: webhook.id })).toBe(0);
  });
});
