import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateExperimentInput!, $from: JSONObject) {
  updateExperiment(id: $id, version: $v, input: $input, startedFrom: $from) { version summary problem approach serviceAreas { slug } themes } }`;

async function twoEditors() {
  const council = await buildCouncil(h.em());
  const experiment = await buildExperiment(h.em(), { lead: council, serviceAreas: ['adult-social-care'] });
  const [amina, ben] = [await buildMember(h.em(), council, MemberRole.EDITOR), await buildMember(h.em(), council, MemberRole.EDITOR)];
  return { experiment, amina, ben };
}

describe('conflicts at the grain of a section', () => {
  it('refuses startedFrom that is not an object with BAD_USER_INPUT naming it, saving nothing', async () => {
    const { experiment, amina } = await twoEditors();
    for (const from of ['a summary', ['summary'], 42]) {
      const result = await h.run(UPDATE, { id: experiment.id, v: experiment.version, input: { summary: 'Not saved.' }, from }, amina);
      expect(errorCodes(result), JSON.stringify(from)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(result.errors)).toContain('$from');
    }
    const stored = await h.run('query($id: ID!) { experiment(id: $id) { summary version } }', { id: experiment.id }, amina);
    expect(stored.data.experiment).toEqual({ summary: experiment.summary, version: experiment.version });
  });

  it('merges two people saving different sections from the same version', async () => {
    const { experiment, amina, ben } = await twoEditors();
    const opened = experiment.version;
    const first = await h.run(UPDATE, { id: experiment.id, v: opened, input: { summary: 'Amina’s summary.' }, from: { summary: experiment.summary } }, amina);
    expect(first.errors).toBeUndefined();
    const second = await h.run(
      UPDATE,
      { id: experiment.id, v: opened, input: { problem: 'Ben’s problem.', serviceAreas: ['housing-and-homelessness'] }, from: { problem: experiment.problem, serviceAreas: ['adult-social-care'] } },
      ben,
    );
    expect(second.errors).toBeUndefined();
    expect(second.data.updateExperiment).toMatchObject({ summary: 'Amina’s summary.', problem: 'Ben’s problem.', serviceAreas: [{ slug: 'housing-and-homelessness' }] });
  });

  it('refuses a save of a field someone else changed since, saying what they changed and what you were saving', async () => {
    const { experiment, amina, ben } = await twoEditors();
    const opened = experiment.version;
    await h.run(UPDATE, { id: experiment.id, v: opened, input: { summary: 'Amina’s summary.' }, from: { summary: experiment.summary } }, amina);
    const clash = await h.run(
      UPDATE,
      { id: experiment.id, v: opened, input: { summary: 'Ben’s summary.', approach: 'Ben’s approach.' }, from: { summary: experiment.summary, approach: experiment.approach } },
      ben,
    );
    expect(errorCodes(clash)).toEqual(['CONFLICT']);
    expect(clash.errors?.[0]?.extensions?.fields).toEqual([{ field: 'summary', theirs: 'Amina’s summary.', yours: 'Ben’s summary.' }]);
    // Nothing of Ben's save was half-written.
    const page = (await h.run('query($id: ID) { experiment(id: $id) { summary approach } }', { id: experiment.id })).data.experiment;
    expect(page).toEqual({ summary: 'Amina’s summary.', approach: experiment.approach });
  });

  it('compares lists as sets, ignores spacing and case where the API does, and is no conflict when both made the same change', async () => {
    const { experiment, amina, ben } = await twoEditors();
    const opened = experiment.version;
    await h.run(UPDATE, { id: experiment.id, v: opened, input: { themes: ['Prevention', 'co-production'] }, from: { themes: [] } }, amina);
    const same = await h.run(UPDATE, { id: experiment.id, v: opened, input: { themes: ['co-production', 'prevention'] }, from: { themes: [] } }, ben);
    expect(same.errors).toBeUndefined();
    const reordered = await h.run(UPDATE, { id: experiment.id, v: opened, input: { themes: ['prevention'] }, from: { themes: [' CO-PRODUCTION', 'prevention'] } }, amina);
    expect(reordered.data.updateExperiment.themes).toEqual(['prevention']);
  });

  it('treats a field left out of startedFrom as changed, and keeps whole-record versions for clients that send none', async () => {
    const { experiment, amina, ben } = await twoEditors();
    const opened = experiment.version;
    await h.run(UPDATE, { id: experiment.id, v: opened, input: { problem: 'Changed.' } }, amina);
    expect(errorCodes(await h.run(UPDATE, { id: experiment.id, v: opened, input: { summary: 'Stale.' } }, ben))).toEqual(['CONFLICT']);
    const missing = await h.run(UPDATE, { id: experiment.id, v: opened, input: { problem: 'Ben’s.' }, from: {} }, ben);
    expect(errorCodes(missing)).toEqual(['CONFLICT']);
  });
});
