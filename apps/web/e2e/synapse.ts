import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@synapse/search';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

const API_MAIN = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));
const CHROMIUM = process.env.TEST_CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Shared by the end-to-end tests and bench/web (which runs this file with Node's type stripping, so it
 * imports only Node, playwright-core and built workspace packages).
 */
export interface RunningSynapse {
  base: string;
  browser: Browser;
  /** A page in a fresh browser context (no cookies), `width` px wide, waiting at most 15 s for anything. */
  newPage(width?: number): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Starts Synapse as `npm start` does (the built API serving the built client, demo data, its own
 * Meilisearch) in a fresh data directory (with `extraEnv` added to its environment), waits until search answers from Meilisearch, and opens Chromium.
 */
export async function startSynapse(extraEnv: Record<string, string> = {}): Promise<RunningSynapse> {
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: base, ...extraEnv };
  for (const key of ['DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'MEILI_API_KEY', 'NODE_ENV', 'SMTP_URL']) delete env[key];
  // One API process unless WEB_CONCURRENCY says otherwise: cheaper on a shared CI machine (cluster mode has its own
  // test, apps/api/test/cluster.test.ts).
  env.WEB_CONCURRENCY ??= '1';
  const api: ChildProcess = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  api.stdout!.on('data', (chunk) => (output += chunk));
  api.stderr!.on('data', (chunk) => (output += chunk));

  const deadline = Date.now() + 150_000;
  for (;;) {
    if (api.exitCode !== null) throw new Error(`Synapse exited while starting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Synapse did not become searchable in time:\n${output}`);
    try {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(query: "homelessness") { degraded estimatedTotal } }' }),
      });
      const body = (await response.json()) as { data?: { search: { degraded: boolean; estimatedTotal: number } } };
      if (body.data && !body.data.search.degraded && body.data.search.estimatedTotal > 0) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  waitForTakeOver(browser);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    browser,
    async newPage(width = 1200) {
      const context = await browser.newContext({ viewport: { width, height: width < 641 ? 800 : 900 } });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    async stop() {
      await browser.close();
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Pages arrive rendered by the server and are then taken over by React. A person who clicks before that gets the
 * plain HTML behaviour (a link loads a page, a form is sent); the tests drive the app, so after every page load in
 * a browser with JavaScript they wait until the page is taken over (App marks the body with `synapse-hydrated`).
 */
function waitForTakeOver(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions) => {
    const context = await newContext(options);
    if (options?.javaScriptEnabled !== false) context.on('page', untilTakenOver);
    return context;
  };
}

function untilTakenOver(page: Page): void {
  const takenOver = () => document.body?.classList.contains('synapse-hydrated') || !document.getElementById('synapse-data');
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await page.waitForFunction(takenOver);
    return response;
  };
  page.reload = async (...args: Parameters<Page['reload']>) => {
    const response = await reload(...args);
    await page.waitForFunction(takenOver);
    return response;
  };
}
