import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';

let h: Harness;
let database: Harness;
beforeAll(async () => {
  h = await createHarness({ search: true });
  database = await createHarness(); // no search engine: search answers from the database
});
afterAll(async () => {
  await h.close();
  await database.close();
});

const REGISTER = `mutation($id: ID!, $input: RegisterMeasuresInput!) {
  registerMeasures(experimentId: $id, input: $input) { registeredAt evaluationDesign targetEvidenceLevel evaluationPlan measures { name baseline unit goodDirection } }
}`;
const ADD_OUTCOME = 'mutation($id: ID!, $input: AddOutcomeInput!) { addOutcome(experimentId: $id, input: $input) { id } }';
const PUBLISH = 'mutation($id: ID!, $version: Int!) { publishExperiment(id: $id, version: $version) { status } }';
const COMPARISON = `query($id: ID!) { experiment(id: $id) {
  registration { registeredAt measures { name } }
  measureComparison { name status outcomeTitle registered { baseline goodDirection } reported { baseline result } }
} }`;
const SEARCH = 'query($filter: SearchFilter) { search(query: "", filter: $filter, first: 50) { degraded hits { experiment { id } } } }';

const PLAN = {
  measures: [
    { name: 'Delayed discharge days per month', baseline: 310, unit: 'days', goodDirection: 'DOWN' },
    { name: 'Readmissions within 30 days', baseline: 42, unit: 'people', goodDirection: 'DOWN' },
  ],
  evaluationDesign: 'QUASI_EXPERIMENTAL',
  targetEvidenceLevel: 3,
  evaluationPlan: 'Compare with the two neighbouring hospital wards over the same six months.',
};

function outcome(measures: { name: string; baseline: number; result: number }[]) {
  return {
    title: 'Discharge delays fell',
    verdict: 'WORKED',
    evaluationDesign: 'QUASI_EXPERIMENTAL',
    evidenceLevel: 3,
    measures: measures.map((measure) => ({ ...measure, goodDirection: 'DOWN' })),
  };
}

async function draftWithEditor(harness: Harness) {
  const council = await buildCouncil(harness.em());
  const editor = await buildMember(harness.em(), council, MemberRole.EDITOR);
  const experiment = await buildExperiment(harness.em(), { lead: council, status: ExperimentStatus.DRAFT });
  return { council, editor, experiment };
}

describe('registered measures', () => {
  it('are timestamped by the clock and frozen: a second registration is refused with BAD_USER_INPUT on experimentId', async () => {
    const { editor, experiment } = await draftWithEditor(h);
    h.clock.set('2029-02-01T09:30:00Z');
    const registered = await h.run(REGISTER, { id: experiment.id, input: PLAN }, editor);
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerMeasures).toMatchObject({ registeredAt: '2029-02-01T09:30:00.000Z', targetEvidenceLevel: 3, measures: PLAN.measures });

    const again = await h.run(REGISTER, { id: experiment.id, input: { ...PLAN, targetEvidenceLevel: 2 } }, editor);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors?.[0]?.extensions).toMatchObject({ field: 'experimentId', reason: expect.stringContaining('frozen') });
    const stored = await h.run(COMPARISON, { id: experiment.id }, editor);
    expect(stored.data.experiment.registration.registeredAt).toBe('2029-02-01T09:30:00.000Z');
  });

  it('must come before results, from the team, with distinct measure names', async () => {
    const { editor, experiment } = await draftWithEditor(h);
    const outsider = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR);
    expect(errorCodes(await h.run(REGISTER, { id: experiment.id, input: PLAN }, outsider))).toEqual(['NOT_FOUND']);
    const twice = { ...PLAN, measures: [PLAN.measures[0], { ...PLAN.measures[1], name: ' delayed  discharge days per MONTH ' }] };
    const duplicate = await h.run(REGISTER, { id: experiment.id, input: twice }, editor);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.measures.1.name' });
    expect(errorCodes(await h.run(REGISTER, { id: experiment.id, input: { ...PLAN, measures: [] } }, editor))).toEqual(['BAD_USER_INPUT']);

    expect((await h.run(ADD_OUTCOME, { id: experiment.id, input: outcome([]) }, editor)).errors).toBeUndefined();
    const late = await h.run(REGISTER, { id: experiment.id, input: PLAN }, editor);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'experimentId', reason: expect.stringContaining('before the first outcome') });
  });

  it('compare with what the outcomes report: awaiting, reported (by name, any case), dropped, and added after registration', async () => {
    const { editor, experiment } = await draftWithEditor(h);
    expect((await h.run(REGISTER, { id: experiment.id, input: PLAN }, editor)).errors).toBeUndefined();
    const before = await h.run(COMPARISON, { id: experiment.id }, editor);
    expect(before.data.experiment.measureComparison.map((row: any) => row.status)).toEqual(['AWAITING_RESULTS', 'AWAITING_RESULTS']);

    const reported = outcome([
      { name: 'delayed discharge days per month', baseline: 310, result: 190 },
      { name: 'Carer satisfaction score', baseline: 6, result: 8 },
    ]);
    expect((await h.run(ADD_OUTCOME, { id: experiment.id, input: reported }, editor)).errors).toBeUndefined();
    const after = await h.run(COMPARISON, { id: experiment.id }, editor);
    expect(after.data.experiment.measureComparison).toEqual([
      {
        name: 'Delayed discharge days per month',
        status: 'REPORTED',
        outcomeTitle: 'Discharge delays fell',
        registered: { baseline: 310, goodDirection: 'DOWN' },
        reported: { baseline: 310, result: 190 },
      },
      { name: 'Readmissions within 30 days', status: 'DROPPED', outcomeTitle: null, registered: { baseline: 42, goodDirection: 'DOWN' }, reported: null },
      { name: 'Carer satisfaction score', status: 'ADDED_AFTER_REGISTRATION', outcomeTitle: 'Discharge delays fell', registered: null, reported: { baseline: 6, result: 8 } },
    ]);
  });

  it('unregistered experiments have no registration and no comparison', async () => {
    const { editor, experiment } = await draftWithEditor(h);
    expect((await h.run(COMPARISON, { id: experiment.id }, editor)).data.experiment).toEqual({ registration: null, measureComparison: null });
  });
});

describe('search filters: registered, and leaving out records overdue for review', () => {
  async function scenario(harness: Harness) {
    const { council, editor, experiment: registered } = await draftWithEditor(harness);
    expect((await harness.run(REGISTER, { id: registered.id, input: PLAN }, editor)).errors).toBeUndefined();
    const version = (await harness.em().findOneOrFail(Experiment, registered.id)).version;
    expect((await harness.run(PUBLISH, { id: registered.id, version }, editor)).errors).toBeUndefined();
    const plain = await buildExperiment(harness.em(), { lead: council });
    const stale = await buildExperiment(harness.em(), { lead: council });
    await harness.em().nativeUpdate(Experiment, { id: stale.id }, { contentChangedAt: new Date('2020-01-01T00:00:00Z'), lastReviewedOn: '2020-06-01' });
    await harness.syncSearch();
    return { registered: registered.id, plain: plain.id, stale: stale.id };
  }

  async function ids(harness: Harness, filter: Record<string, unknown>): Promise<{ degraded: boolean; ids: string[] }> {
    const result = await harness.run(SEARCH, { filter });
    expect(result.errors).toBeUndefined();
    return { degraded: result.data.search.degraded, ids: result.data.search.hits.map((hit: any) => hit.experiment.id) };
  }

  for (const engine of ['Meilisearch', 'the database fallback'] as const) {
    it(`filter the same way in ${engine}`, async () => {
      const harness = engine === 'Meilisearch' ? h : database;
      harness.clock.set(new Date());
      const { registered, plain, stale } = await scenario(harness);
      const onlyRegistered = await ids(harness, { registered: true });
      expect(onlyRegistered.degraded).toBe(engine !== 'Meilisearch');
      expect(onlyRegistered.ids).toContain(registered);
      expect(onlyRegistered.ids).not.toContain(plain);
      const unregistered = (await ids(harness, { registered: false })).ids;
      expect(unregistered).toContain(plain);
      expect(unregistered).not.toContain(registered);

      const fresh = (await ids(harness, { excludeOverdueReview: true })).ids;
      expect(fresh).toEqual(expect.arrayContaining([registered, plain]));
      expect(fresh).not.toContain(stale);
      expect((await ids(harness, {})).ids).toContain(stale);
    });
  }
});
