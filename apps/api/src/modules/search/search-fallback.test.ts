import {
  ArtefactType,
  BudgetBand,
  CouncilType,
  ExperimentStatus,
  Nation,
  RuralUrbanClass,
  Stage,
  Verdict,
} from '@synapse/domain';
import { neighboursOf } from '@synapse/reference-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

// Degraded search (no engine: the harness has no Meilisearch) answers from the database's own full-text
// search and applies every filter the engine does.
let h: Harness;
let elsewhere: Organisation;

const SEARCH = `query($q: String!, $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  search(query: $q, filter: $filter, sort: $sort, first: $first, after: $after) {
    degraded estimatedTotal hits { experiment { title } } pageInfo { hasNextPage endCursor }
  }
}`;

async function titles(query: string, filter: Record<string, unknown> | null = null, sort = 'RELEVANCE'): Promise<string[]> {
  const result = await h.run(SEARCH, { q: query, filter, sort });
  expect(result.errors).toBeUndefined();
  expect(result.data.search.degraded).toBe(true);
  return result.data.search.hits.map((hit: any) => hit.experiment.title);
}

beforeAll(async () => {
  h = await createHarness();
  const em = h.em();
  const north = await buildCouncil(em, {
    nation: Nation.ENGLAND,
    region: 'North West',
    councilType: CouncilType.METROPOLITAN_DISTRICT,
    ruralUrbanClass: RuralUrbanClass.URBAN,
    deprivationQuintile: 1,
    population: 80_000,
  });
  const wales = await buildCouncil(em, {
    nation: Nation.WALES,
    region: 'Wales',
    councilType: CouncilType.WELSH_UNITARY_AUTHORITY,
    ruralUrbanClass: RuralUrbanClass.SPARSE_AND_RURAL,
    deprivationQuintile: 5,
    population: 1_200_000,
  });
  elsewhere = await buildCouncil(em, { region: 'London' });
  const alpha = await buildExperiment(em, {
    lead: north,
    title: 'Alpha compost bins for flats',
    serviceAreas: ['waste'],
    stage: Stage.PILOT,
    places: [north, elsewhere],
    outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 4 }],
    artefacts: 1,
  });
  const beta = await buildExperiment(em, {
    lead: wales,
    title: 'Beta befriending calls for carers',
    serviceAreas: ['adult-social-care'],
    stage: Stage.IDEA,
    outcomes: [{ verdict: Verdict.NO_EFFECT, evidenceLevel: 1 }],
  });
  await buildExperiment(em, { lead: north, title: 'Gamma draft about compost', status: ExperimentStatus.DRAFT });
  // Edited after creation: the full-text data follows the edits in the same transaction.
  Object.assign(alpha, { budgetBand: BudgetBand.UNDER_10K, themes: ['prevention'], startDate: '2022-03-01', endDate: '2022-11-30' });
  Object.assign(beta, { budgetBand: BudgetBand.OVER_1M, themes: ['co-production'], startDate: '2019-01-01', endDate: '2019-06-30' });
  beta.problem = 'Carers were lonely and nobody telephoned them.';
  await em.flush();
});

afterAll(async () => {
  await h?.close();
});

const ALPHA = 'Alpha compost bins for flats';
const WIGAN = 'E08000010';
const BETA = 'Beta befriending calls for carers';

// One row per SearchFilter field: a value only Alpha has, and one only Beta has.
const FILTERS: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['serviceAreas', { serviceAreas: ['waste'] }, { serviceAreas: ['adult-social-care'] }],
  ['stages', { stages: ['PILOT'] }, { stages: ['IDEA'] }],
  ['verdicts', { verdicts: ['WORKED'] }, { verdicts: ['NO_EFFECT'] }],
  ['minEvidenceLevel', { minEvidenceLevel: 3 }, null!],
  ['nations', { nations: ['ENGLAND'] }, { nations: ['WALES'] }],
  ['regions', { regions: ['North West'] }, { regions: ['Wales'] }],
  ['organisationTypes', { organisationTypes: ['METROPOLITAN_DISTRICT'] }, { organisationTypes: ['WELSH_UNITARY_AUTHORITY'] }],
  ['ruralUrbanClasses', { ruralUrbanClasses: ['URBAN'] }, { ruralUrbanClasses: ['SPARSE_AND_RURAL'] }],
  ['deprivationQuintiles', { deprivationQuintiles: [1] }, { deprivationQuintiles: [5] }],
  ['populationBands', { populationBands: ['UNDER_100K'] }, { populationBands: ['OVER_1M'] }],
  ['costBands', { costBands: ['UNDER_10K'] }, { costBands: ['OVER_1M'] }],
  ['artefactTypes', { artefactTypes: [ArtefactType.TOOLKIT] }, null!],
  ['years', { years: [2022] }, { years: [2019] }],
  ['themes', { themes: ['prevention'] }, { themes: ['co-production'] }],
];

describe('degraded search', () => {
  it.each(FILTERS)('applies the %s filter', async (_field, onlyAlpha, onlyBeta) => {
    expect(await titles('', onlyAlpha)).toEqual([ALPHA]);
    if (onlyBeta) expect(await titles('', onlyBeta)).toEqual([BETA]);
    else expect(await titles('befriending', onlyAlpha)).toEqual([]);
  });

  it('applies the organisations filter to the lead council and the places it ran in', async () => {
    const em = h.em();
    const [alpha, beta] = await Promise.all([
      em.findOneOrFail(Experiment, { title: ALPHA }, { populate: ['leadOrganisation'] }),
      em.findOneOrFail(Experiment, { title: BETA }, { populate: ['leadOrganisation'] }),
    ]);
    expect(await titles('', { organisations: [alpha.leadOrganisation.getEntity().gssCode] })).toEqual([ALPHA]);
    expect(await titles('', { organisations: [elsewhere.gssCode] })).toEqual([ALPHA]);
    expect(await titles('', { organisations: [beta.leadOrganisation.getEntity().gssCode] })).toEqual([BETA]);
  });

  it('combines filters with the words', async () => {
    expect(await titles('compost', { nations: ['ENGLAND'], verdicts: ['WORKED'] })).toEqual([ALPHA]);
    expect(await titles('compost', { nations: ['WALES'] })).toEqual([]);
  });

  it('finds word forms the database stemmer knows, in every field the index holds', async () => {
    expect(await titles('composting')).toEqual([ALPHA]);
    expect(await titles('befriended')).toEqual([BETA]);
    expect(await titles('telephoning')).toEqual([BETA]); // the problem, edited after creation
    expect(await titles('toolkits')).toEqual([ALPHA]); // an artefact title
    expect(await titles('preventing')).toEqual([ALPHA]); // a theme
  });

  it('follows a council renamed after publication (its name is in the text of what it leads and where it ran)', async () => {
    const em = h.em();
    const council = await em.findOneOrFail(Organisation, elsewhere.id);
    council.name = 'Quillborough Council';
    await em.flush();
    expect(await titles('quillborough')).toEqual([ALPHA]);
  });

  it('never shows drafts, and survives hostile query syntax', async () => {
    expect(await titles('gamma')).toEqual([]);
    for (const hostile of ['"compost', 'compost*', '(compost', 'compost:', '^compost', "compost'--"]) {
      expect(await titles(hostile)).toEqual([ALPHA]);
    }
    for (const hostile of ['()', '-compost', '"', 'NOT', 'AND OR', 'compost NEAR(', 'title:compost', "' or 1=1 --"]) {
      expect(await titles(hostile)).not.toContain('Gamma draft about compost');
    }
  });

  it('never shows a withdrawn experiment', async () => {
    const withdrawn = await buildExperiment(h.em(), { lead: elsewhere, title: 'Zephyr street lighting dimming' });
    expect(await titles('zephyr')).toEqual(['Zephyr street lighting dimming']);
    await h.em().nativeUpdate(Experiment, { id: withdrawn.id }, { withdrawnAt: new Date(), withdrawalReason: 'Figures were wrong.' });
    expect(await titles('zephyr')).toEqual([]);
  });

  it('applies the similarToCouncil filter, and preferSimilarTo puts councils like it first', async () => {
    const em = h.em();
    const [nearest] = neighboursOf(WIGAN, 1);
    const neighbour = await buildCouncil(em, { gssCode: nearest!.gssCode });
    await buildExperiment(em, { lead: neighbour, title: 'Delta wardens in a council like Wigan' });
    await buildExperiment(em, { lead: await buildCouncil(em), title: 'Delta wardens somewhere else' });
    expect((await titles('delta')).sort()).toEqual(['Delta wardens in a council like Wigan', 'Delta wardens somewhere else']);
    expect(await titles('delta', { similarToCouncil: WIGAN, similarCount: 1 })).toEqual(['Delta wardens in a council like Wigan']);
    const preferred = await h.run(
      `query($gss: String!) { search(query: "delta", preferSimilarTo: $gss, filter: { similarCount: 1 }, sort: NEWEST) { degraded hits { experiment { title } } } }`,
      { gss: WIGAN },
    );
    expect(preferred.errors).toBeUndefined();
    expect(preferred.data.search.hits.map((hit: any) => hit.experiment.title)).toEqual(['Delta wardens in a council like Wigan', 'Delta wardens somewhere else']);
  });

  it('pages with cursors and sorts by strongest evidence', async () => {
    expect(await titles('', { verdicts: ['WORKED', 'NO_EFFECT'] }, 'STRONGEST_EVIDENCE')).toEqual([ALPHA, BETA]);
    const first = await h.run(SEARCH, { q: '', filter: { verdicts: ['WORKED', 'NO_EFFECT'] }, first: 1, sort: 'STRONGEST_EVIDENCE' });
    expect(first.data.search.estimatedTotal).toBe(2);
    expect(first.data.search.pageInfo.hasNextPage).toBe(true);
    const second = await h.run(SEARCH, { q: '', filter: { verdicts: ['WORKED', 'NO_EFFECT'] }, first: 1, sort: 'STRONGEST_EVIDENCE', after: first.data.search.pageInfo.endCursor });
    expect(second.data.search.hits.map((hit: any) => hit.experiment.title)).toEqual([BETA]);
    expect(second.data.search.pageInfo.hasNextPage).toBe(false);
  });
});
