// The web client's weight and speed (issue 6): initial JavaScript and CSS gzipped, and the time from page
// load to first search results in headless Chromium, measured side by side with the same search sent
// straight to the API from the page. Run with `npm run bench:web` (Node strips the types; no build step).
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

const results = {
  date: new Date().toISOString().slice(0, 10),
  initialJsGzipBytes: jsBytes,
  initialCssGzipBytes: cssBytes,
  runs: RUNS,
  timeToFirstResultsMs: { p50: percentile(page, 50), p95: percentile(page, 95) },
  apiSearchFromPageMs: { p50: percentile(api, 50), p95: percentile(api, 95) },
  ratioP50: percentile(page, 50) / percentile(api, 50),
};
writeFileSync(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
