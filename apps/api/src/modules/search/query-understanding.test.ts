import { BudgetBand, Nation, RuralUrbanClass, Stage, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { type RankedHit, rankedFields, rerank } from './query-understanding.js';
import { SearchIntent } from './search-interpretation.types.js';

// Each rule of query understanding, end to end through GraphQL and a real Meilisearch: every expectation here
// fails if its rule is taken out.

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ search: true });
  const city = await buildCouncil(h.em(), { name: 'Brackton', ruralUrbanClass: RuralUrbanClass.URBAN });
  const wales = await buildCouncil(h.em(), { name: 'Cwm Glas', nation: Nation.WALES, region: 'Wales', ruralUrbanClass: RuralUrbanClass.URBAN });
  const dales = await buildCouncil(h.em(), { name: 'Dalesmoor', ruralUrbanClass: RuralUrbanClass.SPARSE_AND_RURAL });
  const build = async (title: string, spec: { lead?: typeof city; outcome?: [Verdict, number]; stage?: Stage; budget?: BudgetBand } = {}) => {
    const experiment = await buildExperiment(h.em(), {
      lead: spec.lead ?? city,
      title,
      stage: spec.stage,
      outcomes: spec.outcome ? [{ verdict: spec.outcome[0], evidenceLevel: spec.outcome[1] }] : [],
    });
    if (spec.budget) await h.em().nativeUpdate(Experiment, { id: experiment.id }, { budgetBand: spec.budget });
  };
  await build('Roadside cameras to deter fly-tipping', { outcome: [Verdict.WORKED, 4], budget: BudgetBand.FROM_250K_TO_1M });
  await build('Fly-tipping fines in back alleys', { outcome: [Verdict.NO_EFFECT, 2], stage: Stage.STOPPED, budget: BudgetBand.UNDER_10K });
  await build('Telephone befriending for isolated older people', { outcome: [Verdict.WORKED, 2], lead: wales });
  await build('Befriending visits for older people at home', { outcome: [Verdict.WORKED, 4], lead: dales });
  await build('Befriending by letter', { lead: city });
  await build('Befriending by letter', { lead: city, outcome: [Verdict.WORKED, 1] });
  await build('Self-isolation payments during COVID-19', { outcome: [Verdict.WORKED, 2] });
  await build('Home insulation for fuel-poor households', { outcome: [Verdict.WORKED, 3] });
  await build('Ending homelessness with Housing First', { outcome: [Verdict.WORKED, 2] });
  await build('Volunteer drivers for hospital discharge', { outcome: [Verdict.WORKED, 2] });
  await build('Fixing carriageway defects right first time', { outcome: [Verdict.WORKED, 2] });
  // Outcome titles are searchable: keep the factory's generic ones out of the way.
  await h.em().nativeUpdate(Outcome, {}, { title: 'Result' });
  await h.syncSearch();
});
afterAll(async () => {
  await h.close();
});

const SEARCH = `query($query: String!, $exact: Boolean, $filter: SearchFilter) {
  search(query: $query, exact: $exact, filter: $filter) {
    hits { experiment { title } highlights { field snippet } }
    interpretation { exact keywords ignoredWords expansions { term meaning } intents { intent term }
      placesPreferred { field value label term } exactQueryAvailable }
  }
}`;

async function search(query: string, variables: Record<string, unknown> = {}) {
  const result = await h.run(SEARCH, { query, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data.search as { hits: { experiment: { title: string }; highlights: { field: string; snippet: string }[] }[]; interpretation: any };
}
const titles = async (query: string, variables?: Record<string, unknown>) => (await search(query, variables)).hits.map((hit) => hit.experiment.title);

describe('query understanding', () => {
  it('keeps the topic of a question: stop and question words are not searched', async () => {
    const result = await search('has anyone tried befriending for older people?');
    expect(result.hits.map((hit) => hit.experiment.title).slice(0, 2).sort()).toEqual(['Befriending visits for older people at home', 'Telephone befriending for isolated older people']);
    expect(result.hits.every((hit) => hit.experiment.title.includes('efriending'))).toBe(true);
    expect(result.interpretation.ignoredWords).toEqual(expect.arrayContaining(['has', 'anyone', 'tried', 'for']));
    expect(result.interpretation.exactQueryAvailable).toBe(true);
  });

  it('finds word forms through stems ("homeless" finds homelessness, not home insulation)', async () => {
    expect(await titles('homeless')).toEqual(['Ending homelessness with Housing First']);
  });

  it('reads everyday words as the words councils write, and says so', async () => {
    const result = await search('potholes');
    expect(result.hits.map((hit) => hit.experiment.title)).toEqual(['Fixing carriageway defects right first time']);
    expect(result.interpretation.expansions).toContainEqual({ term: 'potholes', meaning: 'carriageway defects' });
    expect(result.hits[0]?.highlights[0]?.snippet).toBe('Fixing <mark>carriageway</mark> <mark>defects</mark> right first time');
  });

  it('does not read loneliness as self-isolation', async () => {
    expect(await titles('loneliness')).not.toContain('Self-isolation payments during COVID-19');
  });

  it('ranks failed, mixed and stopped results first when asked what did not work', async () => {
    const result = await search("what didn't work for fly-tipping");
    expect(result.hits.map((hit) => hit.experiment.title)).toEqual(['Fly-tipping fines in back alleys', 'Roadside cameras to deter fly-tipping']);
    expect(result.interpretation.intents).toEqual([{ intent: 'FAILED_FIRST', term: "didn't work" }]);
  });

  it('ranks stronger evidence first when asked for evidence', async () => {
    expect((await titles('befriending evidence'))[0]).toBe('Befriending visits for older people at home');
  });

  it('ranks the lowest cost bands first when asked for cheap ideas', async () => {
    expect((await titles('cheap fly-tipping ideas'))[0]).toBe('Fly-tipping fines in back alleys');
  });

  it('ranks results from rural councils first for "rural"', async () => {
    const result = await search('rural befriending');
    expect(result.hits[0]?.experiment.title).toBe('Befriending visits for older people at home');
    expect(result.interpretation.intents.map((i: { intent: string }) => i.intent)).toEqual(['RURAL_FIRST']);
  });

  it('ranks results from a nation named in the words first, and says so', async () => {
    const result = await search('befriending in Wales');
    expect(result.hits[0]?.experiment.title).toBe('Telephone befriending for isolated older people');
    expect(result.hits).toHaveLength(4);
    expect(result.interpretation.placesPreferred).toEqual([{ field: 'nations', value: 'WALES', label: 'Wales', term: 'in Wales' }]);
  });

  it('among equally relevant results, puts a pilot with outcomes above an idea with none', async () => {
    const result = await h.run('query { search(query: "befriending by letter") { hits { experiment { title outcomes { id } } } } }');
    const letters = result.data.search.hits.filter((hit: any) => hit.experiment.title === 'Befriending by letter');
    expect(letters.map((hit: any) => hit.experiment.outcomes.length)).toEqual([1, 0]);
  });

  it('searches exactly what was typed when asked: every word, nothing read into it', async () => {
    const exact = await search("what didn't work for fly-tipping", { exact: true });
    expect(exact.hits).toEqual([]);
    expect(exact.interpretation).toMatchObject({ exact: true, intents: [], expansions: [], exactQueryAvailable: false });
    expect(await titles('befriending older people', { exact: true })).toHaveLength(2);
  });

  it('never highlights stop words', async () => {
    const result = await search('befriending for older people at home');
    const snippets = result.hits.flatMap((hit) => hit.highlights.map((highlight) => highlight.snippet));
    expect(snippets).toContain('<mark>Befriending</mark> visits for <mark>older</mark> <mark>people</mark> at <mark>home</mark>');
  });
});

describe('suggestions', () => {
  const suggest = async (prefix: string) =>
    ((await h.run('query($p: String!) { searchSuggestions(prefix: $p) { title } }', { p: prefix })).data.searchSuggestions as { title: string }[]).map((s) => s.title);

  it('suggests titles whose words begin with what is being typed, never a typo away ("hous" is not "hospital")', async () => {
    const hous = await suggest('hous');
    expect(hous).toContain('Ending homelessness with Housing First');
    expect(hous).not.toContain('Volunteer drivers for hospital discharge');
    expect(await suggest('befriending old')).toEqual(expect.arrayContaining(['Befriending visits for older people at home']));
  });
});

describe('the fields the engine sends for re-ranking', () => {
  it('are all a re-ranking reads: the order from them alone is the order from every field, for each intent and place', () => {
    const hits: (RankedHit & { id: string })[] = Array.from({ length: 60 }, (_, n) => ({
      id: `e${n}`,
      _rankingScore: 0.9 - (n % 7) * 0.01,
      maxEvidenceLevel: n % 5,
      stage: n % 4 === 0 ? 'STOPPED' : 'RUNNING',
      verdicts: n % 3 === 0 ? [Verdict.NO_EFFECT] : [Verdict.WORKED],
      costBand: n % 2 ? 'UNDER_10K' : 'OVER_1M',
      ruralUrbanClass: n % 5 === 1 ? 'SPARSE_AND_RURAL' : 'URBAN',
      nation: n % 6 === 2 ? 'WALES' : 'ENGLAND',
      region: n % 7 === 3 ? 'North West' : 'London',
      leadGssCode: n % 8 === 4 ? 'E06000052' : 'E09000001',
      placeGssCodes: n % 9 === 5 ? ['E06000052'] : [],
      reviewBase: 20200101 + (n % 2) * 40000,
    }));
    const places = [
      { field: 'nations', value: 'WALES', label: 'Wales', term: 'wales' },
      { field: 'regions', value: 'North West', label: 'North West', term: 'north west' },
      { field: 'organisations', value: 'E06000052', label: 'Cornwall', term: 'cornwall' },
    ];
    for (const intent of Object.values(SearchIntent)) {
      for (const place of [undefined, ...places]) {
        const understood = { intents: [intent], places: place ? [place] : [] };
        const fields = rankedFields(understood, true);
        const sent = hits.map((hit) => ({ id: hit.id, _rankingScore: hit._rankingScore, ...Object.fromEntries(fields.map((field) => [field, hit[field]])) }));
        const order = (list: { id: string }[]) => list.map((hit) => hit.id);
        expect(order(rerank(sent, understood, 20220101)), `${intent} ${place?.field ?? 'no place'}`).toEqual(order(rerank(hits, understood, 20220101)));
      }
    }
    expect(rankedFields({ intents: [], places: [] }, false)).toEqual(['maxEvidenceLevel']);
  });
});
