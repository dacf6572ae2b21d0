import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const ATTENTION = `{ attention {
  __typename
  ... on ReviewDueItem { dueOn experiment { title } }
  ... on ResultsOverdueItem { endDate experiment { title } }
  ... on JoinRequestItem { joinRequest { message member { name } } }
} }`;

it("lists what needs the organisation: reviews due and results overdue for editors, join requests too for admins", async () => {
  const council = await buildCouncil(h.em());
  const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
  const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
  const stale = await buildExperiment(h.em(), { lead: council, title: 'Stale record' });
  const ended = await buildExperiment(h.em(), { lead: council, title: 'Ended pilot' });
  await buildExperiment(h.em(), { lead: council, title: 'Fresh and running' });
  const other = await buildExperiment(h.em(), { lead: await buildCouncil(h.em()), title: 'Someone else’s stale record' });
  await h.em().nativeUpdate(Experiment, { id: { $in: [stale.id, other.id] } }, { contentChangedAt: new Date('2029-01-15T10:00:00Z') });
  await h.em().nativeUpdate(Experiment, { id: ended.id }, { contentChangedAt: new Date('2029-09-01T10:00:00Z'), startDate: '2029-01-01', endDate: '2029-12-31' });
  await h.em().nativeUpdate(Experiment, { id: { $nin: [stale.id, other.id, ended.id] }, leadOrganisation: council.id }, { contentChangedAt: new Date('2029-09-01T10:00:00Z') });
  const reader = await buildMember(h.em(), null, MemberRole.MEMBER);
  const asked = await h.run('mutation($org: ID!) { requestToJoinOrganisation(input: { organisationId: $org, message: "New housing officer" }) { id } }', { org: council.id }, reader);
  expect(asked.errors).toBeUndefined();

  h.clock.set('2030-02-01T09:00:00Z');
  const forEditor = await h.run(ATTENTION, {}, editor);
  expect(forEditor.errors).toBeUndefined();
  expect(forEditor.data.attention).toEqual([
    { __typename: 'ResultsOverdueItem', endDate: '2029-12-31', experiment: { title: 'Ended pilot' } },
    { __typename: 'ReviewDueItem', dueOn: '2030-01-15', experiment: { title: 'Stale record' } },
  ]);
  const forAdmin = await h.run(ATTENTION, {}, admin);
  expect(forAdmin.data.attention).toHaveLength(3);
  expect(forAdmin.data.attention[2]).toEqual({ __typename: 'JoinRequestItem', joinRequest: { message: 'New housing officer', member: { name: reader.name } } });

  const member = await buildMember(h.em(), council, MemberRole.MEMBER);
  expect(errorCodes(await h.run(ATTENTION, {}, member))).toEqual(['FORBIDDEN']);
  expect(errorCodes(await h.run(ATTENTION, {}, null))).toEqual(['FORBIDDEN']);
});
