import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { breakerFor, type SearchBreaker } from './search-breaker.js';
import { SearchIndex } from './search-index.js';

/**
 * A TCP stand-in for Meilisearch that is either healthy (a pipe to the real one) or hung (accepts connections,
 * reads the requests, never answers). It counts the search requests that reach it while hung.
 */
class SwitchableEngine {
  readonly server: Server;
  private hung = false;
  private readonly sockets = new Set<Socket>();
  /** Search requests received while hung, other than the breaker's probes (which ask for `limit: 0`). */
  searchesWhileHung = 0;

  constructor(target: URL) {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      if (this.hung) {
        socket.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          if (text.includes('/search') || text.includes('"q"')) {
            if (!text.includes('"limit":0')) this.searchesWhileHung += 1;
          }
        });
        return;
      }
      const upstream = connect(Number(target.port), target.hostname);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** Switches mode and drops every open connection (the client's keep-alive sockets included). */
  set(hung: boolean): void {
    this.hung = hung;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  close(): Promise<void> {
    this.set(false);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const SEARCH = 'query($q: String!) { search(query: $q) { degraded hits { experiment { title } } } }';

let engine: SwitchableEngine;
let h: Harness;
let breaker: SearchBreaker;
const logged: string[] = [];

beforeAll(async () => {
  engine = new SwitchableEngine(new URL(inject('meiliUrl')));
  const url = await engine.listen();
  const index = new SearchIndex({ url, apiKey: inject('meiliKey'), index: `test_${randomBytes(6).toString('hex')}`, timeoutMs: 400 });
  h = await createHarness({ search: index });
  breaker = breakerFor(index, { failureThreshold: 3, probeMs: 50, maxProbeMs: 200, log: (message) => logged.push(message) });
  const em = h.em();
  await buildExperiment(em, { lead: await buildCouncil(em), title: 'Compost bins for flats' });
  await h.syncSearch();
});

afterAll(async () => {
  breaker?.stop();
  await engine?.close();
  await h?.close();
});

async function search(query: string): Promise<{ degraded: boolean; titles: string[] }> {
  const result = await h.run(SEARCH, { q: query });
  expect(result.errors).toBeUndefined();
  return { degraded: result.data.search.degraded, titles: result.data.search.hits.map((hit: any) => hit.experiment.title) };
}

describe('the search circuit breaker', () => {
  it('opens on a hung engine, answers from the database without calling it, and closes once the engine recovers', async () => {
    // The engine answers: its results (typo tolerance is the engine's, not the database's).
    expect(await search('compst')).toEqual({ degraded: false, titles: ['Compost bins for flats'] });
    expect(breaker.current).toBe('closed');

    engine.set(true);
    // The first failures wait for the engine's timeout, then answer degraded; then the breaker opens.
    for (let n = 0; n < 3; n++) expect(await search('compost')).toEqual({ degraded: true, titles: ['Compost bins for flats'] });
    expect(breaker.current).not.toBe('closed');
    const reachedEngine = engine.searchesWhileHung;
    expect(reachedEngine).toBeGreaterThan(0);
    // Why, logged once, with the engine's error.
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/degraded .*3 times in a row, last with: .*(aborted|timed out)/);

    // While open, searches answer degraded without sending anything to the engine (only the probes reach it).
    for (let n = 0; n < 20; n++) expect(await search('composting')).toEqual({ degraded: true, titles: ['Compost bins for flats'] });
    expect(engine.searchesWhileHung).toBe(reachedEngine);
    expect(logged).toHaveLength(1);

    engine.set(false);
    await expect.poll(() => breaker.current, { timeout: 10_000, interval: 50 }).toBe('closed');
    expect(logged[1]).toMatch(/recovered/);
    expect(await search('compst')).toEqual({ degraded: false, titles: ['Compost bins for flats'] });
  });
});
