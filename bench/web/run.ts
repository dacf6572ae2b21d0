// The web client's weight and speed (issues 6 and 17): initial JavaScript and CSS gzipped; the time from page
// load to first search results in headless Chromium, measured side by side with the same search sent
// straight to the API from the page; and server-rendered pages against client-only ones (the same build served
// with SERVER_RENDERING=false), side by side in one run: first and largest contentful paint with a cold cache,
// and what the server render adds to the HTML response. Run with `npm run bench:web` (Node strips the types).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startSynapse } from '../../apps/web/e2e/synapse.ts';

const DIST = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
const RUNS = 30;
const QUERIES = ['homelessnes', 'hospital discharge', 'participatory budgeting', 'food waste', 'SEND transport'];

function gzippedSize(file: string): number {
  return gzipSync(readFileSync(`${DIST}${file}`)).length;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// 1. Weight of what index.html loads before anything else.
const indexHtml = readFileSync(`${DIST}index.html`, 'utf8');
const scripts = [...indexHtml.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
const preloads = [...indexHtml.matchAll(/<link rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
const styles = [...indexHtml.matchAll(/<link rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
const jsBytes = [...scripts, ...preloads].reduce((sum, file) => sum + gzippedSize(file), 0);
const cssBytes = styles.reduce((sum, file) => sum + gzippedSize(file), 0);

// 2. Time to first results: a fresh browser context (empty cache) per run opens /search?q=…, timed from
// navigation start until the first result link is on screen; then, in the same page, the same GraphQL
// search the page sends, timed alone with fetch.
const synapse = await startSynapse();
const page: number[] = [];
const api: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const query = QUERIES[run % QUERIES.length]!;
    const context = await synapse.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${synapse.base}/search?q=${encodeURIComponent(query)}`);
    const handle = await tab.waitForFunction(() => (document.querySelector('main h2 a') ? performance.now() : null), null, { polling: 'raf' });
    page.push((await handle.jsonValue()) as number);
    api.push(
      await tab.evaluate(async (q) => {
        const started = performance.now();
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query ($q: String!) { search(query: $q, first: 20) { estimatedTotal hits { experiment { id title } } facets { field values { value count } } } }', variables: { q } }),
        });
        await response.json();
        return performance.now() - started;
      }, query),
    );
    await context.close();
  }
} finally {
  await synapse.stop();
}

// 3. Server-rendered against client-only: two instances of the same build and demo data, visited in turn.
const PAINT_RUNS = 15;
const HTML_RUNS = 60;
type Paint = { fcp: number; lcp: number };
const rendered = await startSynapse();
const clientOnly = await startSynapse({ SERVER_RENDERING: 'false' });
const paints: Record<string, { server: Paint[]; client: Paint[] }> = {};
const htmlMs = { server: [] as number[], client: [] as number[] };
let experimentPath = '';
try {
  const first = await fetch(`${rendered.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ experiments(first: 1) { nodes { slug } } }' }),
  });
  experimentPath = `/experiments/${((await first.json()) as { data: { experiments: { nodes: Array<{ slug: string }> } } }).data.experiments.nodes[0]!.slug}`;
  const pages: Array<[string, string, string]> = [
    ['home', '/', 'main h1'],
    ['search', '/search?q=hospital%20discharge', 'main h2 a'],
    ['experiment', experimentPath, 'main h1'],
  ];
  for (const [name, path, content] of pages) {
    paints[name] = { server: [], client: [] };
    for (let run = 0; run < PAINT_RUNS; run++) {
      for (const [mode, synapseUnderTest] of [['server', rendered], ['client', clientOnly]] as const) {
        const context = await synapseUnderTest.browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`${synapseUnderTest.base}${path}`);
        await tab.waitForSelector(content);
        const paint = await tab.evaluate(
          () =>
            new Promise<Paint>((resolve) => {
              let lcp = 0;
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) lcp = entry.startTime;
              }).observe({ type: 'largest-contentful-paint', buffered: true });
              setTimeout(() => resolve({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, lcp }), 300);
            }),
        );
        paints[name]![mode].push(paint);
        await context.close();
      }
    }
  }
  // The experiment page's HTML as the server sends it: rendered with its data, or the empty shell.
  for (let run = 0; run < HTML_RUNS; run++) {
    for (const [mode, synapseUnderTest] of [['server', rendered], ['client', clientOnly]] as const) {
      const started = performance.now();
      await (await fetch(`${synapseUnderTest.base}${experimentPath}`, { headers: { accept: 'text/html' } })).text();
      htmlMs[mode].push(performance.now() - started);
    }
  }
} finally {
  await rendered.stop();
  await clientOnly.stop();
}

const summary = (values: number[]) => ({ p50: Math.round(percentile(values, 50)), p95: Math.round(percentile(values, 95)) });
const serverRendering = Object.fromEntries(
  Object.entries(paints).map(([name, { server, client }]) => {
    const medians = (list: Paint[], key: keyof Paint) => percentile(list.map((paint) => paint[key]), 50);
    return [
      name,
      {
        serverRendered: { fcp: summary(server.map((p) => p.fcp)), lcp: summary(server.map((p) => p.lcp)) },
        clientOnly: { fcp: summary(client.map((p) => p.fcp)), lcp: summary(client.map((p) => p.lcp)) },
        lcpSpeedUpP50: Number((medians(client, 'lcp') / medians(server, 'lcp')).toFixed(2)),
        fcpSpeedUpP50: Number((medians(client, 'fcp') / medians(server, 'fcp')).toFixed(2)),
      },
    ];
  }),
);

const results = {
  date: new Date().toISOString().slice(0, 10),
  initialJsGzipBytes: jsBytes,
  initialCssGzipBytes: cssBytes,
  runs: RUNS,
  timeToFirstResultsMs: { p50: percentile(page, 50), p95: percentile(page, 95) },
  apiSearchFromPageMs: { p50: percentile(api, 50), p95: percentile(api, 95) },
  ratioP50: percentile(page, 50) / percentile(api, 50),
  paintRuns: PAINT_RUNS,
  serverRendering,
  experimentHtmlMs: {
    runs: HTML_RUNS,
    serverRendered: summary(htmlMs.server),
    clientOnlyShell: summary(htmlMs.client),
    addedByServerRenderP50: Math.round(percentile(htmlMs.server, 50) - percentile(htmlMs.client, 50)),
    addedByServerRenderP95: Math.round(percentile(htmlMs.server, 95) - percentile(htmlMs.client, 95)),
  },
};
writeFileSync(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
