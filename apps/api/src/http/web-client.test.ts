import { WEB_ROUTES } from '@synapse/domain';
import express from 'express';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webClientRoutes } from './web-client.js';

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

async function serve(distDir: string | null): Promise<string> {
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(webClientRoutes(distDir));
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
    expect(page.headers.get('cache-control')).toBe('no-cache');
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
    const routed = [...app.matchAll(/<Route path="([^"]+)"/g)].map((match) => match[1]!).filter((path) => path !== '*');
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
