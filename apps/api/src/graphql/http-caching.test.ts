import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/http.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SYNAPSE_SEED_DEMO: 'false' }, { search: false });
});
afterAll(async () => {
  await server?.close();
});

const QUERY = '{ serviceAreas { slug name } }';
// Apollo's CSRF prevention asks GET requests for a header that a plain cross-site request cannot send.
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe('cacheable public reads', () => {
  it('answers GET queries with Cache-Control and an ETag, and 304 when nothing changed', async () => {
    const url = `${server.base}/graphql?query=${encodeURIComponent(QUERY)}`;
    const first = await fetch(url, { headers: PREFLIGHT });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=60/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch adds "cache-control: no-cache" to conditional requests, which forbids a 304.
    const status = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { ...PREFLIGHT, 'if-none-match': etag! } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('never lets shared caches keep errors or mutations', async () => {
    const error = await fetch(`${server.base}/graphql?query=${encodeURIComponent('{ nope }')}`, { headers: PREFLIGHT });
    expect(error.headers.get('cache-control')).not.toMatch(/public/);
    const mutation = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { requestSignIn(input: { email: "x@y.example" }) }' }),
    });
    expect(mutation.headers.get('cache-control')).toBe('private, no-store');
  });

  it('supports automatic persisted queries, over GET too', async () => {
    const hash = createHash('sha256').update(QUERY).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const unknown: any = await (await fetch(`${server.base}/graphql?extensions=${extensions}`, { headers: PREFLIGHT })).json();
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fetch(`${server.base}/graphql?query=${encodeURIComponent(QUERY)}&extensions=${extensions}`, { headers: PREFLIGHT });
    expect(registered.status).toBe(200);
    const byHash: any = await (await fetch(`${server.base}/graphql?extensions=${extensions}`, { headers: PREFLIGHT })).json();
    expect(byHash.data.serviceAreas).toHaveLength(16);
  });
});
