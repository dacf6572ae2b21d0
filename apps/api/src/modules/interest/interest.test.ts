import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Interest } from './interest.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const SET = 'mutation($input: SetInterestInput!) { setInterest(input: $input) { interest { total considering planning trying } } }';
const READ = 'query($id: ID!) { experiment(id: $id) { interest { total considering planning trying entries { level note organisation { id } member { id } } mine { level } } } }';

describe('interest', () => {
  it('counts one interest per organisation; the team sees who and their note; others see counts only', async () => {
    const em = h.em();
    const lead = await buildCouncil(em);
    const [a, b, c] = [await buildCouncil(em), await buildCouncil(em), await buildCouncil(em)];
    const experiment = await buildExperiment(em, { lead });
    const team = await buildMember(em, lead, MemberRole.MEMBER);
    const [fromA, alsoFromA, fromB, fromC] = [await buildMember(em, a), await buildMember(em, a), await buildMember(em, b), await buildMember(em, c)];

    await h.run(SET, { input: { experimentId: experiment.id, level: 'CONSIDERING' } }, fromA);
    const again = await h.run(SET, { input: { experimentId: experiment.id, level: 'TRYING', note: 'Starting in April with two wards.' } }, alsoFromA);
    expect(again.data.setInterest.interest).toEqual({ total: 1, considering: 0, planning: 0, trying: 1 });
    await h.run(SET, { input: { experimentId: experiment.id, level: 'CONSIDERING' } }, fromB);
    await h.run(SET, { input: { experimentId: experiment.id, level: 'PLANNING' } }, fromC);

    const asTeam = await h.run(READ, { id: experiment.id }, team);
    expect(asTeam.data.experiment.interest).toMatchObject({ total: 3, considering: 1, planning: 1, trying: 1 });
    expect(asTeam.data.experiment.interest.entries).toContainEqual({ level: 'TRYING', note: 'Starting in April with two wards.', organisation: { id: a.id }, member: { id: alsoFromA.id } });
    const asOther = await h.run(READ, { id: experiment.id }, fromB);
    expect(asOther.data.experiment.interest).toMatchObject({ total: 3, entries: null, mine: { level: 'CONSIDERING' } });
    const anonymous = await h.run(READ, { id: experiment.id });
    expect(anonymous.data.experiment.interest).toMatchObject({ total: 3, entries: null, mine: null });

    const removed = await h.run(SET, { input: { experimentId: experiment.id, level: null } }, fromC);
    expect(removed.data.setInterest.interest.total).toBe(2);
  });

  it('is refused for the lead organisation itself and for long notes', async () => {
    const em = h.em();
    const lead = await buildCouncil(em);
    const experiment = await buildExperiment(em, { lead });
    const own = await h.run(SET, { input: { experimentId: experiment.id, level: 'TRYING' } }, await buildMember(em, lead));
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    const long = await h.run(SET, { input: { experimentId: experiment.id, level: 'TRYING', note: 'x'.repeat(501) } }, await buildMember(em, await buildCouncil(em)));
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    expect(await em.count(Interest, { experiment: experiment.id })).toBe(0);
  });
});
