import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { buildSchema, getIntrospectionQuery, type IntrospectionInputTypeRef, type IntrospectionObjectType, type IntrospectionQuery, type IntrospectionTypeRef, parse, validate } from 'graphql';
import { createApp } from '@synapse/api/internal/app';
import { bootstrapData } from '@synapse/api/internal/bootstrap';
import { loadConfig } from '@synapse/api/internal/config';
import { ensureDemoAccounts } from '@synapse/api/internal/demo/demo-member';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { documentShapeProblem, parseOptions } from '@synapse/api/internal/graphql/protection';
import { createMailer } from '@synapse/api/internal/modules/identity/mailer';
import { createSession } from '@synapse/api/internal/modules/identity/identity.service';
import { Member } from '@synapse/api/internal/modules/member/member.entity';
import { Experiment } from '@synapse/api/internal/modules/experiment/experiment.entity';
import { Organisation } from '@synapse/api/internal/modules/organisation/organisation.entity';

// npm run bench:fuzz [-- --requests 12000 --seed 11]
// Generated hostile requests over every query and mutation, anonymous and signed in, plus malformed HTTP.
// Reports every 5xx, INTERNAL_SERVER_ERROR and HTML answer; the write-up is docs/reliability.md.

const RESULTS = fileURLToPath(new URL('../../fuzz/results.json', import.meta.url));

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

/** A small seeded generator (mulberry32), so a run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(Number(argument('seed', '11')));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const chance = (p: number) => rand() < p;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a',
  'Housing First',
  'x'.repeat(10_001),
  'y'.repeat(200_000),
  'nul\u0000byte',
  'lone \uD800 surrogate',
  'lone \uDFFF low',
  '🏠 emoji',
  "' OR 1=1 --",
  '"; DROP TABLE experiment; --',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '../../../etc/passwd',
  '%00%27',
  '${7*7}{{7*7}}',
  '\\u0000',
  'https://example.org/',
  'http://127.0.0.1:22/',
  'javascript:alert(1)',
  'officer@example.gov.uk',
  '2024-02-30',
  '2024-03-31',
  'E08000010',
  'adult-social-care',
  'b2ZmZnNldDo1',
  Buffer.from(JSON.stringify({ $gt: 1 })).toString('base64url'),
  Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url'),
  '-1',
  '1e309',
];
const HOSTILE_INTS = [0, 1, -1, 5, 20, 50, 100, 101, 2_147_483_647, -2_147_483_648, 2_147_483_648, 1.5, '7', null, true];
const HOSTILE_FLOATS = [0, -1, 1.5, 1e308, -1e308, Number.MIN_VALUE, '1.5', null];

interface Principal {
  kind: 'anonymous' | 'signedIn' | 'staleSession';
}

interface Target {
  kind: 'query' | 'mutation';
  name: string;
}

interface Finding {
  target: string;
  principal: string;
  status: number;
  reason: string;
  request: string;
  answer: string;
}

async function main(): Promise<void> {
  const total = Number(argument('requests', '12000'));
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-fuzz-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', PUBLIC_URL: 'http://127.0.0.1', SYNAPSE_SEED_DEMO: 'true' });
  const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
  await bootstrapData(orm, { seedDemo: true });
  const em = entityManager(orm).fork();
  const demo = await ensureDemoAccounts(em);
  const app = await createApp({ orm, config, mailer: createMailer(config, orm, () => undefined), searchIndex: null, rateLimits: null, webDistDir: null });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const quiet = console.error;
  let internalLogs = 0;
  const logged: string[] = [];
  console.error = (...parts: unknown[]) => {
    internalLogs++; // INTERNAL errors are logged by the API; counted here, the first few kept for the report
    if (logged.length < 10) logged.push(parts.map((part) => (part instanceof Error ? (part.stack ?? part.message) : String(part))).join(' ').slice(0, 1200));
  };

  // Ids and slugs that exist, so generated requests reach past "not found" into the services.
  const experiments = await em.find(Experiment, {}, { limit: 20 });
  const organisations = await em.find(Organisation, {}, { limit: 20 });
  const realIds = [...experiments.map((e) => e.id), ...organisations.map((o) => o.id), demo.id];
  const realSlugs = [...experiments.map((e) => e.slug), ...organisations.map((o) => o.slug)];

  // A signed-in admin of the demo council; recreated when a fuzzed mutation signs it out or deletes it.
  let session: { token: string; csrf: string } | null = null;
  const signedIn = async () => {
    const fork = entityManager(orm).fork();
    let member = await fork.findOne(Member, { id: demo.id, deletedAt: null });
    if (!member) member = await ensureDemoAccounts(fork);
    demo.id = member.id;
    const created = await createSession(fork, config, member, 'synapse-fuzz');
    session = { token: created.token, csrf: created.session.csrfToken };
    return session;
  };

  const introspection = (await (await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  })).json()) as { data: IntrospectionQuery };
  const types = new Map(introspection.data.__schema.types.map((type) => [type.name, type]));
  const schema = buildSchema(await (await import('node:fs/promises')).readFile(fileURLToPath(new URL('../../../apps/api/schema.graphql', import.meta.url)), 'utf8'));
  const root = (name: string | undefined) => (name ? (types.get(name) as IntrospectionObjectType | undefined) : undefined);
  const query = root(introspection.data.__schema.queryType.name)!;
  const mutation = root(introspection.data.__schema.mutationType?.name);
  const targets: (Target & { field: IntrospectionObjectType['fields'][number] })[] = [
    ...query.fields.map((field) => ({ kind: 'query' as const, name: field.name, field })),
    ...(mutation?.fields ?? []).map((field) => ({ kind: 'mutation' as const, name: field.name, field })),
  ];

  const named = (ref: IntrospectionTypeRef): { name: string; list: boolean; nonNull: boolean } => {
    let current = ref;
    let list = false;
    const nonNull = current.kind === 'NON_NULL';
    while (current.kind === 'NON_NULL' || current.kind === 'LIST') {
      if (current.kind === 'LIST') list = true;
      current = (current as { ofType: IntrospectionTypeRef }).ofType;
    }
    return { name: (current as { name: string }).name, list, nonNull };
  };

  /** A value for an input type: mostly plausible, often hostile, sometimes the wrong type altogether. */
  const valueFor = (ref: IntrospectionInputTypeRef, depth = 0): unknown => {
    const { name, list, nonNull } = named(ref);
    if (!nonNull && chance(0.1)) return null;
    if (chance(0.03)) return pick([null, 'wrong', 42, true, {}, []]); // wrong type
    if (list && depth < 3) {
      const length = chance(0.05) ? 1000 : Math.floor(rand() * 3);
      return Array.from({ length }, () => scalarOrObject(name, depth + 1));
    }
    return scalarOrObject(name, depth);
  };
  const scalarOrObject = (name: string, depth: number): unknown => {
    const type = types.get(name);
    switch (name) {
      case 'String':
        return chance(0.2) ? pick(realSlugs) : pick(HOSTILE_STRINGS);
      case 'ID':
        return chance(0.5) ? pick(realIds) : pick(HOSTILE_STRINGS);
      case 'Int':
        return pick(HOSTILE_INTS);
      case 'Float':
        return pick(HOSTILE_FLOATS);
      case 'Boolean':
        return chance(0.95) ? chance(0.5) : 'yes';
    }
    if (type?.kind === 'ENUM') return chance(0.9) ? pick(type.enumValues).name : 'NOT_A_VALUE';
    if (type?.kind === 'INPUT_OBJECT') {
      const value: Record<string, unknown> = {};
      for (const field of type.inputFields) {
        const required = field.type.kind === 'NON_NULL';
        if (!required && chance(0.4)) continue;
        if (required && chance(0.03)) continue; // a required field left out
        value[field.name] = depth > 4 ? null : valueFor(field.type, depth + 1);
      }
      if (chance(0.03)) value.notAField = 'x';
      return value;
    }
    return pick(HOSTILE_STRINGS); // custom scalars (LocalDate…)
  };

  /** A selection for a return type: its scalar fields, and one level of objects. */
  const selectionFor = (ref: IntrospectionTypeRef, depth = 0): string => {
    const type = types.get(named(ref).name);
    if (!type || (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE' && type.kind !== 'UNION')) return '';
    if (type.kind === 'UNION') return '{ __typename }';
    const fields = (type as IntrospectionObjectType).fields.filter((field) => field.args.every((arg) => arg.type.kind !== 'NON_NULL'));
    const chosen = fields.filter(() => chance(0.6)).slice(0, 12);
    const parts = chosen.map((field) => {
      const inner = depth < 2 ? selectionFor(field.type, depth + 1) : '';
      const leaf = !['OBJECT', 'INTERFACE', 'UNION'].includes(types.get(named(field.type).name)?.kind ?? '');
      if (!leaf && !inner) return '';
      return `${field.name} ${inner}`;
    });
    return `{ __typename ${parts.join(' ')} }`;
  };

  const typeString = (ref: IntrospectionTypeRef): string =>
    ref.kind === 'NON_NULL' ? `${typeString(ref.ofType)}!` : ref.kind === 'LIST' ? `[${typeString(ref.ofType)}]` : ref.name;

  const findings: Finding[] = [];
  const counts = { requests: 0, status5xx: 0, internal: 0, html: 0, notJson: 0, byCode: {} as Record<string, number>, byStatus: {} as Record<string, number> };
  const perTarget = new Map<string, number>();

  const record = async (target: string, principal: string, request: string, response: Response) => {
    counts.requests++;
    counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const problems: string[] = [];
    if (response.status >= 500) {
      counts.status5xx++;
      problems.push(`HTTP ${response.status}`);
    }
    if (/html/.test(type) || /^\s*<(!doctype|html)/i.test(text)) {
      counts.html++;
      problems.push('HTML');
    }
    let body: { errors?: { extensions?: { code?: string } }[] } | null = null;
    try {
      body = JSON.parse(text);
    } catch {
      if (!/atom|csv/.test(type)) {
        counts.notJson++;
        problems.push('not JSON');
      }
    }
    for (const error of body?.errors ?? []) {
      const code = error.extensions?.code ?? 'none';
      counts.byCode[code] = (counts.byCode[code] ?? 0) + 1;
      if (code === 'INTERNAL_SERVER_ERROR') {
        counts.internal++;
        problems.push('INTERNAL_SERVER_ERROR');
      }
    }
    if (problems.length && findings.filter((f) => f.target === target).length < 5) {
      findings.push({ target, principal, status: response.status, reason: problems.join(', '), request: request.slice(0, 600), answer: text.slice(0, 600) });
    }
  };

  const post = async (body: string, principal: Principal, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
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

  const started = performance.now();
  const graphqlShare = Math.floor(total * 0.85);
  for (let n = 0; n < graphqlShare; n++) {
    const target = targets[n % targets.length];
    const principal: Principal = { kind: pick(['anonymous', 'signedIn', 'signedIn', 'staleSession'] as const) };
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
      const response = await post(body, principal);
      if (principal.kind === 'signedIn' && /^(signOut|signOutEverywhere|deleteAccount)$/.test(target.name)) session = null;
      perTarget.set(target.name, (perTarget.get(target.name) ?? 0) + 1);
      await record(`${target.kind} ${target.name}`, principal.kind, body, response);
    } catch (error) {
      findings.push({ target: target.name, principal: principal.kind, status: 0, reason: `request failed: ${(error as Error).message}`, request: body.slice(0, 600), answer: '' });
    }
  }

  // Malformed HTTP: broken JSON, wrong content types, oversized bodies, odd methods and addresses.
  const raw: (() => Promise<[string, string, Response]>)[] = [
    async () => ['malformed JSON', '{"query": "{ viewer', await post('{"query": "{ viewer', { kind: 'anonymous' })],
    async () => ['JSON array', '[]', await post('[]', { kind: 'anonymous' })],
    async () => ['JSON scalar', '"x"', await post('"x"', { kind: 'anonymous' })],
    async () => ['JSON null', 'null', await post('null', { kind: 'anonymous' })],
    async () => ['batch', '[{query}]', await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), { kind: 'anonymous' })],
    async () => ['text/plain', 'query=', await post('query={ __typename }', { kind: 'anonymous' }, { 'content-type': 'text/plain' })],
    async () => ['form', 'query=', await post('query=%7B__typename%7D', { kind: 'signedIn' }, { 'content-type': 'application/x-www-form-urlencoded' })],
    async () => ['no content type', '{}', await post('{"query":"{ __typename }"}', { kind: 'anonymous' }, {})],
    async () => ['latin1 charset', '{}', await post('{"query":"{ __typename }"}', { kind: 'anonymous' }, { 'content-type': 'application/json; charset=latin1' })],
    async () => ['over 1 MB', '…', await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }), { kind: 'anonymous' })],
    async () => ['query not a string', '{query: 1}', await post(JSON.stringify({ query: 1 }), { kind: 'anonymous' })],
    async () => ['variables not an object', '{variables: 1}', await post(JSON.stringify({ query: '{ __typename }', variables: 'x' }), { kind: 'anonymous' })],
    async () => ['extensions not an object', '{extensions: 1}', await post(JSON.stringify({ query: '{ __typename }', extensions: 1 }), { kind: 'anonymous' })],
    async () => ['persisted wrong hash', 'pq', await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: pick(['0'.repeat(64), 'nope', 7]) } } }), { kind: 'anonymous' })],
    async () => ['persisted wrong version', 'pq', await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: pick([2, '1', null]), sha256Hash: 'x' } } }), { kind: 'anonymous' })],
    async () => ['persisted unknown', 'pq', await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), { kind: 'anonymous' })],
    async () => ['operationName unknown', 'op', await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }), { kind: 'anonymous' })],
    async () => ['two operations, no name', 'op', await post(JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), { kind: 'anonymous' })],
    async () => ['GET mutation', 'GET', ['GET', '', await fetch(`${base}/graphql?query=${encodeURIComponent('mutation { signOut }')}`)][2] as Response],
    async () => ['GET bad variables', 'GET', await fetch(`${base}/graphql?query=%7B__typename%7D&variables=%7B`, { headers: { 'apollo-require-preflight': '1' } })],
    async () => ['GET no query', 'GET', await fetch(`${base}/graphql`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } })],
    async () => ['PUT', 'PUT', await fetch(`${base}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })],
    async () => ['DELETE', 'DELETE', await fetch(`${base}/graphql`, { method: 'DELETE' })],
    async () => ['unknown export', 'GET', await fetch(`${base}/export/${pick(['x.csv', 'experiments.xml', 'organisations/nope/outcomes.csv', '..%2f..%2fetc.csv'])}`, { headers: { accept: 'application/json' } })],
    async () => ['export', 'GET', await fetch(`${base}/export/${pick(['experiments', 'outcomes', 'artefacts', 'organisations'])}.${pick(['csv', 'json'])}`)],
    async () => ['feeds', 'GET', await fetch(`${base}/feeds/${pick(['experiments.atom', 'search.atom?q=%00%uD800', `search.atom?q=${encodeURIComponent(pick(HOSTILE_STRINGS).slice(0, 300).replace(/[\uD800-\uDFFF]/g, ''))}`, 'service-areas/nope.atom', `organisations/${pick(realSlugs)}.atom`])}`, { headers: { accept: 'application/json' } })],
    async () => ['auth', 'GET', await fetch(`${base}/auth/${pick(['verify?token=nope', 'verify', 'verify?token=%00', 'oidc/start', 'oidc/callback?state=x&code=y', 'nope'])}`, { headers: { accept: 'application/json' }, redirect: 'manual' })],
    async () => ['repeated field 3000x', 'big', await post(JSON.stringify({ query: `{ ${'serviceAreas { slug } '.repeat(3000)} }` }), { kind: 'anonymous' })],
    async () => ['typename 1 MB', 'big', await post(JSON.stringify({ query: `{ ${'__typename '.repeat(90_000)} }` }), { kind: 'anonymous' })],
  ];
  for (let n = graphqlShare; n < total; n++) {
    const probe = raw[n % raw.length];
    try {
      const [name, request, response] = await probe();
      // Exports, feeds and the sign-in routes may answer with their own formats; only /graphql must be JSON.
      const apiPage = /^(export|feeds|auth)$/.test(name);
      if (apiPage && response.ok) {
        counts.requests++;
        counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
        await response.body?.cancel();
      } else if (name === 'auth' && response.status < 500 && !/json/.test(response.headers.get('content-type') ?? '')) {
        // Sign-in links are followed in a browser: an HTML page explaining the problem is the right answer there.
        counts.requests++;
        counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
        await response.body?.cancel();
      } else {
        await record(`http ${name}`, 'anonymous', request, response);
      }
    } catch (error) {
      findings.push({ target: 'http', principal: 'anonymous', status: 0, reason: `request failed: ${(error as Error).message}`, request: '', answer: '' });
    }
  }
  const elapsed = (performance.now() - started) / 1000;

  // Parse-and-validate cost of the biggest documents under the 1 MB body limit, measured in-process.
  const timings: Record<string, { bytes: number; outcome: string; medianMs: number }> = {};
  const EXPERIMENT_FIELDS = ['id', 'slug', 'title', 'summary', 'problem', 'approach', 'stage', 'status', 'startDate', 'endDate', 'budgetBand', 'version', 'createdAt', 'updatedAt', 'publishedAt', 'themes', 'licence', 'whoItServes', 'whatIsNew', 'fundingSource'];
  const documents: Record<string, string> = {
    'same field 3,000 times (~60 KB)': `{ ${'serviceAreas { slug name } '.repeat(3000)} }`,
    '__typename 90,000 times (~1 MB)': `{ ${'__typename '.repeat(90_000)} }`,
    'aliases at the token limit': `{ ${Array.from({ length: 700 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    '333 fragments side by side, each with __typename': `{ ${Array.from({ length: 333 }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: 333 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`,
    // The worst the limits let through: every selection at its repeat limit, close to the token limit.
    'accepted: experiments 10 times side by side, 20 fields 4 times each': `{ ${`experiments(first: 1) { nodes { ${EXPERIMENT_FIELDS.map((f) => `${f} `.repeat(4)).join('')} } } `.repeat(10)} }`,
    'accepted: experiments 4 times side by side, 20 fields 10 times each': `{ ${`experiments(first: 1) { nodes { ${EXPERIMENT_FIELDS.map((f) => `${f} `.repeat(10)).join('')} } } `.repeat(4)} }`,
    'accepted: 20 fragments spread side by side': `{ experiments(first: 1) { nodes { ${Array.from({ length: 20 }, (_, i) => `...E${i}`).join(' ')} } } } ${Array.from({ length: 20 }, (_, i) => `fragment E${i} on Experiment { ${EXPERIMENT_FIELDS[i]} ${EXPERIMENT_FIELDS[i % 10]} }`).join(' ')}`,
  };
  for (const [label, text] of Object.entries(documents)) {
    const runs: number[] = [];
    let outcome = 'accepted';
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      try {
        const document = parse(text, parseOptions);
        const problem = documentShapeProblem(document);
        if (problem) outcome = `refused before validation: ${problem}`;
        else {
          const errors = validate(schema, document);
          outcome = errors.length ? `validation errors (${errors.length})` : 'accepted';
        }
      } catch (error) {
        outcome = `parse refused: ${(error as Error).message.slice(0, 80)}`;
      }
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    timings[label] = { bytes: Buffer.byteLength(text), outcome, medianMs: Number(runs[3].toFixed(2)) };
  }

  // The same two big documents end to end over HTTP, answered by the running API (median of 7).
  const roundTrips: Record<string, { bytes: number; status: number; medianMs: number }> = {};
  for (const [label, text] of Object.entries(documents).slice(0, 2)) {
    const body = JSON.stringify({ query: text });
    const runs: number[] = [];
    let status = 0;
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      const response = await post(body, { kind: 'anonymous' });
      await response.text();
      status = response.status;
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    roundTrips[label] = { bytes: Buffer.byteLength(body), status, medianMs: Number(runs[3].toFixed(2)) };
  }

  console.error = quiet;
  const summary = {
    ranAt: new Date().toISOString(),
    seed: Number(argument('seed', '11')),
    requests: counts.requests,
    operations: { queries: query.fields.length, mutations: mutation?.fields.length ?? 0, covered: perTarget.size },
    seconds: Number(elapsed.toFixed(1)),
    status5xx: counts.status5xx,
    internalServerError: counts.internal,
    internalErrorsLogged: internalLogs,
    internalLogs: logged,
    html: counts.html,
    notJson: counts.notJson,
    byStatus: counts.byStatus,
    byCode: counts.byCode,
    parseAndValidate: timings,
    httpRoundTrip: roundTrips,
    findings,
  };
  writeFileSync(RESULTS, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify({ ...summary, findings: findings.length }, null, 2));
  for (const finding of findings.slice(0, 40)) console.log(`\n[${finding.reason}] ${finding.target} as ${finding.principal}\n  ${finding.request.slice(0, 300)}\n  → ${finding.answer.slice(0, 300)}`);

  await app.apollo.stop();
  app.server.close();
  await orm.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
