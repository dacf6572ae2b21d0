import { EvaluationDesign, GoodDirection } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { rerank } from '../search/query-understanding.js';
import { MeasureRegistration } from './measure-registration.entity.js';

// Search and freshness: records overdue for review rank below current ones at equal relevance (never above a
// more relevant or better-evidenced one), and hits say whether their measures were registered (the badge).

let h: Harness;
let database: Harness;
let council: Organisation;
beforeAll(async () => {
  h = await createHarness({ search: true });
  database = await createHarness(); // no search engine: search answers from the database
  council = await buildCouncil(h.em());
});
afterAll(async () => {
  await h.close();
  await database.close();
});

const SEARCH = `query($query: String!, $filter: SearchFilter) {
  search(query: $query, filter: $filter, first: 20) { degraded hits { experiment { id registered } } }
}`;

async function hitIds(harness: Harness, query: string): Promise<string[]> {
  const result = await harness.run(SEARCH, { query });
  expect(result.errors).toBeUndefined();
  return result.data.search.hits.map((hit: { experiment: { id: string } }) => hit.experiment.id);
}

/** An experiment whose review cycle counts from `changedOn` (its last substantive change). */
async function changedOn(harness: Harness, lead: Organisation, title: string, date: string): Promise<string> {
  const experiment = await buildExperiment(harness.em(), { lead, title });
  await harness.em().nativeUpdate(Experiment, { id: experiment.id }, { contentChangedAt: new Date(`${date}T09:00:00Z`), publishedAt: new Date(`${date}T09:00:00Z`) });
  return experiment.id;
}

describe('records overdue for review in relevance ranking', () => {
  it('rank below current ones at equal relevance, whichever of the two the engine returned first', async () => {
    // Two pairs of identical write-ups: in one the first created is overdue, in the other the second. Without the
    // rank-down, the engine's tie order would put an overdue record first in one of the pairs.
    const firstStale = await changedOn(h, council, 'Grit bins adopted by street champions', '2027-01-10');
    const firstCurrent = await changedOn(h, council, 'Grit bins adopted by street champions', '2028-09-01');
    const secondCurrent = await changedOn(h, council, 'Swap shops for school uniforms', '2028-09-01');
    const secondStale = await changedOn(h, council, 'Swap shops for school uniforms', '2027-01-10');
    await h.syncSearch();
    h.clock.set('2029-03-01T12:00:00Z'); // review cutoff 2028-03-01: the 2027 records are overdue, the 2028 ones are not
    expect(await hitIds(h, 'grit bins street champions')).toEqual([firstCurrent, firstStale]);
    expect(await hitIds(h, 'swap shops school uniforms')).toEqual([secondCurrent, secondStale]);

    // Once all four are overdue, none is ranked down against another: both pairs keep the engine's order.
    h.clock.set('2031-03-01T12:00:00Z');
    expect((await hitIds(h, 'grit bins street champions')).sort()).toEqual([firstCurrent, firstStale].sort());
  });

  it('never go below a more relevant current match: the rank-down only breaks ties', async () => {
    const staleButOnTopic = await changedOn(h, council, 'Library of things lending power tools', '2027-01-10');
    const currentOffTopic = await changedOn(h, council, 'Lending power tools from the community centre', '2028-09-01');
    await h.syncSearch();
    h.clock.set('2029-03-01T12:00:00Z');
    const ids = await hitIds(h, 'library of things power tools');
    expect(ids.indexOf(staleButOnTopic)).toBe(0);
    expect(ids.indexOf(currentOffTopic)).not.toBe(0);
  });

  it('only break exact ties: any difference in relevance or evidence comes first (the re-ranking itself)', () => {
    const cutoff = 20280301;
    const ranked = (hits: { id: string; _rankingScore: number; maxEvidenceLevel?: number; reviewBase: number }[]) =>
      rerank(hits, { intents: [], places: [] }, cutoff).map((hit) => hit.id);
    // Equal relevance and evidence: the current record first, though the engine returned the overdue one first.
    expect(ranked([{ id: 'overdue', _rankingScore: 0.9, reviewBase: 20270110 }, { id: 'current', _rankingScore: 0.9, reviewBase: 20280901 }])).toEqual(['current', 'overdue']);
    // Better evidence outweighs being overdue.
    expect(
      ranked([{ id: 'current', _rankingScore: 0.9, maxEvidenceLevel: 2, reviewBase: 20280901 }, { id: 'overdue', _rankingScore: 0.9, maxEvidenceLevel: 3, reviewBase: 20270110 }]),
    ).toEqual(['overdue', 'current']);
    // Any difference in relevance, however small, outweighs it: it is only a tie-breaker.
    expect(ranked([{ id: 'current', _rankingScore: 0.8999, reviewBase: 20280901 }, { id: 'overdue', _rankingScore: 0.9, reviewBase: 20270110 }])).toEqual(['overdue', 'current']);
    // With no review cutoff (a caller that does not know the date), nothing moves.
    expect(
      rerank([{ id: 'overdue', _rankingScore: 0.9, reviewBase: 20270110 }, { id: 'current', _rankingScore: 0.9, reviewBase: 20280901 }], { intents: [], places: [] }).map((hit) => hit.id),
    ).toEqual(['overdue', 'current']);
  });
});

async function register(harness: Harness, experimentId: string): Promise<void> {
  const em = harness.em();
  em.create(MeasureRegistration, {
    experiment: experimentId,
    measures: [{ name: 'Repeat calls within a month', baseline: 120, unit: 'calls', goodDirection: GoodDirection.DOWN }],
    evaluationDesign: EvaluationDesign.BEFORE_AFTER,
    targetEvidenceLevel: 2,
    registeredAt: new Date('2028-01-05T10:00:00Z'),
  });
  await em.flush();
}

describe('search hits say whether measures were registered', () => {
  for (const engine of ['Meilisearch', 'the database fallback'] as const) {
    it(`in ${engine}, at no extra SQL statement per hit`, async () => {
      const harness = engine === 'Meilisearch' ? h : database;
      const lead = engine === 'Meilisearch' ? council : await buildCouncil(harness.em());
      const registered: string[] = [];
      const plain: string[] = [];
      for (let n = 0; n < 3; n++) {
        registered.push((await buildExperiment(harness.em(), { lead, title: `Hoarding support visits ${n}` })).id);
        plain.push((await buildExperiment(harness.em(), { lead, title: `Hoarding support drop-ins ${n}` })).id);
      }
      for (const id of registered) await register(harness, id);
      await harness.syncSearch();
      harness.clock.set(new Date());

      const result = await harness.run(SEARCH, { query: 'hoarding support' });
      expect(result.errors).toBeUndefined();
      expect(result.data.search.degraded).toBe(engine !== 'Meilisearch');
      const flags = new Map(result.data.search.hits.map((hit: { experiment: { id: string; registered: boolean } }) => [hit.experiment.id, hit.experiment.registered]));
      for (const id of registered) expect(flags.get(id)).toBe(true);
      for (const id of plain) expect(flags.get(id)).toBe(false);

      // The registered filter and the flag agree.
      const filtered = await harness.run(SEARCH, { query: 'hoarding support', filter: { registered: true } });
      expect(filtered.data.search.hits.map((hit: { experiment: { id: string } }) => hit.experiment.id).sort()).toEqual([...registered].sort());

      const withFlag = await harness.countQueries(() => harness.run(SEARCH, { query: 'hoarding support' }));
      const withoutFlag = await harness.countQueries(() =>
        harness.run('query($query: String!) { search(query: $query, first: 20) { hits { experiment { id } } } }', { query: 'hoarding support' }),
      );
      expect(withFlag).toBe(withoutFlag);
    });
  }
});
