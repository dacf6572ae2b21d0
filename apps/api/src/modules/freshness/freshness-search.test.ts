import { EvaluationDesign, GoodDirection } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { MeasureRegistration } from './measure-registration.entity.js';

// Search and freshness: hits say whether their measures were registered (the badge).

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
