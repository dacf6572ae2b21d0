import { WEB_ROUTES } from '@synapse/domain';
import express from 'express';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageDocument, type ServerRendering, webClientRoutes } from './web-client.js';

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

async function serve(distDir: string | null, rendering: ServerRendering | null = null): Promise<string> {
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(webClientRoutes(distDir, rendering));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function builtClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synapse-web-'));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'static', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

describe('serving the web client', () => {
  it('answers page addresses deep in the client with index.html, so shared links open', async () => {
    const base = await serve(builtClient());
    const page = await fetch(`${base}/search?q=hospital%20discharge&verdicts=WORKED`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('answers an unknown address with the app and HTTP 404, so it is not mistaken for a page', async () => {
    const base = await serve(builtClient());
    const missing = await fetch(`${base}/experiments/x/no-such-page`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<div id="root">');
    expect((await fetch(`${base}/experiments/text-reminders`, { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  it('knows every page the web client routes to (App.tsx and WEB_ROUTES agree)', () => {
    const app = readFileSync(fileURLToPath(new URL('../../../web/src/App.tsx', import.meta.url)), 'utf8');
    const routed = [...app.matchAll(/<Route path="([^"]+)"/g)].map((match) => match[1]).filter((path) => path !== '*');
    expect(routed.length).toBeGreaterThan(5);
    expect(routed.filter((path) => !(WEB_ROUTES as readonly string[]).includes(path))).toEqual([]);
  });

  it('serves hashed bundles as immutable, and 404s a missing one instead of sending the page', async () => {
    const base = await serve(builtClient());
    const bundle = await fetch(`${base}/static/index-abc123.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/static/index-gone.js`)).status).toBe(404);
  });

  it('leaves API routes and non-HTML requests alone', async () => {
    const base = await serve(builtClient());
    expect(await (await fetch(`${base}/healthz`, { headers: { accept: 'text/html' } })).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/no-such-thing`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('explains how to build the client when there is no build', async () => {
    const base = await serve(join(tmpdir(), 'synapse-no-such-build'));
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('npm run build');
    expect((await fetch(`${base}/search`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

const TEMPLATE = `<!doctype html><html><head><title>Default</title><meta name="description" content="Default"></head>
<body><noscript>Needs JavaScript</noscript><div id="root"></div><script type="module" src="/static/index-abc123.js"></script></body></html>`;

/** A built client with a server renderer whose answers depend on the address (the real one is apps/web's entry-server). */
function builtClientWithRenderer(): string {
  const dir = builtClient();
  writeFileSync(join(dir, 'index.html'), TEMPLATE);
  mkdirSync(join(dir, 'server'));
  writeFileSync(
    join(dir, 'server', 'entry-server.js'),
    `export async function render({ url, origin, execute, signal }) {
      if (url.startsWith('/experiments/broken')) throw new Error('render failed');
      if (url.startsWith('/experiments/slow')) await new Promise((resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      const answer = await execute(JSON.stringify({ query: '{ who }' }));
      const status = url.startsWith('/experiments/withdrawn') ? 410 : url.startsWith('/experiments/unknown') ? 404 : 200;
      const location = url.startsWith('/experiments/by-id') ? '/experiments/readable-slug' : null;
      return { head: '<title>' + url + '</title><meta name="description" content="About it"/>', body: '<p>' + answer.body + ' at ' + origin + '</p>', data: { 1: { data: '</script><script>alert(1)</script>' } }, status, location };
    }`,
  );
  return dir;
}

const rendering: ServerRendering = {
  origin: 'https://synapse.example',
  before: [],
  // Answers as the visitor: here, whoever the request says it is.
  executeFor: (req) => async (body) => ({ status: 200, body: JSON.stringify({ data: { who: req.header('x-visitor') ?? 'anonymous' }, asked: JSON.parse(body) }) }),
  timeoutMs: 200,
};

describe('rendering pages on the server', () => {
  const html = { accept: 'text/html' };

  it('sends the page complete: its head, its markup made with the visitor’s own queries, and the data for hydration', async () => {
    const base = await serve(builtClientWithRenderer(), rendering);
    const page = await fetch(`${base}/experiments/text-reminders`, { headers: { ...html, 'x-visitor': 'jo' } });
    expect(page.status).toBe(200);
    const text = await page.text();
    // The page's title comes first, so it is the document's; the default stays after it as a fallback.
    expect(text).toContain('<head><title>/experiments/text-reminders</title><meta name="description" content="About it"/><title>Default</title>');
    expect(text).not.toContain('content="Default"');
    expect(text).not.toContain('Needs JavaScript');
    expect(text).toContain('"who":"jo"');
    expect(text).toContain('at https://synapse.example</p>');
    const data = /<script type="application\/json" id="synapse-data">([^<]*)<\/script>/.exec(text);
    expect(JSON.parse(data![1]!)).toEqual({ origin: 'https://synapse.example', urql: { 1: { data: '</script><script>alert(1)</script>' } } });
    expect(page.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('answers with the status the page asks for: 404 unknown, 410 withdrawn, 301 moved', async () => {
    const base = await serve(builtClientWithRenderer(), rendering);
    expect((await fetch(`${base}/experiments/unknown-one`, { headers: html })).status).toBe(404);
    expect((await fetch(`${base}/experiments/withdrawn-one`, { headers: html })).status).toBe(410);
    const moved = await fetch(`${base}/experiments/by-id`, { headers: html, redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/experiments/readable-slug');
  });

  it('sends the page for the browser to render when the server render fails or takes too long', async () => {
    const base = await serve(builtClientWithRenderer(), rendering);
    for (const path of ['/experiments/broken', '/experiments/slow']) {
      const page = await fetch(`${base}${path}`, { headers: html });
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(TEMPLATE);
    }
  });

  it('does not serve the renderer itself as a file', async () => {
    const base = await serve(builtClientWithRenderer(), rendering);
    expect((await fetch(`${base}/server/entry-server.js`)).status).toBe(404);
  });

  it('keeps page data from closing its script element', () => {
    const document = pageDocument(TEMPLATE, { head: '', body: '<p>x</p>', data: { text: '</script><!-- \u2028' } }, 'https://synapse.example');
    expect(document.match(/<\/script>/g)).toHaveLength(2); // the data's own, and the bundle's
    expect(document).not.toContain('<!--');
  });
});
