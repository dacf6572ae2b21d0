import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildSchema, getIntrospectionQuery, type IntrospectionInputTypeRef, type IntrospectionObjectType, type IntrospectionQuery } from 'graphql';
import type { MikroORM } from '@mikro-orm/core';
import { type App, createApp } from '@synapse/api/internal/app';
import { bootstrapData } from '@synapse/api/internal/bootstrap';
import { loadConfig } from '@synapse/api/internal/config';
import { ensureDemoAccounts } from '@synapse/api/internal/demo/demo-member';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { createMailer } from '@synapse/api/internal/modules/identity/mailer';
import { createSession } from '@synapse/api/internal/modules/identity/identity.service';
import { Member } from '@synapse/api/internal/modules/member/member.entity';
import { Experiment } from '@synapse/api/internal/modules/experiment/experiment.entity';
import { Organisation } from '@synapse/api/internal/modules/organisation/organisation.entity';
import { createRandom, type Random, schemaGenerators } from './generate.js';
import { httpProbes, type Post, type Principal } from './probes.js';
import { Tally } from './tally.js';
import { biggestDocuments, timeParseAndValidate, timeRoundTrips } from './timing.js';

// npm run bench:fuzz [-- --requests 12000 --seed 11]
// Generated hostile requests over every query and mutation, anonymous and signed in, plus malformed HTTP.
// Reports every 5xx, INTERNAL_SERVER_ERROR and HTML answer; the write-up is docs/reliability.md.

const RESULTS = fileURLToPath(new URL('../../fuzz/results.json', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../../apps/api/schema.graphql', import.meta.url));

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

interface Running {
  app: App;
  orm: MikroORM;
  base: string;
  post: Post;
  realIds: string[];
  realSlugs: string[];
  /** Forget the signed-in session (a fuzzed mutation signed it out); the next signed-in request makes a new one. */
  dropSession(): void;
  close(): Promise<void>;
}

/** Synapse in-process on a fresh SQLite file with the demo data; no rate limits and no search engine. */
async function start(): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-fuzz-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', PUBLIC_URL: 'http://127.0.0.1', SYNAPSE_SEED_DEMO: 'true' });
  const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
  await bootstrapData(orm, { seedDemo: true });
  const em = entityManager(orm).fork();
  const demo = await ensureDemoAccounts(em);
  const app = await createApp({ orm, config, mailer: createMailer(config, orm, () => undefined), searchIndex: null, rateLimits: null, webDistDir: null });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // Ids and slugs that exist, so generated requests reach past "not found" into the services.
  const experiments = await em.find(Experiment, {}, { limit: 20 });
  const organisations = await em.find(Organisation, {}, { limit: 20 });

  // A signed-in admin of the demo council, made again when a fuzzed mutation signs it out or deletes it.
  let session: { token: string; csrf: string } | null = null;
  const signedIn = async () => {
    const fork = entityManager(orm).fork();
    const member = (await fork.findOne(Member, { id: demo.id, deletedAt: null })) ?? (await ensureDemoAccounts(fork));
    demo.id = member.id;
    const created = await createSession(fork, config, member, 'synapse-fuzz');
    session = { token: created.token, csrf: created.session.csrfToken };
    return session;
  };
  const post: Post = async (body, principal, headers = { 'content-type': 'application/json' }) => {
    const extra: Record<string, string> = {};
    if (principal.kind === 'signedIn') {
      const current = session ?? (await signedIn());
      extra.cookie = `synapse_session=${current.token}`;
      extra['x-csrf-token'] = current.csrf;
    } else if (principal.kind === 'staleSession') {
      extra.cookie = 'synapse_session=ended-session-token';
    }
    return fetch(`${base}/graphql`, { method: 'POST', headers: { ...headers, ...extra }, body });
  };
  return {
    app,
    orm,
    base,
    post,
    realIds: [...experiments.map((e) => e.id), ...organisations.map((o) => o.id), demo.id],
    realSlugs: [...experiments.map((e) => e.slug), ...organisations.map((o) => o.slug)],
    dropSession: () => {
      session = null;
    },
    async close() {
      await app.apollo.stop();
      app.server.close();
      await orm.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every root field of the schema, by introspection over HTTP (as a partner would see it). */
async function rootFields(base: string) {
  const introspection = (await (await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  })).json()) as { data: IntrospectionQuery };
  const types = new Map(introspection.data.__schema.types.map((type) => [type.name, type]));
  const root = (name: string | undefined) => (name ? (types.get(name) as IntrospectionObjectType | undefined) : undefined);
  const query = root(introspection.data.__schema.queryType.name)!;
  const mutation = root(introspection.data.__schema.mutationType?.name);
  const targets = [
    ...query.fields.map((field) => ({ kind: 'query' as const, name: field.name, field })),
    ...(mutation?.fields ?? []).map((field) => ({ kind: 'mutation' as const, name: field.name, field })),
  ];
  return { types, targets, queries: query.fields.length, mutations: mutation?.fields.length ?? 0 };
}

/** Generated requests, cycling through every operation, as anonymous, signed in or with an ended session. */
async function fuzzOperations(running: Running, random: Random, tally: Tally, count: number) {
  const { types, targets, queries, mutations } = await rootFields(running.base);
  const { valueFor, selectionFor, typeString } = schemaGenerators(types, random, running.realIds, running.realSlugs);
  const { pick, chance } = random;
  const covered = new Set<string>();
  for (let n = 0; n < count; n++) {
    const target = targets[n % targets.length];
    if (!target) throw new Error('The schema has no operations to fuzz');
    const principal: { kind: Principal } = { kind: pick(['anonymous', 'signedIn', 'signedIn', 'staleSession'] as const) };
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const args: string[] = [];
    for (const arg of target.field.args) {
      if (arg.type.kind !== 'NON_NULL' && chance(0.3)) continue;
      if (chance(0.05) && arg.type.kind === 'NON_NULL') continue; // required argument missing
      definitions.push(`$${arg.name}: ${typeString(arg.type)}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = valueFor(arg.type as IntrospectionInputTypeRef);
    }
    const selection = selectionFor(target.field.type);
    const document = `${target.kind} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''} { ${target.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`;
    const body = JSON.stringify({ query: document, variables });
    try {
      const response = await running.post(body, principal);
      if (principal.kind === 'signedIn' && /^(signOut|signOutEverywhere|deleteAccount)$/.test(target.name)) running.dropSession();
      covered.add(target.name);
      await tally.record(`${target.kind} ${target.name}`, principal.kind, body, response);
    } catch (error) {
      tally.failed(target.name, principal.kind, error, body);
    }
  }
  return { queries, mutations, covered: covered.size };
}

/** Malformed HTTP requests, in turn. Exports, feeds and the browser-facing sign-in pages may use their own formats. */
async function fuzzHttp(running: Running, random: Random, tally: Tally, count: number) {
  const probes = httpProbes(running.base, running.post, random, running.realSlugs);
  for (let n = 0; n < count; n++) {
    try {
      const [name, request, response] = await probes[n % probes.length]!(); // httpProbes returns a fixed, non-empty list
      const ownFormat = (/^(export|feeds|auth)$/.test(name) && response.ok) || (name === 'auth' && response.status < 500 && !/json/.test(response.headers.get('content-type') ?? ''));
      if (ownFormat) await tally.count(response);
      else await tally.record(`http ${name}`, 'anonymous', request, response);
    } catch (error) {
      tally.failed('http', 'anonymous', error);
    }
  }
}

async function main(): Promise<void> {
  const total = Number(argument('requests', '12000'));
  const seed = Number(argument('seed', '11'));
  const random = createRandom(seed);
  const running = await start();
  const quiet = console.error;
  let internalLogs = 0;
  const logged: string[] = [];
  console.error = (...parts: unknown[]) => {
    internalLogs++; // INTERNAL errors are logged by the API; counted here, the first few kept for the report
    if (logged.length < 10) logged.push(parts.map((part) => (part instanceof Error ? (part.stack ?? part.message) : String(part))).join(' ').slice(0, 1200));
  };

  const tally = new Tally();
  const started = performance.now();
  const graphqlShare = Math.floor(total * 0.85);
  const operations = await fuzzOperations(running, random, tally, graphqlShare);
  await fuzzHttp(running, random, tally, total - graphqlShare);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));

  const documents = biggestDocuments();
  const parseAndValidate = timeParseAndValidate(buildSchema(readFileSync(SCHEMA, 'utf8')), documents);
  const httpRoundTrip = await timeRoundTrips(running.post, documents);
  console.error = quiet;

  const { requests, status5xx, internal, html, notJson, byStatus, byCode, findings } = tally;
  const summary = {
    ranAt: new Date().toISOString(),
    seed,
    requests,
    operations,
    seconds,
    status5xx,
    internalServerError: internal,
    internalErrorsLogged: internalLogs,
    internalLogs: logged,
    html,
    notJson,
    byStatus,
    byCode,
    parseAndValidate,
    httpRoundTrip,
    findings,
  };
  writeFileSync(RESULTS, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify({ ...summary, findings: findings.length }, null, 2));
  for (const finding of findings.slice(0, 40)) console.log(`\n[${finding.reason}] ${finding.target} as ${finding.principal}\n  ${finding.request.slice(0, 300)}\n  → ${finding.answer.slice(0, 300)}`);
  await running.close();
}

await main();
