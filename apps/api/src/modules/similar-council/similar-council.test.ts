import { ExperimentStatus, OrganisationKind, Verdict } from '@synapse/domain';
import { neighboursOf } from '@synapse/reference-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { loadReferenceCouncils } from '../organisation/organisation.service.js';
import { searchPreferringSimilar } from '../search/search-similar.js';
import { search } from '../search/search.service.js';
import { SearchSort } from '../search/search.inputs.js';

const WIGAN = 'E08000010';
const CAMDEN = 'E09000007';
const GREATER_MANCHESTER = 'E47000001';

let h: Harness;
const council = (gssCode: string) => h.em().findOneOrFail(Organisation, { gssCode });
const [first, second] = neighboursOf(WIGAN, 2).map((n) => n.gssCode) as [string, string];
beforeAll(async () => {
  h = await createHarness({ search: true });
  await loadReferenceCouncils(h.em());
  const [wigan, near, nearer, camden] = await Promise.all([council(WIGAN), council(second), council(first), council(CAMDEN)]);
  const partner = await buildCouncil(h.em(), { kind: OrganisationKind.VOLUNTARY_AND_COMMUNITY, gssCode: null, name: 'Friends of the Valley' });
  await buildExperiment(h.em(), { lead: nearer, title: 'Led by the nearest neighbour', outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }] });
  await buildExperiment(h.em(), { lead: camden, places: [camden, near], title: 'Led elsewhere, run in a neighbour', outcomes: [{ verdict: Verdict.MIXED }] });
  await buildExperiment(h.em(), { lead: wigan, title: 'Led by Wigan itself' });
  await buildExperiment(h.em(), { lead: camden, title: 'Led by Camden only' });
  await buildExperiment(h.em(), { lead: partner, title: 'Led by a charity' });
  await buildExperiment(h.em(), { lead: nearer, title: 'A draft in a neighbour', status: ExperimentStatus.DRAFT });
  await h.syncSearch();
});
afterAll(async () => {
  await h.close();
});

const SIMILAR = `query($gssCode: String!, $first: Int) {
  organisation(gssCode: $gssCode) { name similarCouncils(first: $first) { similarity distance shared reasons organisation { gssCode name } } }
}`;

describe('Organisation.similarCouncils', () => {
  it('lists the reference neighbours nearest first, with similarity and reasons', async () => {
    const result = await h.run(SIMILAR, { gssCode: WIGAN, first: 5 });
    expect(result.errors).toBeUndefined();
    const similar = result.data.organisation.similarCouncils;
    expect(similar.map((s: any) => s.organisation.gssCode)).toEqual(neighboursOf(WIGAN, 5).map((n) => n.gssCode));
    for (const s of similar) {
      expect(s.similarity).toBeGreaterThan(0);
      expect(s.similarity).toBeLessThanOrEqual(1);
      expect(s.reasons.length).toBe(s.shared.length);
    }
    expect(similar[0].shared).toContain('SAME_TIER');
    expect(similar[0].reasons).toContain('both metropolitan boroughs');
  });

  it('refuses more than 15 and gives none to combined authorities', async () => {
    const tooMany = await h.run(SIMILAR, { gssCode: WIGAN, first: 16 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const combined = await h.run(SIMILAR, { gssCode: GREATER_MANCHESTER, first: 5 });
    expect(combined.data.organisation.similarCouncils).toEqual([]);
  });

  it('costs one organisation query for a whole page of councils (no N+1)', async () => {
    const page = (size: number) => h.run(`{ organisations(first: ${size}, filter: { types: [METROPOLITAN_DISTRICT] }) { nodes { similarCouncils(first: 5) { organisation { name } } } } }`);
    const two = await h.countQueries(() => page(2));
    const twenty = await h.countQueries(() => page(20));
    expect(twenty).toBe(two);
    const result = await page(20);
    expect(result.data.organisations.nodes.every((n: any) => n.similarCouncils.length === 5)).toBe(true);
  });

  it('gives the alternative names the matcher uses', async () => {
    const result = await h.run('{ organisation(gssCode: "E06000010") { name alternativeNames } }');
    expect(result.data.organisation.alternativeNames).toContain('hull city council');
  });
});

const LIST = `query($filter: ExperimentFilter) { experiments(filter: $filter, first: 50) { nodes { title } } }`;
const SEARCH = `query($filter: SearchFilter, $prefer: String, $first: Int, $after: String) {
  search(query: "", filter: $filter, preferSimilarTo: $prefer, first: $first, after: $after, sort: NEWEST) {
    degraded estimatedTotal pageInfo { hasNextPage endCursor } hits { experiment { title } }
  }
}`;
const LIKE_WIGAN = ['Led by the nearest neighbour', 'Led elsewhere, run in a neighbour'];

describe('the similarToCouncil filter', () => {
  it('keeps exactly the published experiments led by or run in the neighbours, in the experiments list', async () => {
    const result = await h.run(LIST, { filter: { similarToCouncil: WIGAN } });
    expect(result.errors).toBeUndefined();
    expect(result.data.experiments.nodes.map((n: any) => n.title).sort()).toEqual(LIKE_WIGAN);
    const nearestOnly = await h.run(LIST, { filter: { similarToCouncil: WIGAN, similarCount: 1 } });
    expect(nearestOnly.data.experiments.nodes.map((n: any) => n.title)).toEqual(['Led by the nearest neighbour']);
  });

  it('keeps exactly the same experiments through Meilisearch and through the database fallback', async () => {
    const result = await h.run(SEARCH, { filter: { similarToCouncil: WIGAN } });
    expect(result.errors).toBeUndefined();
    expect(result.data.search.degraded).toBe(false);
    expect(result.data.search.hits.map((hit: any) => hit.experiment.title).sort()).toEqual(LIKE_WIGAN);
    const fallback = await search(h.em(), null, { query: '', filter: { similarToCouncil: WIGAN } as never, sort: SearchSort.NEWEST, first: 20 });
    expect(fallback.degraded).toBe(true);
    expect(fallback.hits.map((hit) => hit.experiment.title).sort()).toEqual(LIKE_WIGAN);
    const nearestOnly = await h.run(SEARCH, { filter: { similarToCouncil: WIGAN, similarCount: 1 } });
    expect(nearestOnly.data.search.hits.map((hit: any) => hit.experiment.title)).toEqual(['Led by the nearest neighbour']);
  });

  it('refuses codes that are not councils with neighbours, naming the field', async () => {
    for (const [code, field] of [['E99999999', 'filter.similarToCouncil'], [GREATER_MANCHESTER, 'filter.similarToCouncil']] as const) {
      const listed = await h.run(LIST, { filter: { similarToCouncil: code } });
      expect(errorCodes(listed)).toEqual(['BAD_USER_INPUT']);
      expect(listed.errors?.[0]?.extensions?.field).toBe(field);
      const searched = await h.run(SEARCH, { filter: { similarToCouncil: code } });
      expect(errorCodes(searched)).toEqual(['BAD_USER_INPUT']);
    }
    const malformed = await h.run(LIST, { filter: { similarToCouncil: '" OR 1=1' } });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const tooMany = await h.run(LIST, { filter: { similarToCouncil: WIGAN, similarCount: 16 } });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('search preferSimilarTo', () => {
  it('ranks the neighbours\' experiments first, then the rest, across pages without repeats', async () => {
    const titles: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 6; pages++) {
      const result: any = await h.run(SEARCH, { prefer: WIGAN, first: 1, after });
      expect(result.errors).toBeUndefined();
      expect(result.data.search.estimatedTotal).toBe(5);
      titles.push(...result.data.search.hits.map((hit: any) => hit.experiment.title));
      if (!result.data.search.pageInfo.hasNextPage) break;
      after = result.data.search.pageInfo.endCursor;
    }
    expect(titles.slice(0, 2).sort()).toEqual(LIKE_WIGAN);
    expect(titles.slice(2).sort()).toEqual(['Led by Camden only', 'Led by Wigan itself', 'Led by a charity']);
  });

  it('does the same from the database when the search engine is away', async () => {
    const result = await searchPreferringSimilar(h.em(), null, { query: '', sort: SearchSort.NEWEST, first: 10 }, WIGAN);
    expect(result.degraded).toBe(true);
    expect(result.estimatedTotal).toBe(5);
    const titles = result.hits.map((hit) => hit.experiment.title);
    expect(titles.slice(0, 2).sort()).toEqual(LIKE_WIGAN);
    expect(titles.slice(2).sort()).toEqual(['Led by Camden only', 'Led by Wigan itself', 'Led by a charity']);
  });
});
