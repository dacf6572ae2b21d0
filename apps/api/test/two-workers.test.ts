import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type MikroORM, ref } from '@mikro-orm/core';
import { EvaluationDesign, ExperimentStatus, MemberRole, Verdict } from '@synapse/domain';
import { type ExperimentDocument, freePort } from '@synapse/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntityManager, entityManager, openDatabase } from '../src/db/orm.js';
import { Experiment } from '../src/modules/experiment/experiment.entity.js';
import { archiveExperiment, publishExperiment, updateExperiment } from '../src/modules/experiment/experiment.service.js';
import { JOB_HANDLERS } from '../src/modules/job/job-registry.js';
import { Job } from '../src/modules/job/job.entity.js';
import { JobWorker } from '../src/modules/job/job-worker.js';
import { Member } from '../src/modules/member/member.entity.js';
import { DomainEvent } from '../src/modules/notification/domain-event.entity.js';
import { FollowTarget } from '../src/modules/notification/follow.entity.js';
import { follow } from '../src/modules/notification/notification.service.js';
import { Notification, NotificationKind } from '../src/modules/notification/notification.entity.js';
import { addOutcome } from '../src/modules/outcome/outcome.service.js';
import { allDocuments } from '../src/modules/search/experiment-document.js';
import { SearchIndex } from '../src/modules/search/search-index.js';
import { fingerprint } from '../src/modules/search/search-sync.js';
import { DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from '../src/modules/webhook/webhook.entity.js';
import { buildCouncil, buildExperiment, buildMember } from './factories.js';
import { createHarness, type Harness } from './harness.js';

// Two workers — on PostgreSQL each with its own connection pool, as two API processes have — share one
// database and one Meilisearch while several clients publish, edit, archive, republish and add outcomes to the
// same experiments. One worker's index writes are randomly slowed, so older snapshots often land late.
// Afterwards the index must equal the database, each webhook event arrive once per subscriber, and each
// notification exist once.

/** The same Meilisearch index, with random latency before each write (a slow network or a paused process). */
class SlowIndex extends SearchIndex {
  override async upsert(documents: ExperimentDocument[]): Promise<void> {
    await sleep(Math.random() * 40);
    await super.upsert(documents);
  }

  override async remove(ids: string[]): Promise<void> {
    await sleep(Math.random() * 40);
    await super.remove(ids);
  }
}

interface Received {
  hook: string;
  delivery: string;
  event: string;
  kind: string;
}

let h: Harness;
let second: MikroORM;
let receiver: Server;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  h = await createHarness({ search: true });
  // The webhook receiver is on this machine: the development setting (WEBHOOK_ALLOW_LOOPBACK) is on for this file.
  h.config.webhookAllowLoopback = true;
  second = h.databaseUrl ? await openDatabase({ databaseUrl: h.databaseUrl }) : h.orm;
  port = await freePort();
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const payload = JSON.parse(body);
      received.push({ hook: request.url!, delivery: String(request.headers['synapse-delivery']), event: payload.id, kind: payload.event });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
});

afterAll(async () => {
  receiver?.close();
  if (second && second !== h.orm) await second.close();
  await h?.close();
});

/** A seeded generator, so a failing interleaving of operations can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function change(em: EntityManager, editor: Member, id: string, roll: number, step: number): Promise<void> {
  const viewer = await em.findOneOrFail(Member, { id: editor.id });
  // Read in a fork of its own: an entity loaded by `em` would be reused, lazily loading outside the transaction.
  const experiment = await em.fork().findOneOrFail(Experiment, { id });
  const { version } = experiment;
  if (experiment.status !== ExperimentStatus.PUBLISHED) await publishExperiment(em, viewer, id, version);
  else if (roll < 0.5) await updateExperiment(em, viewer, id, version, { title: `Edited title ${step}`, summary: `Summary as of step ${step}.` } as never);
  else if (roll < 0.75) await archiveExperiment(em, viewer, id, version);
  else {
    const input = { title: `Outcome ${step}`, verdict: Verdict.MIXED, evaluationDesign: EvaluationDesign.CASE_STUDY, evidenceLevel: 1 };
    await addOutcome(em, viewer, id, input as never);
  }
}

async function indexDocuments(index: SearchIndex): Promise<Map<string, string>> {
  const documents = new Map<string, string>();
  for await (const page of index.documents()) for (const document of page) documents.set(document.id, fingerprint(document));
  return documents;
}

async function databaseDocuments(): Promise<Map<string, string>> {
  const documents = new Map<string, string>();
  for await (const page of allDocuments(h.em())) for (const document of page) documents.set(document.id, fingerprint(document));
  return documents;
}

describe('two workers, one database, one Meilisearch', () => {
  it('leave the index equal to the database, each webhook event delivered once per subscriber, each notification once', { timeout: 90_000 }, async () => {
    const council = await buildCouncil(h.em(), { name: 'Interleaveshire' });
    const editor = await buildMember(h.em(), council, MemberRole.ADMIN);
    const follower = await buildMember(h.em(), null, MemberRole.MEMBER);
    await follow(h.em(), await h.em().findOneOrFail(Member, { id: follower.id }), FollowTarget.ORGANISATION, council.id);
    const hooks: Webhook[] = [];
    for (const name of ['first', 'second']) {
      const partner = await buildCouncil(h.em(), { name: `Partner ${name}` });
      const em = h.em();
      const hook = Object.assign(new Webhook(), {
        organisation: ref(partner),
        url: `http://127.0.0.1:${port}/hooks/${name}`,
        events: [WebhookEvent.EXPERIMENT_PUBLISHED, WebhookEvent.OUTCOME_PUBLISHED],
        secret: `whsec_test_${name}`,
      });
      await em.persist(hook).flush();
      hooks.push(hook);
    }
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push((await buildExperiment(h.em(), { lead: council, title: `Shared experiment ${n}`, status: ExperimentStatus.DRAFT })).id);

    const index = h.searchIndex!;
    const workers = [
      new JobWorker({ orm: h.orm, config: h.config, mailer: { send: async () => undefined }, handlers: JOB_HANDLERS, pollMs: 20, concurrency: 3, backoffMs: 50, maxBackoffMs: 200,
        searchIndex: new SlowIndex({ url: index.client.config.host, apiKey: index.client.config.apiKey ?? null, index: index.uid }) }),
      new JobWorker({ orm: second, config: h.config, mailer: { send: async () => undefined }, handlers: JOB_HANDLERS, pollMs: 20, concurrency: 3, backoffMs: 50, maxBackoffMs: 200, searchIndex: index }),
    ];
    for (const worker of workers) worker.start();

    // Four clients, two on each connection pool, 30 changes each to the same six experiments. (SQLite serves
    // one process through one connection, whose transactions cannot overlap: there the clients take turns.)
    let applied = 0;
    const together = h.databaseUrl !== null;
    const runClient = async (client: number) => {
      const roll = random(client + 1);
      const orm = client % 2 === 0 ? h.orm : second;
      for (let step = 0; step < 30; step++) {
        try {
          await change(entityManager(orm).fork(), editor, ids[Math.floor(roll() * ids.length)]!, roll(), client * 100 + step);
          applied++;
        } catch (error) {
          if (!/CONFLICT|version|already|optimistic/i.test(String((error as { extensions?: { code?: string } }).extensions?.code ?? (error as Error).message))) throw error;
        }
        await sleep(roll() * 10);
      }
    };
    if (together) await Promise.all([0, 1, 2, 3].map(runClient));
    else for (const client of [0, 1, 2, 3]) await runClient(client);
    expect(applied).toBeGreaterThan(40);

    await expect.poll(() => h.em().count(Job, {}), { timeout: 30_000, interval: 100 }).toBe(0);
    await Promise.all(workers.map((worker) => worker.stop(5000)));

    // The index equals the database: the same ids, each with its latest content.
    const [indexed, expected] = [await indexDocuments(index), await databaseDocuments()];
    expect(expected.size).toBeGreaterThan(0);
    expect(indexed).toEqual(expected);

    // Each webhook event once per subscriber: every delivery row sent once, and both subscribers got the same events.
    expect(await h.em().count(DomainEvent, {})).toBe(0);
    const deliveries = await h.em().find(WebhookDelivery, {});
    expect(deliveries.every((delivery) => delivery.status === DeliveryStatus.SUCCEEDED)).toBe(true);
    expect(received.map((call) => call.delivery).sort()).toEqual(deliveries.map((delivery) => delivery.id).sort());
    const eventsOf = (name: string) => received.filter((call) => call.hook === `/hooks/${name}`).map((call) => call.event).sort();
    expect(new Set(eventsOf('first')).size).toBe(eventsOf('first').length);
    expect(eventsOf('first')).toEqual(eventsOf('second'));
    expect(eventsOf('first').length).toBeGreaterThan(5);

    // Each notification once, and for exactly the publications the webhooks reported.
    const notifications = await h.em().find(Notification, { member: follower.id, kind: NotificationKind.NEW_EXPERIMENT });
    const published = received.filter((call) => call.hook === '/hooks/first' && call.kind === 'EXPERIMENT_PUBLISHED').map((call) => call.event);
    expect(notifications.map((notification) => notification.eventId).sort()).toEqual(published.sort());
  });
});
