import { ExperimentStatus, MemberRole, Verdict } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Outcome } from './outcome.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const ADD = `mutation($experimentId: ID!, $input: AddOutcomeInput!) { addOutcome(experimentId: $experimentId, input: $input) {
  id title verdict evidenceLevel evaluationDesign independentEvaluation evaluatedBy costPerParticipant annualSavings version
  measures { name baseline result unit period goodDirection }
} }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateOutcomeInput!) {
  updateOutcome(id: $id, version: $version, input: $input) { id title verdict version measures { name } }
}`;
const REMOVE = 'mutation($id: ID!, $version: Int!) { removeOutcome(id: $id, version: $version) }';

const VALID = {
  title: 'Discharge delays fell by a third',
  verdict: 'WORKED',
  evaluationDesign: 'QUASI_EXPERIMENTAL',
  evidenceLevel: 3,
  independentEvaluation: true,
  evaluatedBy: 'A university',
  costPerParticipant: 42.5,
  annualSavings: 120000,
  measures: [{ name: 'Days delayed per month', baseline: 300, result: 200, unit: 'days', period: '2023-24', goodDirection: 'DOWN' }],
};

async function setup() {
  const council = await buildCouncil(h.em());
  const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
  const experiment = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
  return { council, editor, experiment };
}

describe('outcomes', () => {
  it('adds, updates and removes an outcome, with versions', async () => {
    const { editor, experiment } = await setup();
    const added = await h.run(ADD, { experimentId: experiment.id, input: VALID }, editor);
    expect(added.errors).toBeUndefined();
    expect(added.data.addOutcome).toMatchObject({ ...VALID, version: 1 });

    const id = added.data.addOutcome.id;
    const updated = await h.run(UPDATE, { id, version: 1, input: { verdict: 'MIXED', measures: [] } }, editor);
    expect(updated.data.updateOutcome).toMatchObject({ verdict: 'MIXED', version: 2, measures: [], title: VALID.title });

    expect(errorCodes(await h.run(UPDATE, { id, version: 1, input: { verdict: 'HARMFUL' } }, editor))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.run(REMOVE, { id, version: 1 }, editor))).toEqual(['CONFLICT']);
    expect((await h.run(REMOVE, { id, version: 2 }, editor)).data?.removeOutcome).toBe(id);
    expect(await h.em().count(Outcome, { id })).toBe(0);
  });

  it('follows the experiment: only its editors change outcomes, and hidden drafts are NOT_FOUND', async () => {
    const { council, experiment } = await setup();
    const outsider = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.ADMIN);
    const reader = await buildMember(h.em(), council, MemberRole.MEMBER);
    const published = await buildExperiment(h.em(), { lead: council, outcomes: [{ verdict: Verdict.WORKED }] });
    const [outcome] = await h.em().find(Outcome, { experiment: published.id });
    assert(outcome, 'the experiment has an outcome');

    expect(errorCodes(await h.run(ADD, { experimentId: experiment.id, input: VALID }, outsider))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(ADD, { experimentId: experiment.id, input: VALID }, reader))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(ADD, { experimentId: published.id, input: VALID }, null))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(UPDATE, { id: outcome.id, version: 1, input: { verdict: 'HARMFUL' } }, outsider))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await h.run(REMOVE, { id: outcome.id, version: 1 }, null))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(REMOVE, { id: 'missing', version: 1 }, reader))).toEqual(['NOT_FOUND']);
    expect((await h.em().findOneOrFail(Outcome, outcome.id)).verdict).toBe(Verdict.WORKED);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an evidence level above 5', { evidenceLevel: 6 }, 'input.evidenceLevel'],
    ['an evidence level below 1', { evidenceLevel: 0 }, 'input.evidenceLevel'],
    ['negative savings', { annualSavings: -1 }, 'input.annualSavings'],
    ['a negative cost per participant', { costPerParticipant: -0.01 }, 'input.costPerParticipant'],
    ['too many measures', { measures: Array.from({ length: 21 }, () => VALID.measures[0]) }, 'input.measures'],
    ['a measure without a name', { measures: [{ ...VALID.measures[0], name: ' ' }] }, 'input.measures.0.name'],
    ['an over-long lesson', { whatWorked: 'x'.repeat(10_001) }, 'input.whatWorked'],
    ['an unknown verdict', { verdict: 'SPLENDID' }, 'input.verdict'],
  ];

  it.each(bad)('addOutcome refuses %s and writes nothing', async (_label, change, field) => {
    const { editor, experiment } = await setup();
    const result = await h.run(ADD, { experimentId: experiment.id, input: { ...VALID, ...change } }, editor);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await h.em().count(Outcome, { experiment: experiment.id })).toBe(0);
  });

  it.each(bad)('updateOutcome refuses %s and changes nothing', async (_label, change, field) => {
    const { council, editor } = await setup();
    const experiment = await buildExperiment(h.em(), { lead: council, outcomes: [{ verdict: Verdict.NO_EFFECT }] });
    const [outcome] = await h.em().find(Outcome, { experiment: experiment.id });
    assert(outcome, 'the experiment has an outcome');
    const result = await h.run(UPDATE, { id: outcome.id, version: 1, input: change }, editor);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
    const after = await h.em().findOneOrFail(Outcome, outcome.id);
    expect(after.version).toBe(1);
    expect(after.verdict).toBe(Verdict.NO_EFFECT);
  });
});
