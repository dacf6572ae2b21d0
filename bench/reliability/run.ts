import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ref, type MikroORM } from '@mikro-orm/core';
import { EvaluationDesign, ExperimentStatus, Verdict } from '@synapse/domain';
import { freePort, LocalMeilisearch } from '@synapse/search';
import { bootstrapData } from '@synapse/api/internal/bootstrap';
import { ensureDemoAccounts } from '@synapse/api/internal/demo/demo-member';
import { startEmbeddedPostgres } from '@synapse/api/internal/db/embedded-postgres';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { Experiment } from '@synapse/api/internal/modules/experiment/experiment.entity';
import { archiveExperiment, createExperiment, publishExperiment, updateExperiment } from '@synapse/api/internal/modules/experiment/experiment.service';
import { Job, JobState } from '@synapse/api/internal/modules/job/job.entity';
import { Member } from '@synapse/api/internal/modules/member/member.entity';
import { Follow, FollowTarget } from '@synapse/api/internal/modules/notification/follow.entity';
import { Notification, NotificationKind } from '@synapse/api/internal/modules/notification/notification.entity';
import { Organisation } from '@synapse/api/internal/modules/organisation/organisation.entity';
import { addOutcome } from '@synapse/api/internal/modules/outcome/outcome.service';
import { allDocuments } from '@synapse/api/internal/modules/search/experiment-document';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { fingerprint } from '@synapse/api/internal/modules/search/search-sync';
import { Webhook, WebhookDelivery, WebhookEvent } from '@synapse/api/internal/modules/webhook/webhook.entity';
import { sampleQueue } from './queue-sampler.js';

// npm run bench:reliability [-- <seconds>]: two API processes on one embedded PostgreSQL and one Meilisearch;
// several clients publish, edit, archive, republish and add outcomes for RELIABILITY_SECONDS (default 120)
// while API process 1 is killed with SIGKILL and restarted three times. Then: missing, stale and duplicate
// counts for the index, webhook deliveries and notifications, and the time to converge after the last write.

const HERE = dirname(fileURLToPath(import.meta.url));
const API_MAIN = join(HERE, '../../../apps/api/dist/main.js');
const RECEIVER = join(HERE, 'receiver.js');
const SECONDS = Number(process.argv[2] ?? process.env.RELIABILITY_SECONDS ?? 120);
const CLIENTS = 6;
const EXPERIMENTS = 60;
const log = (message: string) => process.stdout.write(`${message}\n`);

const jobFailures: Record<string, number> = {};

interface Api {
  name: string;
  port: number;
  child: ChildProcess | null;
}

function startApi(api: Api, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [API_MAIN], { env: { ...process.env, ...env, PORT: String(api.port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  api.child = child;
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${api.name}] ${chunk}`));
  // Failed attempts the API logs, per job type and reason (the queue retries them with backoff).
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const [, type, reason] of String(chunk).matchAll(/^Job (\S+) \S+ failed \(attempt \d+ of \d+\), retrying at \S+: (.{0,60})/gm)) {
      const key = `${type}: ${reason!.replace(/[0-9a-f-]{36}(, )?/g, '')}`;
      jobFailures[key] = (jobFailures[key] ?? 0) + 1;
    }
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('Synapse is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${api.name} exited (${code}) while starting`)));
  });
}

interface Received {
  hook: string;
  event: string;
  kind: string;
  delivery: string;
  /** The `synapse-redelivery` header: an earlier attempt may have reached the receiver. */
  redelivery: boolean;
  /** The receiver had acted on this delivery id before and did not again (its deduplication). */
  repeat: boolean;
  at: number;
}

/** Starts the webhook receiver in its own process; every delivery it answers lands in `received`. */
function startReceiver(received: Received[]): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [RECEIVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('listening ')) resolve({ port: Number(line.slice('listening '.length)), child });
        else if (line) received.push(JSON.parse(line) as Received);
      }
    });
    child.once('exit', (code) => reject(new Error(`receiver exited (${code})`)));
  });
}

const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : null);
const percentile = (values: number[], p: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] : null);

async function change(orm: MikroORM, adminId: string, id: string, roll: number, step: string): Promise<void> {
  const em = entityManager(orm).fork();
  const viewer = await em.findOneOrFail(Member, { id: adminId });
  const experiment = await em.fork().findOneOrFail(Experiment, { id });
  const { version } = experiment;
  if (experiment.status !== ExperimentStatus.PUBLISHED) await publishExperiment(em, viewer, id, version);
  else if (roll < 0.55) await updateExperiment(em, viewer, id, version, { title: `Edited ${step}`, summary: `Summary as of ${step}.` } as never);
  else if (roll < 0.75) await archiveExperiment(em, viewer, id, version);
  else await addOutcome(em, viewer, id, { title: `Outcome ${step}`, verdict: Verdict.MIXED, evaluationDesign: EvaluationDesign.CASE_STUDY, evidenceLevel: 1 } as never);
}

async function compareIndex(orm: MikroORM, index: SearchIndex) {
  const indexed = new Map<string, string>();
  for await (const page of index.documents()) for (const document of page) indexed.set(document.id, fingerprint(document));
  let missing = 0;
  let stale = 0;
  let published = 0;
  for await (const page of allDocuments(entityManager(orm).fork())) {
    for (const document of page) {
      published++;
      const found = indexed.get(document.id);
      indexed.delete(document.id);
      if (found === undefined) missing++;
      else if (found !== fingerprint(document)) stale++;
    }
  }
  return { published, missing, stale, extra: indexed.size };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'synapse-reliability-'));
  const postgres = await startEmbeddedPostgres();
  const databaseUrl = await postgres.createDatabase('reliability');
  const meili = await LocalMeilisearch.start({ dataDir: join(work, 'meili') });
  const received: Received[] = [];
  const receiver = await startReceiver(received);
  const hookPort = receiver.port;
  const apis: Api[] = [];
  const clients: MikroORM[] = [];
  try {
    const orm = await openDatabase({ databaseUrl });
    await bootstrapData(orm, { seedDemo: false });
    const em = entityManager(orm).fork();
    const admin = await ensureDemoAccounts(em);
    const council = admin.organisation!.id;
    const partners = await em.find(Organisation, { id: { $ne: council } }, { limit: 2, orderBy: { id: 'asc' } });
    for (const [n, partner] of partners.entries()) {
      em.persist(Object.assign(new Webhook(), { organisation: ref(partner), url: `http://127.0.0.1:${hookPort}/hooks/${n}`, events: [WebhookEvent.EXPERIMENT_PUBLISHED, WebhookEvent.OUTCOME_PUBLISHED], secret: `whsec_bench_${n}` }));
    }
    // A reader who follows the council: one notification per publication (the admin acting is never told).
    const reader = Object.assign(new Member(), { name: 'Bench reader', email: 'reader@bench.invalid' });
    em.persist(reader);
    em.persist(Object.assign(new Follow(), { member: ref(reader), target: FollowTarget.ORGANISATION, targetKey: council }));
    await em.flush();
    const ids: string[] = [];
    for (let n = 0; n < EXPERIMENTS; n++) {
      const input = { title: `Reliability experiment ${n}`, summary: 'Bench.', problem: 'A problem.', approach: 'An approach.', serviceAreas: ['waste'] };
      ids.push((await createExperiment(entityManager(orm).fork(), await entityManager(orm).fork().findOneOrFail(Member, { id: admin.id }), input as never)).id);
    }
    await orm.close();

    // WEB_CONCURRENCY=1: each API is one process, so SIGKILL kills the process that holds the leases.
    const env = { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, SYNAPSE_SEED_DEMO: 'false', WEBHOOK_ALLOW_LOOPBACK: 'true', WEB_CONCURRENCY: '1' };
    for (const name of ['api-1', 'api-2']) {
      const api: Api = { name, port: await freePort(), child: null };
      apis.push(api);
      await startApi(api, { ...env, DATA_DIR: join(work, name) });
    }
    log(`Two API processes up; ${CLIENTS} clients writing for ${SECONDS} s; api-1 killed with SIGKILL and restarted 3 times.`);

    for (let n = 0; n < CLIENTS; n++) clients.push(await openDatabase({ databaseUrl }));
    const sampler = await openDatabase({ databaseUrl });
    clients.push(sampler);
    const queue = sampleQueue(sampler);
    const started = Date.now();
    const end = started + SECONDS * 1000;
    let applied = 0;
    let refused = 0;
    let lastWrite = started;
    // The writing clients only (the sampler's connection, last in `clients`, does not write).
    const writers = clients.slice(0, CLIENTS).map(async (client, n) => {
      let step = 0;
      while (Date.now() < end) {
        try {
          await change(client, admin.id, ids[Math.floor(Math.random() * ids.length)]!, Math.random(), `${n}-${step++}`);
          applied++;
        } catch {
          refused++; // version conflicts between clients, as editors would see
        }
        lastWrite = Math.max(lastWrite, Date.now());
      }
    });
    const [restarted] = apis;
    if (!restarted) throw new Error('No API process to kill');
    const kills: number[] = [];
    const crashes = (async () => {
      for (let crash = 1; crash <= 3; crash++) {
        await sleep(Math.max(0, started + (crash * SECONDS * 1000) / 4 - Date.now()));
        restarted.child?.kill('SIGKILL');
        kills.push(Date.now());
        log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: killed api-1 (kill -9)`);
        await sleep(1000);
        await startApi(restarted, { ...env, DATA_DIR: join(work, 'api-1') });
        log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: api-1 restarted`);
      }
    })();
    await Promise.all([...writers, crashes]);
    // Convergence counts from the last write; on a loaded machine the last restart can end after it (reported).
    const lastRestart = Date.now();
    log(`Writes stopped: ${applied} changes applied, ${refused} refused (conflicts).`);

    const check = await openDatabase({ databaseUrl });
    const index = new SearchIndex({ url: meili.url, apiKey: meili.masterKey, index: 'experiments', timeoutMs: 30_000 });
    let converged: number | null = null;
    let comparison = { published: 0, missing: 0, stale: 0, extra: 0 };
    while (Date.now() - Math.max(lastWrite, lastRestart) < 120_000) {
      // The index is compared (which loads every document from both sides) only once no job is left, so that the
      // bench does not take the CPU the API processes are catching up with.
      const pending = await entityManager(check).fork().count(Job, { state: JobState.PENDING });
      if (pending > 0) {
        await sleep(100);
        continue;
      }
      comparison = await compareIndex(check, index);
      if (comparison.missing + comparison.stale + comparison.extra === 0) {
        converged = (Date.now() - lastWrite) / 1000;
        break;
      }
      await sleep(100);
    }
    await queue.stop();
    if (converged === null) comparison = await compareIndex(check, index);
    const checkEm = entityManager(check).fork();
    const deliveries = await checkEm.find(WebhookDelivery, {});
    const deliveredKeys = received.map((call) => `${call.hook} ${call.event}`);
    // Sent twice: an event reached a webhook more than once. Duplicate effects: the receiver, deduplicating on
    // `synapse-delivery`, still acted on one event twice (two delivery ids for one (webhook, event)).
    const sentTwice = deliveredKeys.length - new Set(deliveredKeys).size;
    const actedOn = received.filter((call) => !call.repeat).map((call) => `${call.hook} ${call.event}`);
    const duplicateEffects = actedOn.length - new Set(actedOn).size;
    const repeats = received.filter((call) => call.repeat);
    const hookOf = new Map((await checkEm.find(Webhook, {})).map((hook) => [hook.id, new URL(hook.url).pathname]));
    const missingDeliveries = deliveries.filter((delivery) => !deliveredKeys.includes(`${hookOf.get(delivery.webhook.id)} ${delivery.eventId}`)).length;
    const notifications = await checkEm.find(Notification, { member: reader.id, kind: NotificationKind.NEW_EXPERIMENT });
    const notified = notifications.map((notification) => notification.eventId);
    const publications = new Set(received.filter((call) => call.kind === 'EXPERIMENT_PUBLISHED').map((call) => call.event));
    const leftover = await checkEm.find(Job, {}, { limit: 2000 });
    const byType: Record<string, number> = {};
    for (const job of leftover) byType[`${job.type} ${job.state}`] = (byType[`${job.type} ${job.state}`] ?? 0) + 1;
    // Write-to-receipt time of each delivery (the event's time is the write's), during the writes and after.
    const latency = (calls: Received[]) => calls.map((call) => call.at - Date.parse(String(occurredAt.get(call.event))));
    const occurredAt = new Map(deliveries.map((delivery) => [delivery.eventId, delivery.payload.occurredAt]));
    const during = received.filter((call) => call.at <= lastWrite);
    const after = received.filter((call) => call.at > lastWrite);
    const lastReceipt = Math.max(lastWrite, ...received.map((call) => call.at));
    // Each delivery received twice: when, relative to the nearest kill (a kill between the receiver's answer and the
    // delivery being recorded as sent shows as a first receipt just before a kill, the second one lease later).
    const receipts = new Map<string, number[]>();
    for (const call of received) receipts.set(call.delivery, [...(receipts.get(call.delivery) ?? []), call.at]);
    const duplicates = [...receipts.values()]
      .filter((times): times is [number, number, ...number[]] => times.length > 1)
      .map(([first, second]) => {
        const kill = kills.reduce((best, at) => (Math.abs(at - first) < Math.abs(best - first) ? at : best), Infinity);
        return { firstReceiptMsBeforeNearestKill: kill - first, secondAfterFirstS: (second - first) / 1000 };
      });
    const result = {
      load: loadavg().map((value) => Math.round(value * 100) / 100),
      queue: { whileWriting: queue.summary(started), afterLastWrite: queue.summary(lastWrite) },
      deliveryLatencyMs: {
        median: median(latency(received)),
        p95: percentile(latency(received), 0.95),
        max: percentile(latency(received), 1),
        perSecondWhileWriting: Math.round(during.length / ((lastWrite - started) / 1000)),
        afterLastWrite: after.length,
        lastReceiptSecondsAfterLastWrite: (lastReceipt - lastWrite) / 1000,
      },
      jobFailures,
      jobsLeft: byType,
      lastErrors: [...new Set(leftover.map((job) => job.lastError).filter(Boolean))].slice(0, 3),
      seconds: SECONDS,
      clients: CLIENTS,
      experiments: EXPERIMENTS,
      changesApplied: applied,
      changesRefused: refused,
      crashes: 3,
      index: comparison,
      duplicates,
      webhooks: {
        deliveries: deliveries.length,
        received: received.length,
        missing: missingDeliveries,
        sentTwice,
        sentTwiceFlaggedAsRedelivery: repeats.filter((call) => call.redelivery).length,
        duplicateEffectsAfterReceiverDedupe: duplicateEffects,
        redeliveryFlagsOnFirstReceipt: received.filter((call) => call.redelivery && !call.repeat).length,
        pending: deliveries.filter((d) => d.status !== 'SUCCEEDED').length,
      },
      notifications: {
        publications: publications.size,
        created: notified.length,
        missing: [...publications].filter((event) => !notified.includes(event)).length,
        duplicate: notified.length - new Set(notified).size,
      },
      deadJobs: await checkEm.count(Job, { state: JobState.DEAD }),
      lastRestartSecondsAfterLastWrite: Math.max(0, lastRestart - lastWrite) / 1000,
      convergedSecondsAfterLastWrite: converged,
    };
    await check.close();
    log(JSON.stringify(result, null, 2));
    writeFileSync(join(HERE, '../../reliability/results.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const api of apis) api.child?.kill('SIGTERM');
    await Promise.all(apis.map((api) => (api.child && api.child.exitCode === null ? new Promise((resolve) => api.child!.once('exit', resolve)) : null)));
    for (const client of clients) await client.close();
    receiver.child.kill('SIGTERM');
    await meili.stop();
    await postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
