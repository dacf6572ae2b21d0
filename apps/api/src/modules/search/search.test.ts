import { EvaluationDesign, ExperimentStatus, GoodDirection, InterestLevel, MemberRole, Nation, Stage, Verdict } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { schemaTypes } from '../../../test/every-field.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { ROW_FIELDS, ROW_RELATIONS } from '../experiment/experiment-row.js';
import { MeasureRegistration } from '../freshness/measure-registration.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { allDocuments, SEARCHABLE } from './experiment-document.js';

let h: Harness;
let wales: Organisation;
let england: Organisation;
beforeAll(async () => {
  h = await createHarness({ search: true });
  wales = await buildCouncil(h.em(), { nation: Nation.WALES, region: 'Wales', name: 'Cwm Teg' });
  england = await buildCouncil(h.em(), { nation: Nation.ENGLAND, region: 'North West', name: 'Fellside' });
  await buildExperiment(h.em(), {
    lead: england,
    title: 'Ending homelessness with Housing First',
    serviceAreas: ['housing-and-homelessness'],
    stage: Stage.SCALING,
    outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }],
  });
  await buildExperiment(h.em(), {
    lead: wales,
    title: 'Preventing homelessness among care leavers',
    serviceAreas: ['housing-and-homelessness', 'childrens-services'],
    stage: Stage.PILOT,
    outcomes: [{ verdict: Verdict.MIXED, evidenceLevel: 2 }],
  });
  await buildExperiment(h.em(), {
    lead: england,
    title: 'Volunteer drivers to cut delayed discharge',
    serviceAreas: ['adult-social-care'],
    stage: Stage.EMBEDDED,
    outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 4 }],
  });
  await buildExperiment(h.em(), {
    lead: wales,
    title: 'Participatory budgeting for ward grants',
    serviceAreas: ['democracy-and-participation'],
    stage: Stage.EMBEDDED,
    outcomes: [{ verdict: Verdict.NO_EFFECT, evidenceLevel: 2 }],
  });
  await buildExperiment(h.em(), { lead: wales, title: 'Secret homelessness draft', status: ExperimentStatus.DRAFT });
  await h.syncSearch();
});
afterAll(async () => {
  await h.close();
});

const SEARCH = `query($query: String!, $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  search(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    estimatedTotal degraded
    pageInfo { hasNextPage endCursor }
    hits { experiment { title status } highlights { field snippet } matchedFields }
    facets { field values { value count } }
  }
}`;

async function titles(query: string, filter?: Record<string, unknown>): Promise<string[]> {
  const result = await h.run(SEARCH, { query, filter });
  expect(result.errors).toBeUndefined();
  expect(result.data.search.degraded).toBe(false);
  return result.data.search.hits.map((hit: { experiment: { title: string } }) => hit.experiment.title).sort();
}

describe('search', () => {
  it('finds the word despite a typo', async () => {
    expect(await titles('homelessnes')).toEqual(['Ending homelessness with Housing First', 'Preventing homelessness among care leavers']);
  });

  it('finds the phrase behind the jargon through synonyms', async () => {
    expect(await titles('DToC')).toEqual(['Volunteer drivers to cut delayed discharge']);
    expect(await titles('PB')).toEqual(['Participatory budgeting for ward grants']);
    expect(await titles('rough sleeping')).toContain('Ending homelessness with Housing First');
  });

  it('marks what matched, as escaped HTML', async () => {
    const result = await h.run(SEARCH, { query: 'homelessness' });
    const hit = result.data.search.hits.find((found: any) => found.experiment.title.startsWith('Ending'));
    expect(hit.matchedFields).toContain('title');
    expect(hit.highlights).toContainEqual({ field: 'title', snippet: 'Ending <mark>homelessness</mark> with Housing First' });
  });

  it('escapes hostile text in snippets', async () => {
    const hostile = await buildExperiment(h.em(), { lead: england, title: 'Tenancy <img src=x onerror=alert(1)> sustainment' });
    await h.syncSearch();
    const result = await h.run(SEARCH, { query: 'sustainment', filter: { organisations: [england.gssCode] } });
    const snippet = result.data.search.hits[0].highlights.find((hl: { field: string }) => hl.field === 'title').snippet;
    expect(snippet).toBe('Tenancy &#60;img src=x onerror=alert(1)&#62; <mark>sustainment</mark>');
    await h.em().nativeUpdate(Experiment, { id: hostile.id }, { status: ExperimentStatus.ARCHIVED, updatedAt: new Date() });
    await h.searchIndex!.remove([hostile.id]);
  });

  it('computes facets, highlights and whole experiments only when the query selects them, named fragments included', async () => {
    const index = h.searchIndex!;
    const sent: unknown[] = [];
    const { search } = index;
    index.search = (query, params) => {
      sent.push(params.facets);
      return search.call(index, query, params);
    };
    // The hits' text is read from outcomes and artefacts; an entity read joins the measure registration (a 1:1), a row read does not.
    const reads = async (query: string) => {
      let result: any;
      const texts = await h.countQueries(async () => void (result = await h.run(query, { q: 'homelessness' })), /\boutcomes\b/);
      const entities = await h.countQueries(() => h.run(query, { q: 'homelessness' }), /join\W+measure_registrations/);
      return { result, texts, entities };
    };
    try {
      const bare = await reads('query($q: String!) { search(query: $q) { estimatedTotal hits { experiment { title } } } }');
      expect(bare.result.data.search.hits.length).toBeGreaterThan(0);
      expect(sent.at(-1)).toBeUndefined();
      expect({ texts: bare.texts, entities: bare.entities }).toEqual({ texts: 0, entities: 0 });

      const viaFragment = await reads(
        `query($q: String!) { search(query: $q) { ...Found } }
         fragment Found on SearchResult { hits { experiment { ...Card } ... on SearchHit { ...Why } } facets { field } }
         fragment Card on Experiment { title leadOrganisation { name officialName } }
         fragment Why on SearchHit { highlights { field snippet } }`,
      );
      expect(viaFragment.texts).toBeGreaterThan(0);
      expect(viaFragment.entities).toBeGreaterThan(0);
      expect(sent.at(-1)).toEqual(expect.arrayContaining(['serviceAreas', 'verdicts']));
      const hit = viaFragment.result.data.search.hits.find((found: any) => found.experiment.title.startsWith('Ending'));
      expect(hit.experiment.leadOrganisation.name).toBe(england.name);
      expect(hit.highlights).toContainEqual({ field: 'title', snippet: 'Ending <mark>homelessness</mark> with Housing First' });
    } finally {
      index.search = search;
    }
  });

  it('answers the plain fields of a hit the same from its columns as from the entity', async () => {
    const plain = 'id slug title summary problem whoItServes whatIsNew approach themes stage status';
    const asked = async (fields: string, q = '') => {
      const result = await h.run(`query($q: String!) { search(query: $q) { hits { experiment { ${fields} } highlights { field snippet } matchedFields } } }`, { q });
      expect(result.errors).toBeUndefined();
      return result.data.search.hits.map((hit: any) => ({ ...hit, experiment: Object.fromEntries(plain.split(' ').map((field) => [field, hit.experiment[field]])) }));
    };
    // A JSON column (themes) and a null (whoItServes) among them: read straight from the database, no index change needed.
    const budgeting = { title: 'Participatory budgeting for ward grants' };
    await h.em().nativeUpdate(Experiment, budgeting, { themes: ['co-production', 'wards'], whoItServes: null });
    const fromColumns = await asked(plain);
    expect(fromColumns).toHaveLength(4);
    expect(fromColumns.find((hit: any) => hit.experiment.title === budgeting.title).experiment).toMatchObject({ themes: ['co-production', 'wards'], whoItServes: null });
    expect(await asked(`${plain} version`)).toEqual(fromColumns);
    const matched = await asked(plain, 'homelessness');
    expect(matched.flatMap((hit: any) => hit.matchedFields)).toContain('title');
    expect(await asked(`${plain} version`, 'homelessness')).toEqual(matched);
    await h.em().nativeUpdate(Experiment, budgeting, { themes: [] });
  });

  it('answers a results page (lead organisation, outcomes, registration, interest, discussions) from rows as from entities', async () => {
    const housing = await h.em().findOneOrFail(Experiment, { title: 'Ending homelessness with Housing First' });
    const em = h.em();
    em.create(MeasureRegistration, { experiment: housing.id, measures: [{ name: 'Tenancies sustained', goodDirection: GoodDirection.UP }], evaluationDesign: EvaluationDesign.BEFORE_AFTER, targetEvidenceLevel: 3, registeredAt: new Date() });
    await em.flush();
    const neighbour = await buildMember(h.em(), wales, MemberRole.EDITOR);
    const interest = await h.run('mutation($input: SetInterestInput!) { setInterest(input: $input) { id } }', { input: { experimentId: housing.id, level: InterestLevel.PLANNING } }, neighbour);
    expect(interest.errors).toBeUndefined();
    // Outcomes recorded at the same moment (an import can do that) are listed in one order by both.
    const outreach = await buildExperiment(h.em(), {
      lead: wales,
      title: 'Homelessness outreach by text message',
      outcomes: [{ verdict: Verdict.WORKED }, { verdict: Verdict.MIXED }, { verdict: Verdict.NO_EFFECT }],
    });
    await h.em().nativeUpdate(Outcome, { experiment: outreach.id }, { createdAt: new Date('2026-01-05T09:00:00Z') });
    await h.syncSearch();
    const page = 'id title registered discussionCount leadOrganisation { id slug name } outcomes { id title verdict evidenceLevel } interest { total considering planning trying }';
    // An entity read joins the measure registration (a 1:1); a row read checks for one in a subquery of its one statement.
    const asked = async (fields: string) => {
      let result: any;
      const joins = await h.countQueries(async () => void (result = await h.run(`query($q: String!) { search(query: $q) { hits { experiment { ${fields} } } } }`, { q: 'homelessness' })), /join\W+measure_registrations/);
      expect(result.errors).toBeUndefined();
      const hits = result.data.search.hits.map(({ experiment }: any) => ({ ...experiment, version: undefined }));
      return { hits, joins };
    };
    try {
      const rows = await asked(page);
      const entities = await asked(`${page} version`);
      expect(rows.joins).toBe(0);
      expect(entities.joins).toBeGreaterThan(0);
      expect(rows.hits).toHaveLength(3);
      expect(rows.hits).toEqual(entities.hits);
      const tied = rows.hits.find((hit: any) => hit.id === outreach.id).outcomes.map((outcome: any) => outcome.id);
      expect(tied).toHaveLength(3);
      expect(tied).toEqual([...tied].sort());
      expect(rows.hits.find((hit: any) => hit.id === housing.id)).toMatchObject({
        registered: true,
        discussionCount: 0,
        leadOrganisation: { id: england.id, name: england.name, slug: england.slug },
        outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }],
        interest: { total: 1, considering: 0, planning: 1, trying: 0 },
      });
      expect(rows.hits.find((hit: any) => hit.id !== housing.id)).toMatchObject({ registered: false, interest: { total: 0 } });
    } finally {
      await h.em().nativeUpdate(Experiment, { id: outreach.id }, { status: ExperimentStatus.ARCHIVED, updatedAt: new Date() });
      await h.searchIndex!.remove([outreach.id]);
      await h.em().nativeDelete(MeasureRegistration, { experiment: housing.id });
      await h.run('mutation($input: SetInterestInput!) { setInterest(input: $input) { id } }', { input: { experimentId: housing.id, level: null } }, neighbour);
    }
  });

  it('lets rows answer only fields the schema has', async () => {
    const types = await schemaTypes(h);
    type Ref = { name: string | null; ofType: Ref | null };
    const named = (ref: Ref): string => (ref.ofType ? named(ref.ofType) : ref.name!);
    const fieldsOf = (type: string) => new Map((types.get(type)?.fields ?? []).map((field) => [field.name, field]));
    const experiment = fieldsOf('Experiment');
    for (const field of ROW_FIELDS) if (field !== '__typename') expect(experiment.has(field), field).toBe(true);
    for (const [relation, inner] of ROW_RELATIONS) {
      expect(experiment.has(relation), relation).toBe(true);
      const target = fieldsOf(named(experiment.get(relation)!.type));
      for (const field of inner) if (field !== '__typename') expect(target.has(field), `${relation}.${field}`).toBe(true);
    }
  });

  it('counts facets that match the data', async () => {
    const result = await h.run(SEARCH, { query: '' });
    const facets = Object.fromEntries(
      result.data.search.facets.map((f: any) => [f.field, Object.fromEntries(f.values.map((v: any) => [v.value, v.count]))]),
    );
    expect(result.data.search.estimatedTotal).toBe(4);
    expect(facets.serviceAreas).toEqual({
      'housing-and-homelessness': 2,
      'childrens-services': 1,
      'adult-social-care': 1,
      'democracy-and-participation': 1,
    });
    expect(facets.nations).toEqual({ WALES: 2, ENGLAND: 2 });
    expect(facets.verdicts).toEqual({ WORKED: 2, MIXED: 1, NO_EFFECT: 1 });
    expect(facets.stages).toEqual({ SCALING: 1, PILOT: 1, EMBEDDED: 2 });
    expect(facets.minEvidenceLevel).toEqual({ '2': 2, '3': 1, '4': 1 });
  });

  it('combines filters', async () => {
    expect(await titles('', { nations: ['WALES'] })).toEqual(['Participatory budgeting for ward grants', 'Preventing homelessness among care leavers']);
    expect(await titles('homelessness', { nations: ['WALES'] })).toEqual(['Preventing homelessness among care leavers']);
    expect(await titles('', { verdicts: ['WORKED'], minEvidenceLevel: 4 })).toEqual(['Volunteer drivers to cut delayed discharge']);
    expect(await titles('', { stages: ['EMBEDDED'], serviceAreas: ['democracy-and-participation', 'adult-social-care'], regions: ['Wales'] })).toEqual([
      'Participatory budgeting for ward grants',
    ]);
    expect(await titles('', { organisations: [england.gssCode] })).toHaveLength(2);
  });

  it('sorts by strongest evidence and pages with cursors', async () => {
    const first = await h.run(SEARCH, { query: '', sort: 'STRONGEST_EVIDENCE', first: 2 });
    expect(first.data.search.hits.map((hit: any) => hit.experiment.title)).toEqual([
      'Volunteer drivers to cut delayed discharge',
      'Ending homelessness with Housing First',
    ]);
    expect(first.data.search.pageInfo.hasNextPage).toBe(true);
    const second = await h.run(SEARCH, { query: '', sort: 'STRONGEST_EVIDENCE', first: 2, after: first.data.search.pageInfo.endCursor });
    expect(second.data.search.hits).toHaveLength(2);
    expect(second.data.search.pageInfo.hasNextPage).toBe(false);
  });

  it('never finds drafts, in results or suggestions, whoever asks', async () => {
    const member = await buildMember(h.em(), wales, MemberRole.ADMIN);
    const result = await h.run(SEARCH, { query: 'secret' }, member);
    expect(result.data.search.hits).toEqual([]);
    const suggestions = await h.run('query($p: String!) { searchSuggestions(prefix: $p) { title } }', { p: 'secr' }, member);
    expect(suggestions.data.searchSuggestions.map((s: { title: string }) => s.title)).not.toContain('Secret homelessness draft');
  });

  it('suggests titles as you type', async () => {
    const result = await h.run('query($p: String!) { searchSuggestions(prefix: $p) { title slug } }', { p: 'particip' });
    expect(result.data.searchSuggestions.map((s: { title: string }) => s.title)).toEqual(['Participatory budgeting for ward grants']);
  });

  it('indexes on publish and removes on archive', async () => {
    const editor = await buildMember(h.em(), england, MemberRole.EDITOR);
    const draft = await buildExperiment(h.em(), { lead: england, title: 'Kerbside glass collection trial', status: ExperimentStatus.DRAFT });
    await h.syncSearch();
    expect(await titles('kerbside')).toEqual([]);
    const published = await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 1) { version } }', { id: draft.id }, editor);
    expect(published.errors).toBeUndefined();
    await h.syncSearch();
    expect(await titles('kerbside')).toEqual(['Kerbside glass collection trial']);
    // An outcome added later is searchable too.
    await h.run(
      `mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Contamination fell sharply", verdict: WORKED,
        evaluationDesign: BEFORE_AFTER, evidenceLevel: 2 }) { id } }`,
      { id: draft.id },
      editor,
    );
    await h.syncSearch();
    expect(await titles('contamination')).toEqual(['Kerbside glass collection trial']);
    const current = await h.run('query($id: ID) { experiment(id: $id) { version } }', { id: draft.id });
    const admin = await buildMember(h.em(), england, MemberRole.ADMIN);
    const archived = await h.run(
      'mutation($id: ID!, $version: Int!) { archiveExperiment(id: $id, version: $version) { status } }',
      { id: draft.id, version: current.data.experiment.version },
      admin,
    );
    expect(archived.data.archiveExperiment.status).toBe('ARCHIVED');
    await h.syncSearch();
    expect(await titles('kerbside')).toEqual([]);
  });

  it('leaves out a withdrawn experiment: gone from results and suggestions, no longer counted in its family, still readable', async () => {
    const harbour = await buildCouncil(h.em(), { name: 'Harbourside' });
    const editor = await buildMember(h.em(), harbour, MemberRole.EDITOR);
    const original = await buildExperiment(h.em(), { lead: await buildCouncil(h.em(), { name: 'Estuary' }), title: 'Quayside litter wardens' });
    const adaptation = await buildExperiment(h.em(), { lead: harbour, forkOf: original, title: 'Quayside litter wardens in a harbour town' });
    await h.syncSearch();
    const FAMILY = 'query { search(query: "quayside litter") { hits { familySize experiment { title } } } }';
    const family = async () => (await h.run(FAMILY, {})).data.search.hits.map((hit: any): [string, number] => [hit.experiment.title, hit.familySize]).sort(([a]: [string, number], [b]: [string, number]) => a.localeCompare(b));
    expect(await family()).toEqual([['Quayside litter wardens', 2], ['Quayside litter wardens in a harbour town', 2]]);
    const withdrawn = await h.run(
      'mutation($input: WithdrawExperimentInput!) { withdrawExperiment(input: $input) { withdrawnAt } }',
      { input: { id: adaptation.id, version: adaptation.version, reason: 'The warden hours were wrongly reported.' } },
      editor,
    );
    expect(withdrawn.errors).toBeUndefined();
    await h.syncSearch();
    expect(await family()).toEqual([['Quayside litter wardens', 1]]);
    const suggestions = await h.run('query($p: String!) { searchSuggestions(prefix: $p) { title } }', { p: 'quaysi' });
    expect(suggestions.data.searchSuggestions.map((s: { title: string }) => s.title)).toEqual(['Quayside litter wardens']);
    const page = await h.run('query($id: ID) { experiment(id: $id) { withdrawnAt } }', { id: adaptation.id });
    expect(page.data.experiment.withdrawnAt).toBeTruthy();
  });

  it('refreshes documents when an organisation changes', async () => {
    const em = h.em();
    const council = await em.findOneOrFail((await import('../organisation/organisation.entity.js')).Organisation, wales.id);
    council.region = 'Mid Wales';
    await em.flush();
    await h.syncSearch();
    expect(await titles('', { regions: ['Mid Wales'] })).toHaveLength(2);
  });

  it('rebuilds the whole index from the database and swaps it in', async () => {
    const index = h.searchIndex!;
    const published = await h.em().count(Experiment, SEARCHABLE);
    // Simulate drift: a document lost from the engine.
    const [anyHit] = (await index.search('', { limit: 1 })).hits;
    assert(anyHit, 'the index has a document');
    await index.remove([anyHit.id]);
    expect(await index.count()).toBe(published - 1);
    const progress: number[] = [];
    expect(await index.rebuild(allDocuments(h.em(), 2), (done) => progress.push(done))).toBe(published);
    expect(progress.at(-1)).toBe(published);
    expect(await index.count()).toBe(published);
    const { results } = await index.client.getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${index.uid}_rebuild_`))).toEqual([]);
    expect(await titles('homelessness')).toHaveLength(2);
  });

  it('says how many places a family has tried, and can show one result per family', async () => {
    const root = await buildExperiment(h.em(), { lead: england, title: 'Kerbside batteries root', outcomes: [{ verdict: Verdict.MIXED, evidenceLevel: 1 }] });
    await buildExperiment(h.em(), { lead: wales, title: 'Kerbside batteries adapted', forkOf: root, outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 4 }] });
    await buildExperiment(h.em(), { lead: wales, title: 'Kerbside batteries unpublished', forkOf: root, status: ExperimentStatus.DRAFT });
    await h.syncSearch();
    const QUERY = 'query($c: Boolean!) { search(query: "kerbside batteries", collapseFamilies: $c) { hits { familySize experiment { title } } } }';
    const all = await h.run(QUERY, { c: false });
    expect(all.data.search.hits).toHaveLength(2);
    expect(all.data.search.hits.every((hit: { familySize: number }) => hit.familySize === 2)).toBe(true);
    const collapsed = await h.run(QUERY, { c: true });
    expect(collapsed.data.search.hits).toEqual([{ familySize: 2, experiment: { title: 'Kerbside batteries adapted' } }]);
  });

  it('refuses bad arguments with the field at fault', async () => {
    expect(errorCodes(await h.run(SEARCH, { query: 'x', first: 51 }))).toEqual(['BAD_USER_INPUT']);
    const badCursor = await h.run(SEARCH, { query: 'x', after: 'bm9wZQ' });
    expect(badCursor.errors?.[0]?.extensions?.field).toBe('after');
    const badFilter = await h.run(SEARCH, { query: 'x', filter: { deprivationQuintiles: [9] } });
    expect(badFilter.errors?.[0]?.extensions?.field).toBe('filter.deprivationQuintiles');
  });
});
