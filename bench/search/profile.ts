import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, LocalMeilisearch } from '@synapse/search';
import { entityManager, openDatabase } from '@synapse/api/internal/db/orm';
import { Experiment } from '@synapse/api/internal/modules/experiment/experiment.entity';
import { allDocuments } from '@synapse/api/internal/modules/search/experiment-document';
import { matchesOf } from '@synapse/api/internal/modules/search/search-highlight';
import { SearchIndex } from '@synapse/api/internal/modules/search/search-index';
import { hitTexts, searchableColumns } from '@synapse/api/internal/modules/search/search-hit-read';
import { SearchSort } from '@synapse/api/internal/modules/search/search.inputs';
import { rerank, understandSearch } from '@synapse/api/internal/modules/search/query-understanding';
import { engineParams } from '@synapse/api/internal/modules/search/search.service';
import { QUERIES } from './corpus.js';
import { http, jobsDone, percentile, round, seedCorpus, sideBySide, startApi, stopApi, summary, viaMeili } from './harness.js';

// npm run profile -w @synapse/bench [-- --size 10000 --rounds 3]
// Where an API search's time goes, beside Meilisearch's own (issue 16, item 1; the write-up is docs/performance.md):
// 1. CPU per search, read from /proc for the API and for Meilisearch, for the same 50 queries asked four ways
//    (everything, as bench:search asks; without highlights; without facets; bare hits) and sent straight to
//    Meilisearch. CPU time is what a search costs the machine, and is far less disturbed by other load than
//    latency is.
// 2. The floor for any API in front of Meilisearch: the same engine request through a bare Node proxy
//    (bare-proxy.ts: one more hop and one more JSON round trip, nothing else), its CPU and its latency against
//    Meilisearch direct, side by side at concurrency 1 and 8.
// 3. The pieces of a search timed one by one in this process on the same corpus: parsing the engine's answer,
//    reading the query, re-ranking, re-reading the page's experiments from the database, building snippets.

const RESULTS = fileURLToPath(new URL('../../search/profile-results.json', import.meta.url));

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** CPU time a process has used so far, in ms (user + system, from /proc/<pid>/stat at 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const WEB_RESULTS_PAGE =
  'estimatedTotal degraded interpretation { exact exactQueryAvailable expansions { term meaning } intents { intent term } placesPreferred { field value label term } } ' +
  'pageInfo { hasNextPage endCursor } facets { field values { value count } } hits { familySize matchedFields highlights { field snippet } ' +
  'experiment { id slug title summary stage registered leadOrganisation { id name } outcomes { id verdict evidenceLevel } discussionCount interest { total considering planning trying } } }';

const SELECTIONS = {
  everything: 'estimatedTotal degraded hits { experiment { id slug title } highlights { field snippet } matchedFields } facets { field values { value count } }',
  withoutHighlights: 'estimatedTotal degraded hits { experiment { id slug title } } facets { field values { value count } }',
  withoutFacets: 'estimatedTotal degraded hits { experiment { id slug title } highlights { field snippet } matchedFields }',
  bareHits: 'estimatedTotal hits { experiment { id } }',
  // What the web client's results page asks (apps/web/src/operations/pages.graphql, SearchPage), answered from plain
  // rows (experiment-row.ts); the same with one field more (`version`), which makes every hit an entity.
  webResultsPage: WEB_RESULTS_PAGE,
  webResultsPageAsEntities: WEB_RESULTS_PAGE.replace('stage registered', 'stage version registered'),
};

type Query = (typeof QUERIES)[number];

async function askApi(url: string, selection: string, query: Query): Promise<void> {
  const body = (await http(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `query($query: String!, $filter: SearchFilter) { search(query: $query, filter: $filter, first: 20) { ${selection} } }`, variables: query }),
  })) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** Runs every query `rounds` times, one at a time; CPU used per search by each process, and the latency p50. */
async function cpuPerSearch(run: (query: Query) => Promise<void>, pids: Record<string, number>, rounds: number) {
  for (const query of QUERIES) await run(query); // warm
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of QUERIES) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
  }
  const searches = rounds * QUERIES.length;
  const cpu = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, round((cpuMs(pid) - before[name]!) / searches, 2)]));
  return { cpuMsPerSearch: cpu, latencyP50: round(percentile(times, 50), 2) };
}

/** The pieces of a search, timed in this process (ms per search, the mean over every query and round). */
async function pieces(dataDir: string, index: SearchIndex, rounds: number): Promise<Record<string, number>> {
  const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
  const totals: Record<string, number> = {};
  const time = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    totals[name] = (totals[name] ?? 0) + performance.now() - started;
    return result;
  };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const query of QUERIES) {
        const understood = await time('read the query', () => understandSearch(query.query, query.filter as never, false));
        const params = engineParams({ query: query.query, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 20 }, 0, understood);
        const answer = JSON.stringify(await index.search(understood.engineQuery, params));
        const response = await time("parse the engine's answer (JSON)", () => JSON.parse(answer) as Awaited<ReturnType<SearchIndex['search']>>);
        const page = (await time('re-rank the first 100 hits', () => rerank(response.hits, understood))).slice(0, 20);
        const ids = page.map((hit) => hit.id);
        await time("re-read the page's 20 experiments as entities (MikroORM)", () => entityManager(orm).fork().find(Experiment, { id: { $in: ids } }));
        const columns = await time("re-read the page's 20 experiments' columns (plain SQL)", () => searchableColumns(entityManager(orm).fork(), ids));
        const texts = await time("read the text behind the page's highlights (plain SQL)", () => hitTexts(entityManager(orm).fork(), ids));
        await time('snippets and matched fields', () => [...columns.values()].map((experiment) => matchesOf(experiment, texts.get(experiment.id) ?? {}, understood.matches)));
      }
    }
  } finally {
    await orm.close();
  }
  return Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, round(total / (rounds * QUERIES.length), 3)]));
}

/** The engine request a search makes (the words and parameters the API would send), through the bare proxy. */
async function viaBareProxy(url: string, query: Query): Promise<void> {
  const understood = understandSearch(query.query, query.filter as never, false);
  const params = engineParams({ query: query.query, filter: query.filter as never, sort: SearchSort.RELEVANCE, first: 20 }, 0, understood);
  await http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: understood.engineQuery, ...params }) });
}

async function startBareProxy(meili: LocalMeilisearch): Promise<{ url: string; pid: number; stop(): void }> {
  const port = await freePort();
  const child = fork(fileURLToPath(new URL('./bare-proxy.js', import.meta.url)), [meili.url, meili.masterKey ?? '', String(port)], { stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare proxy exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid!, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const size = Number(argument('size', '10000'));
  const rounds = Number(argument('rounds', '3'));
  const loadAtStart = loadavg().map((load) => round(load, 2));
  const dataDir = mkdtempSync(join(tmpdir(), `synapse-profile-${size}-`));
  let meili: LocalMeilisearch | null = null;
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    await seedCorpus(dataDir, size);
    meili = await LocalMeilisearch.start({ dataDir });
    const index = new SearchIndex({ url: meili.url, apiKey: meili.masterKey, index: 'experiments', timeoutMs: 60_000 });
    const orm = await openDatabase({ sqlitePath: join(dataDir, 'synapse.sqlite') });
    await index.rebuild(allDocuments(entityManager(orm).fork(), 1000));
    await orm.close();
    api = await startApi(dataDir, meili);
    await jobsDone(dataDir);
    const pids = { api: api.child.pid!, meilisearch: meili.pid! };
    const perSearch: Record<string, unknown> = {};
    perSearch.meilisearchDirect = await cpuPerSearch((query) => viaMeili(index, query), pids, rounds);
    const proxy = await startBareProxy(meili);
    const floor: Record<string, unknown> = {};
    try {
      perSearch.bareProxy = await cpuPerSearch((query) => viaBareProxy(proxy.url, query), { proxy: proxy.pid, meilisearch: meili.pid! }, rounds);
      for (const concurrency of [1, 8]) {
        // Each beside Meilisearch direct in alternating passes; the API asked as bench:search asks.
        const paths = { bareProxy: (query: Query) => viaBareProxy(proxy.url, query), api: (query: Query) => askApi(api!.url, SELECTIONS.everything, query) };
        for (const [name, path] of Object.entries(paths)) {
          const [via, direct] = await sideBySide(path, (query) => viaMeili(index, query), concurrency, rounds * 2);
          const [p, d] = [summary(via), summary(direct)];
          floor[`${name}_concurrency${concurrency}`] = { [name]: p, meilisearch: d, ratio: { p50: round(p.p50 / d.p50, 2), p95: round(p.p95 / d.p95, 2) } };
          console.log(`  ${name} against Meilisearch, concurrency ${concurrency}: ${JSON.stringify(floor[`${name}_concurrency${concurrency}`])}`);
        }
      }
    } finally {
      proxy.stop();
    }
    for (const [name, selection] of Object.entries(SELECTIONS)) perSearch[`api_${name}`] = await cpuPerSearch((query) => askApi(api!.url, selection, query), pids, rounds);
    // The floor: the same HTTP request through Express, Apollo and the plugins, asking for nothing but `__typename`.
    perSearch.api_httpAndGraphqlOnly = await cpuPerSearch(async () => {
      await http(`${api!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    }, pids, rounds);
    for (const [name, figures] of Object.entries(perSearch)) console.log(`  ${name}: ${JSON.stringify(figures)}`);
    const inProcess = await pieces(dataDir, index, rounds);
    for (const [name, ms] of Object.entries(inProcess)) console.log(`  ${name}: ${ms} ms`);
    const machine = { node: process.version, date: new Date().toISOString(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((load) => round(load, 2)) };
    writeFileSync(RESULTS, `${JSON.stringify({ machine, size, rounds, queries: QUERIES.length, perSearch, floor, inProcess }, null, 2)}\n`);
    console.log(`Results written to ${RESULTS}`);
  } finally {
    if (api) await stopApi(api);
    await meili?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
