import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/http.js';
import { EXAMPLE_OPERATIONS } from './explorer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { search: false });
});
afterAll(async () => {
  await server?.close();
});

describe('the API explorer', () => {
  it('opens at /graphql in a browser, loading only bundled assets', async () => {
    const response = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(sources.every((source) => source.startsWith('/explorer/'))).toBe(true);
    for (const source of sources) {
      const asset = await fetch(`${server.base}${source}`);
      expect(asset.status, source).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(1000);
    }
  });

  it('offers example operations that run as they are against the demo data', async () => {
    for (const query of EXAMPLE_OPERATIONS) {
      const response = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { errors?: unknown; data?: Record<string, unknown> };
      expect(body.errors, query.split('\n')[0]).toBeUndefined();
      expect(Object.values(body.data ?? {}).every((value) => value !== null)).toBe(true);
    }
  });

  it('still answers GraphQL clients at /graphql', async () => {
    const response = await fetch(`${server.base}/graphql?query=${encodeURIComponent('{ serviceAreas { slug } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
