import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityManager } from '../src/db/orm.js';
import { QUERY_LIMITS } from '../src/graphql/protection.js';
import { Experiment } from '../src/modules/experiment/experiment.entity.js';
import { startTestServer, type TestServer } from './http.js';

// Hostile requests at the HTTP level: every answer is a JSON GraphQL error with a stable code, never Express's
// HTML page or a stack trace, and never INTERNAL_SERVER_ERROR for the caller's own mistake.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { search: false });
});
afterAll(async () => {
  await server?.close();
});

async function send(path: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(`${server.base}${path}`, { ...init, headers: { accept: 'application/json', ...init.headers } });
  const text = await response.text();
  const elapsed = performance.now() - started;
  expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(text).not.toMatch(/<html|<pre>|\bat \S+ \(|node_modules|\/src\//i);
  expect(response.headers.get('x-request-id')).toMatch(/^[\w.:-]{8,}$/);
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] };
  return { status: response.status, body, code: body.errors?.[0]?.extensions?.code, elapsed };
}

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => send('/graphql', { method: 'POST', headers, body });
const experimentCount = () => entityManager(server.orm).fork().count(Experiment, {});

describe('hostile HTTP requests', () => {
  it('answers malformed JSON with BAD_REQUEST, as JSON', async () => {
    const answer = await post('{"query": "{ viewer { name } }"');
    expect(answer).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers a body over 1 MB with PAYLOAD_TOO_LARGE, as JSON', async () => {
    const answer = await post(JSON.stringify({ query: `{ viewer { name } } # ${'x'.repeat(1_100_000)}` }));
    expect(answer).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers a wrong content type with UNSUPPORTED_MEDIA_TYPE, as JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await post('query={ viewer { name } }', { 'content-type': type });
      expect(answer, type).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });

  it('answers GET requests without a query, or with broken variables, as JSON errors', async () => {
    expect(await send('/graphql?variables=%7Bnope')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    const noQuery = await send('/graphql', { headers: { 'apollo-require-preflight': 'true' } });
    expect(noQuery.status).toBe(400);
    expect(noQuery.code).toBe('BAD_REQUEST');
  });

  it('refuses a NUL or a broken surrogate in the search feed query with BAD_USER_INPUT on q', async () => {
    for (const q of ['%00', 'housing%00%uD800']) {
      const answer = await send(`/feeds/search.atom?q=${q}`);
      expect(answer, q).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      expect(answer.body.errors?.[0]?.extensions?.field).toBe('q');
    }
  });

  it('answers unknown export and feed addresses with NOT_FOUND, as JSON', async () => {
    for (const path of ['/export/nothing.csv', '/export/organisations/no-such-council/experiments.csv', '/feeds/organisations/nope.atom', '/feeds/service-areas/nope.atom']) {
      expect(await send(path), path).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('refuses the same field repeated 3,000 times (~60 KB), and a field repeated within the token limit, before validation', async () => {
    const fields = Array.from({ length: 3000 }, () => 'serviceAreas { slug name }').join(' ');
    const big = await post(JSON.stringify({ query: `{ ${fields} }` }));
    expect(big.status).toBe(400);
    expect(['GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX']).toContain(big.code);
    // (Timing is measured in bench/fuzz, not asserted; this only guards against the old multi-second stall.)
    expect(big.elapsed).toBeLessThan(5_000);
    const repeated = Array.from({ length: 700 }, () => 'serviceAreas { slug }').join(' ');
    const answer = await post(JSON.stringify({ query: `{ ${repeated} }` }));
    expect(answer).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    expect(answer.body.errors?.[0]?.message).toContain(`at most ${QUERY_LIMITS.repeats}`);
  });

  it('refuses ~1 MB of tokens with a parse error naming the token limit, and __typename counts as a field', async () => {
    const tokens = Array.from({ length: 45_000 }, (_, n) => `a${n}: __typename`).join(' ');
    const answer = await post(JSON.stringify({ query: `{ ${tokens} }` }));
    expect(answer).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect(answer.body.errors?.[0]?.message).toContain(String(QUERY_LIMITS.tokens));
    const typenames = Array.from({ length: QUERY_LIMITS.repeats + 1 }, () => '__typename').join(' ');
    expect(await post(JSON.stringify({ query: `{ ${typenames} }` }))).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  it('counts fields that fragments bring into a selection: many fragments of __typename side by side are refused', async () => {
    const spreads = Array.from({ length: 333 }, (_, n) => `...F${n}`).join(' ');
    const fragments = Array.from({ length: 333 }, (_, n) => `fragment F${n} on Query { __typename }`).join(' ');
    const answer = await post(JSON.stringify({ query: `{ ${spreads} } ${fragments}` }));
    expect(answer).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    // What the web client sends (a few fragments, __typename in each) is well within the limits.
    const ordinary = await post(JSON.stringify({ query: '{ ...A ...B __typename } fragment A on Query { __typename serviceAreas { slug __typename } } fragment B on Query { __typename }' }));
    expect(ordinary.status).toBe(200);
  });

  it('refuses fragment expansion beyond the field limit', async () => {
    // Each fragment spreads the previous one twice: a few lines that would expand to 2^12 fields.
    const fragments = Array.from({ length: 12 }, (_, n) => `fragment F${n + 1} on Query { ...F${n} a${n}: serviceAreas { ...S${n} } }`).join(' ');
    const query = `{ ...F12 } fragment F0 on Query { __typename } ${fragments} ${Array.from({ length: 12 }, (_, n) => `fragment S${n} on ServiceArea { slug name }`).join(' ')}`;
    const answer = await post(JSON.stringify({ query }));
    expect(answer.status).toBe(400);
    expect(['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED']).toContain(answer.code);
  });

  it('answers a wrong persisted-query hash or version with Apollo’s own codes, never INTERNAL', async () => {
    const query = '{ serviceAreas { slug } }';
    const wrongHash = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }));
    expect(wrongHash.status).toBe(400);
    expect(wrongHash.code).toBe('BAD_REQUEST');
    const unknown = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'e'.repeat(64) } } }));
    expect(unknown.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const sha = createHash('sha256').update(query).digest('hex');
    const badVersion = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha } } }));
    expect(badVersion.status).toBe(400);
    expect(['BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED']).toContain(badVersion.code);
    const notAnObject = await post(JSON.stringify({ query, extensions: { persistedQuery: 'yes' } }));
    expect(notAnObject.status).toBe(400);
  });

  it('answers a mutation on an ended session with UNAUTHENTICATED, and changes nothing', async () => {
    const before = await experimentCount();
    const answer = await post(JSON.stringify({ query: 'mutation { createExperiment(input: { title: "Stale session test", summary: "s" }) { id } }' }), {
      'content-type': 'application/json',
      cookie: 'synapse_session=an-expired-or-signed-out-session-token',
      'x-csrf-token': 'whatever',
    });
    expect(answer.code).toBe('UNAUTHENTICATED');
    expect(answer.body.errors?.[0]?.extensions?.reason).toBe('sessionExpired');
    expect(await experimentCount()).toBe(before);
  });

  it('keeps a proxy’s request id and answers it back', async () => {
    const response = await fetch(`${server.base}/graphql?query=%7B__typename%7D`, { headers: { 'x-request-id': 'lb-1234567890' } });
    expect(response.headers.get('x-request-id')).toBe('lb-1234567890');
  });
});
