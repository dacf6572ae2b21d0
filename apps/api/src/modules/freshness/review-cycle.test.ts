import { ExperimentStatus, MemberRole, Stage } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const FRESHNESS = `query($id: ID!) { experiment(id: $id) { version lastUpdatedAt lastReviewedOn reviewDueOn reviewOverdue resultsOverdue } }`;
const CONFIRM = 'mutation($id: ID!) { confirmExperimentStillAccurate(id: $id) { lastReviewedOn reviewDueOn reviewOverdue } }';
const UPDATE = 'mutation($id: ID!, $version: Int!, $input: UpdateExperimentInput!) { updateExperiment(id: $id, version: $version, input: $input) { version } }';
const ADD_OUTCOME = 'mutation($id: ID!, $input: AddOutcomeInput!) { addOutcome(experimentId: $id, input: $input) { id } }';
const FOLLOW = 'mutation($key: String!) { follow(input: { target: EXPERIMENT, key: $key }) { id } }';

async function freshness(id: string) {
  const result = await h.run(FRESHNESS, { id });
  expect(result.errors).toBeUndefined();
  return result.data.experiment;
}

/** A published pilot last changed on `changedOn`. */
async function publishedPilot(changedOn: string, extra: Partial<Experiment> = {}) {
  const council = await buildCouncil(h.em());
  const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
  const experiment = await buildExperiment(h.em(), { lead: council, stage: Stage.PILOT });
  await h.em().nativeUpdate(Experiment, { id: experiment.id }, { contentChangedAt: new Date(`${changedOn}T10:00:00Z`), ...extra });
  return { council, editor, experiment };
}

describe('review cycle (time travel with the injectable clock)', () => {
  it('falls due twelve months after the last substantive change and shows as overdue from that day', async () => {
    const { experiment } = await publishedPilot('2029-03-10');
    h.clock.set('2030-03-09T23:00:00Z');
    expect(await freshness(experiment.id)).toMatchObject({ reviewDueOn: '2030-03-10', reviewOverdue: false, lastUpdatedAt: '2029-03-10T10:00:00.000Z' });
    h.clock.set('2030-03-10T08:00:00Z');
    expect((await freshness(experiment.id)).reviewOverdue).toBe(true);
  });

  it('"still accurate" records the review, audited, and restarts the cycle from that day', async () => {
    const { editor, experiment } = await publishedPilot('2029-03-10');
    h.clock.set('2030-05-02T12:00:00Z');
    const confirmed = await h.run(CONFIRM, { id: experiment.id }, editor);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmExperimentStillAccurate).toEqual({ lastReviewedOn: '2030-05-02', reviewDueOn: '2031-05-02', reviewOverdue: false });
    const audit = await h.em().findOneOrFail(AuditEntry, { entityId: experiment.id, operation: 'confirmExperimentStillAccurate' });
    expect(audit).toMatchObject({ actorId: editor.id, after: { lastReviewedOn: '2030-05-02' } });
    h.clock.set('2031-05-02T12:00:00Z');
    expect((await freshness(experiment.id)).reviewOverdue).toBe(true);
  });

  it('answers NOT_FOUND for an unknown experiment and BAD_USER_INPUT on id when it is missing, recording no review', async () => {
    const { editor, experiment } = await publishedPilot('2029-03-10');
    expect(errorCodes(await h.run(CONFIRM, { id: '00000000-0000-4000-8000-000000000000' }, editor))).toEqual(['NOT_FOUND']);
    const missing = await h.run(CONFIRM, { id: null }, editor);
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(missing.errors)).toContain('$id');
    expect((await h.em().findOneOrFail(Experiment, { id: experiment.id })).lastReviewedOn).toBe(experiment.lastReviewedOn ?? null);
  });

  it('only the team may confirm: others get FORBIDDEN, anonymous callers too', async () => {
    const { experiment } = await publishedPilot('2029-03-10');
    const outsider = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.ADMIN);
    expect(errorCodes(await h.run(CONFIRM, { id: experiment.id }, outsider))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(CONFIRM, { id: experiment.id }, null))).toEqual(['FORBIDDEN']);
  });

  it('a substantive edit or a new outcome restarts the cycle; a follow or a contact change does not', async () => {
    const { editor, experiment } = await publishedPilot('2029-03-10');
    const reader = await buildMember(h.em(), null, MemberRole.MEMBER);
    h.clock.set('2030-04-01T12:00:00Z');
    expect((await h.run(FOLLOW, { key: experiment.id }, reader)).errors).toBeUndefined();
    let version = (await freshness(experiment.id)).version;
    expect((await h.run(UPDATE, { id: experiment.id, version, input: { contactName: 'Sam Patel' } }, editor)).errors).toBeUndefined();
    expect(await freshness(experiment.id)).toMatchObject({ reviewOverdue: true, lastUpdatedAt: '2029-03-10T10:00:00.000Z' });

    version = (await freshness(experiment.id)).version;
    expect((await h.run(UPDATE, { id: experiment.id, version, input: { approach: 'A revised approach after the first cohort.' } }, editor)).errors).toBeUndefined();
    expect(await freshness(experiment.id)).toMatchObject({ reviewOverdue: false, reviewDueOn: '2031-04-01', lastUpdatedAt: '2030-04-01T12:00:00.000Z' });

    h.clock.set('2031-06-01T12:00:00Z');
    const outcome = { title: 'Fewer repeat visits', verdict: 'MIXED', evaluationDesign: 'BEFORE_AFTER', evidenceLevel: 2, measures: [] };
    expect((await h.run(ADD_OUTCOME, { id: experiment.id, input: outcome }, editor)).errors).toBeUndefined();
    expect(await freshness(experiment.id)).toMatchObject({ reviewOverdue: false, reviewDueOn: '2032-06-01' });
  });

  it('confirming a draft as still accurate is refused (BAD_USER_INPUT on id) and gives it no review date', async () => {
    const council = await buildCouncil(h.em());
    const draft = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    h.clock.set('2030-05-02T12:00:00Z');
    const refused = await h.run(CONFIRM, { id: draft.id }, editor);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await h.em().findOneOrFail(Experiment, { id: draft.id })).lastReviewedOn).toBeNull();
    expect(await h.em().count(AuditEntry, { entityId: draft.id, operation: 'confirmExperimentStillAccurate' })).toBe(0);
  });

  it('drafts have no review date and are never overdue', async () => {
    const council = await buildCouncil(h.em());
    const draft = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    h.clock.set('2040-01-01T00:00:00Z');
    const result = await h.run(FRESHNESS, { id: draft.id }, editor);
    expect(result.data.experiment).toMatchObject({ reviewDueOn: null, reviewOverdue: false, resultsOverdue: false });
  });
});

describe('results overdue', () => {
  it('a published pilot whose end date has passed with no outcome is "results not yet reported" until one is added', async () => {
    const { editor, experiment } = await publishedPilot('2029-03-10', { startDate: '2029-01-01', endDate: '2029-06-30' });
    h.clock.set('2029-06-30T18:00:00Z');
    expect((await freshness(experiment.id)).resultsOverdue).toBe(false);
    h.clock.set('2029-07-01T08:00:00Z');
    expect((await freshness(experiment.id)).resultsOverdue).toBe(true);
    const outcome = { title: 'No change in waiting times', verdict: 'NO_EFFECT', evaluationDesign: 'BEFORE_AFTER', evidenceLevel: 2, measures: [] };
    expect((await h.run(ADD_OUTCOME, { id: experiment.id, input: outcome }, editor)).errors).toBeUndefined();
    expect((await freshness(experiment.id)).resultsOverdue).toBe(false);
  });
});
