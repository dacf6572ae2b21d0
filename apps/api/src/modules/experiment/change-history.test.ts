import { MemberRole } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

describe('the public change history', () => {
  it('lists stages on the dates the team gave and what changed after publishing, naming no one', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR, { name: 'Priya Shah' });
    const created = (
      await h.run(
        `mutation { createExperiment(input: { title: "Library warm spaces", summary: "Warm, staffed rooms in winter.", problem: "Cold homes.",
          approach: "Open libraries late.", serviceAreas: ["public-health"], stage: PILOT, stageChangedOn: "2024-11-04" }) { id version } }`,
        {},
        editor,
      )
    ).data.createExperiment;
    // Drafting is private: edits before publishing are not in the public history.
    const drafted = (await h.run('mutation($id: ID!, $v: Int!) { updateExperiment(id: $id, version: $v, input: { summary: "Warm rooms." }) { version } }', { id: created.id, v: created.version }, editor)).data.updateExperiment;
    const published = await h.run('mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { version } }', { id: created.id, v: drafted.version }, editor);
    expect(published.errors).toBeUndefined();
    const outcome = (
      await h.run(
        'mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "More visits", verdict: WORKED, evaluationDesign: BEFORE_AFTER, evidenceLevel: 2 }) { id version } }',
        { id: created.id },
        editor,
      )
    ).data.addOutcome;
    await h.run('mutation($id: ID!, $v: Int!) { updateOutcome(id: $id, version: $v, input: { title: "Many more visits" }) { id } }', { id: outcome.id, v: outcome.version }, editor);
    const { version } = (await h.run('query($id: ID) { experiment(id: $id) { version } }', { id: created.id })).data.experiment;
    const moved = await h.run(
      'mutation($id: ID!, $v: Int!) { updateExperiment(id: $id, version: $v, input: { stage: SCALING, stageChangedOn: "2025-03-03" }) { version } }',
      { id: created.id, v: version },
      editor,
    );
    expect(moved.errors).toBeUndefined();

    const history = (await h.run('query($id: ID) { experiment(id: $id) { changeHistory { on changes } } }', { id: created.id })).data.experiment.changeHistory;
    expect(history).toEqual([
      { on: today(), changes: ['published', 'outcome added', 'outcome corrected'] },
      { on: '2025-03-03', changes: ['moved to the scaling stage'] },
      { on: '2024-11-04', changes: ['started at the pilot stage'] },
    ]);
    expect(JSON.stringify(history)).not.toContain('Priya');
  });

  it('keeps a removed outcome in the history of its own experiment only', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const ids: string[] = [];
    for (const title of ['Bus passes for carers', 'Carers’ cafés']) {
      const made = (
        await h.run(
          `mutation($title: String!) { createExperiment(input: { title: $title, summary: "S.", problem: "P.", approach: "A.", serviceAreas: ["adult-social-care"] }) { id version } }`,
          { title },
          editor,
        )
      ).data.createExperiment;
      await h.run('mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { id } }', { id: made.id, v: made.version }, editor);
      ids.push(made.id);
    }
    const outcome = (
      await h.run('mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Fewer missed appointments", verdict: MIXED, evaluationDesign: CASE_STUDY, evidenceLevel: 1 }) { id version } }', { id: ids[0] }, editor)
    ).data.addOutcome;
    await h.run('mutation($id: ID!, $v: Int!) { removeOutcome(id: $id, version: $v) }', { id: outcome.id, v: outcome.version }, editor);
    const [busPasses, cafes] = ids;
    assert(busPasses && cafes, 'both experiments were created');
    const historyOf = async (id: string) => (await h.run('query($id: ID) { experiment(id: $id) { changeHistory { changes } } }', { id })).data.experiment.changeHistory[0].changes;
    expect(await historyOf(busPasses)).toEqual(['started at the idea stage', 'published', 'outcome added', 'outcome removed']);
    expect(await historyOf(cafes)).toEqual(['started at the idea stage', 'published']);
  });
});
