import { ExperimentStatus, MemberRole, Stage, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Experiment } from './experiment.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const FORK = `mutation($id: ID!) { forkExperiment(input: { experimentId: $id, adaptationNotes: "Rural district: longer journeys." }) {
  id version summary problem approach stageHistory { note } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateExperimentInput!) { updateExperiment(id: $id, version: $v, input: $input) { version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { status } }`;
const FAMILY = `query($id: ID) { experiment(id: $id) { familySummary { familySize placesTried summary } } }`;

describe('honest adaptation', () => {
  it('starts an adaptation with an empty write-up and an "adapted from" stage note naming the original council', async () => {
    const fife = await buildCouncil(h.em(), { name: 'Fife' });
    const original = await buildExperiment(h.em(), { lead: fife, title: 'Text reminders' });
    const wigan = await buildMember(h.em(), await buildCouncil(h.em(), { name: 'Wigan' }), MemberRole.EDITOR);
    const fork = (await h.run(FORK, { id: original.id }, wigan)).data.forkExperiment;
    expect(fork).toMatchObject({ summary: '', problem: '', approach: '', stageHistory: [{ note: 'Adapted from “Text reminders” by Fife' }] });
  });

  it('refuses to publish an unchanged copy of the original, naming each copied field, and publishes once rewritten', async () => {
    const original = await buildExperiment(h.em(), { lead: await buildCouncil(h.em(), { name: 'Fife' }) });
    const wiganCouncil = await buildCouncil(h.em(), { name: 'Wigan' });
    const wigan = await buildMember(h.em(), wiganCouncil, MemberRole.EDITOR);
    const fork = (await h.run(FORK, { id: original.id }, wigan)).data.forkExperiment;
    // Pasting the original's words back in (even with different spacing and case) is still a copy.
    const copied = { summary: original.summary, problem: `  ${original.problem.toUpperCase()} `, approach: 'What we are changing in Wigan.' };
    const { version } = (await h.run(UPDATE, { id: fork.id, v: fork.version, input: copied }, wigan)).data.updateExperiment;
    const refused = await h.run(PUBLISH, { id: fork.id, v: version }, wigan);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    const problems = refused.errors![0]!.extensions!.problems as { field: string; reason: string }[];
    expect(problems.map((problem) => problem.field)).toEqual(['experiment.summary', 'experiment.problem']);
    expect(problems[0]?.reason).toBe('is the same as the original’s: write it for Wigan');
    expect((await h.em().findOneOrFail(Experiment, fork.id)).status).toBe(ExperimentStatus.DRAFT);

    const rewritten = { summary: 'Wigan tried text reminders for council tax.', problem: 'Arrears in Wigan rose by a fifth.' };
    const next = (await h.run(UPDATE, { id: fork.id, v: version, input: rewritten }, wigan)).data.updateExperiment.version;
    expect((await h.run(PUBLISH, { id: fork.id, v: next }, wigan)).data.publishExperiment.status).toBe('PUBLISHED');
  });

  it('counts an adaptation as a place that tried it only once it reaches the pilot stage or has an outcome', async () => {
    const original = await buildExperiment(h.em(), { lead: await buildCouncil(h.em()), outcomes: [{ verdict: Verdict.WORKED }] });
    const idea = await buildExperiment(h.em(), { lead: await buildCouncil(h.em()), forkOf: original, stage: Stage.IDEA });
    expect((await h.run(FAMILY, { id: original.id })).data.experiment.familySummary).toEqual({
      familySize: 2,
      placesTried: 1,
      summary: 'Tried in 1 place: worked.',
    });
    await buildExperiment(h.em(), { lead: await buildCouncil(h.em()), forkOf: original, stage: Stage.PILOT });
    await buildExperiment(h.em(), { lead: await buildCouncil(h.em()), forkOf: original, stage: Stage.DISCOVERY, outcomes: [{ verdict: Verdict.MIXED }] });
    const family = (await h.run(FAMILY, { id: idea.id })).data.experiment.familySummary;
    expect(family).toMatchObject({ familySize: 4, placesTried: 3, summary: 'Worked in 1 of 3 places that tried it.' });
  });

  it('lists the adaptations the viewer’s council already started, so a second one is not made by mistake', async () => {
    const original = await buildExperiment(h.em(), { lead: await buildCouncil(h.em()) });
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const QUERY = `query($id: ID) { experiment(id: $id) { viewerAdaptations { id status } } }`;
    expect((await h.run(QUERY, { id: original.id }, editor)).data.experiment.viewerAdaptations).toEqual([]);
    const fork = (await h.run(FORK, { id: original.id }, editor)).data.forkExperiment;
    expect((await h.run(QUERY, { id: original.id }, editor)).data.experiment.viewerAdaptations).toEqual([{ id: fork.id, status: 'DRAFT' }]);
    // Other councils and signed-out readers see none of it.
    const other = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR);
    expect((await h.run(QUERY, { id: original.id }, other)).data.experiment.viewerAdaptations).toEqual([]);
    expect((await h.run(QUERY, { id: original.id })).data.experiment.viewerAdaptations).toEqual([]);
  });
});

const WITHDRAW = `mutation($input: WithdrawExperimentInput!) { withdrawExperiment(input: $input) { status withdrawnAt withdrawalReason version } }`;

describe('withdrawing and deleting', () => {
  it('withdraws a published experiment with a reason readers see, and stops counting it as evidence', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const original = await buildExperiment(h.em(), { lead: await buildCouncil(h.em()), outcomes: [{ verdict: Verdict.WORKED }] });
    const adaptation = await buildExperiment(h.em(), { lead: council, forkOf: original, outcomes: [{ verdict: Verdict.HARMFUL }] });
    const reason = 'The figures double-counted repeat callers; corrected ones will follow.';
    const withdrawn = (await h.run(WITHDRAW, { input: { id: adaptation.id, version: adaptation.version, reason } }, editor)).data.withdrawExperiment;
    expect(withdrawn).toMatchObject({ status: 'PUBLISHED', withdrawalReason: reason });
    expect(withdrawn.withdrawnAt).toBeTruthy();
    const reader = (await h.run('query($id: ID) { experiment(id: $id) { withdrawnAt withdrawalReason } }', { id: adaptation.id })).data.experiment;
    expect(reader.withdrawalReason).toBe(reason);
    expect((await h.run(FAMILY, { id: original.id })).data.experiment.familySummary.placesTried).toBe(1);
    const again = await h.run(WITHDRAW, { input: { id: adaptation.id, version: withdrawn.version, reason } }, editor);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets only the lead council’s editors withdraw, and needs a reason', async () => {
    const council = await buildCouncil(h.em());
    const experiment = await buildExperiment(h.em(), { lead: council });
    const input = { id: experiment.id, version: experiment.version, reason: 'Superseded by our 2026 evaluation.' };
    expect(errorCodes(await h.run(WITHDRAW, { input }, await buildMember(h.em(), council, MemberRole.MEMBER)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(WITHDRAW, { input }, await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR)))).toEqual(['FORBIDDEN']);
    const blank = await h.run(WITHDRAW, { input: { ...input, reason: '   ' } }, await buildMember(h.em(), council, MemberRole.EDITOR));
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors?.[0]?.extensions?.field).toBe('input.reason');
    expect((await h.em().findOneOrFail(Experiment, experiment.id)).withdrawnAt).toBeNull();
  });

  it('deletes a draft with its outcomes, and refuses to delete published work', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const draft = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT, outcomes: [{ verdict: Verdict.MIXED }], artefacts: 1 });
    const DELETE = 'mutation($id: ID!, $v: Int!) { deleteDraftExperiment(id: $id, version: $v) }';
    expect(errorCodes(await h.run(DELETE, { id: draft.id, v: draft.version }, await buildMember(h.em(), council, MemberRole.MEMBER)))).toEqual(['FORBIDDEN']);
    expect((await h.run(DELETE, { id: draft.id, v: draft.version }, editor)).data.deleteDraftExperiment).toBe(draft.id);
    expect(await h.em().findOne(Experiment, draft.id)).toBeNull();
    const published = await buildExperiment(h.em(), { lead: council });
    const refused = await h.run(DELETE, { id: published.id, v: published.version }, editor);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.field).toBe('id');
    expect(await h.em().findOne(Experiment, published.id)).not.toBeNull();
  });
});
