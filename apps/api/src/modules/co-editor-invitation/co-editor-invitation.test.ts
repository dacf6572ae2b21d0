import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import type { Member } from '../member/member.entity.js';
import { DomainEvent } from '../notification/domain-event.entity.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { sendDigests } from '../notification/notification.service.js';
import { CoEditorInvitation } from './co-editor-invitation.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const INVITE = 'mutation($e: ID!, $m: ID!) { inviteCoEditor(input: { experimentId: $e, memberId: $m }) { id status member { id } } }';
const RESPOND = 'mutation($id: ID!, $accept: Boolean!) { respondToCoEditorInvitation(id: $id, accept: $accept) { id status experiment { viewerCan { edit } } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawCoEditorInvitation(id: $id) { id status } }';
const ENTRIES = 'query($id: ID!) { experiment(id: $id) { interest { entries { member { id } viewerCan { inviteAsCoEditor } coEditorInvitation { id status viewerCan { withdraw } } } } } }';
const NOTIFICATIONS = '{ notifications(first: 10) { nodes { kind message coEditorInvitation { id status viewerCan { respond } experiment { title } } } } }';

/** Leeds leads a published experiment; an officer at Wigan said "we're trying this too". */
async function world() {
  const em = h.em();
  const lead = await buildCouncil(em, { name: 'Leeds City Council' });
  const other = await buildCouncil(em, { name: 'Wigan Council' });
  const experiment = await buildExperiment(em, { lead, title: 'Volunteer drivers for hospital discharge' });
  const editor = await buildMember(em, lead, MemberRole.EDITOR);
  const teamMember = await buildMember(em, lead, MemberRole.MEMBER);
  const interested = await buildMember(em, other, MemberRole.MEMBER);
  const colleague = await buildMember(em, other, MemberRole.EDITOR);
  const set = await h.run('mutation($id: ID!) { setInterest(input: { experimentId: $id, level: TRYING }) { id } }', { id: experiment.id }, interested);
  expect(set.errors).toBeUndefined();
  return { lead, other, experiment, editor, teamMember, interested, colleague };
}

async function invitationRows(experimentId: string): Promise<CoEditorInvitation[]> {
  return h.em().find(CoEditorInvitation, { experiment: experimentId });
}

async function coEditorRows(experimentId: string, member: Member): Promise<number> {
  return h.em().count(ExperimentTeamMember, { experiment: experimentId, member: member.id });
}

describe('inviting someone from the interest list to co-edit', () => {
  it('the invited person hears once, accepts, and can edit; the co-editor is audited like addCoEditor', async () => {
    const w = await world();
    const before = await h.run(ENTRIES, { id: w.experiment.id }, w.editor);
    expect(before.data.experiment.interest.entries).toEqual([{ member: { id: w.interested.id }, viewerCan: { inviteAsCoEditor: true }, coEditorInvitation: null }]);

    const invited = await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor);
    expect(invited.data.inviteCoEditor).toMatchObject({ status: 'PENDING', member: { id: w.interested.id } });
    const again = await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor);
    expect(again.data.inviteCoEditor.id).toBe(invited.data.inviteCoEditor.id);
    expect(await invitationRows(w.experiment.id)).toHaveLength(1);

    const listed = await h.run(ENTRIES, { id: w.experiment.id }, w.editor);
    expect(listed.data.experiment.interest.entries[0]).toMatchObject({ viewerCan: { inviteAsCoEditor: false }, coEditorInvitation: { status: 'PENDING', viewerCan: { withdraw: true } } });

    await h.run('mutation { setNotificationDigest(input: { frequency: DAILY }) { digest } }', {}, w.interested);
    await h.runJobs();
    const inbox = await h.run(NOTIFICATIONS, {}, w.interested);
    expect(inbox.data.notifications.nodes).toEqual([
      {
        kind: 'CO_EDITOR_INVITATION',
        message: 'Leeds City Council invites you to co-edit “Volunteer drivers for hospital discharge”. Accept or decline the invitation in your Synapse notifications.',
        coEditorInvitation: { id: invited.data.inviteCoEditor.id, status: 'PENDING', viewerCan: { respond: true }, experiment: { title: 'Volunteer drivers for hospital discharge' } },
      },
    ]);
    h.mail.length = 0;
    await sendDigests(h.em(), { send: async (mail) => void h.mail.push(mail) }, h.config);
    expect(h.mail.find((mail) => mail.to === w.interested.email)?.text).toContain('Leeds City Council invites you to co-edit “Volunteer drivers for hospital discharge”');

    const accepted = await h.run(RESPOND, { id: invited.data.inviteCoEditor.id, accept: true }, w.interested);
    expect(accepted.data.respondToCoEditorInvitation).toMatchObject({ status: 'ACCEPTED', experiment: { viewerCan: { edit: true } } });
    expect(await coEditorRows(w.experiment.id, w.interested)).toBe(1);
    const audit = await h.em().findOne(AuditEntry, { entityType: 'ExperimentTeamMember', operation: 'respondToCoEditorInvitation', actorId: w.interested.id });
    expect(audit).toMatchObject({ change: 'CREATE', subjectOrganisationId: w.lead.id, after: expect.objectContaining({ member: w.interested.id }) });
    const edited = await h.run('mutation($id: ID!, $v: Int!) { updateExperiment(id: $id, version: $v, input: { approach: "Drivers from the volunteer centre." }) { id } }', { id: w.experiment.id, v: w.experiment.version }, w.interested);
    expect(edited.errors).toBeUndefined();

    const twice = await h.run(RESPOND, { id: invited.data.inviteCoEditor.id, accept: true }, w.interested);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await coEditorRows(w.experiment.id, w.interested)).toBe(1);
    const after = await h.run(ENTRIES, { id: w.experiment.id }, w.editor);
    expect(after.data.experiment.interest.entries[0]).toMatchObject({ viewerCan: { inviteAsCoEditor: false }, coEditorInvitation: { status: 'ACCEPTED', viewerCan: { withdraw: false } } });
    const reinvite = await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor);
    expect(reinvite.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
  });

  it('is answered only by the person invited, and only by the people who may add co-editors sent or withdrawn', async () => {
    const w = await world();
    const byMember = await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.teamMember);
    expect(errorCodes(byMember)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.colleague))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }))).toEqual(['UNAUTHENTICATED']);
    expect(await invitationRows(w.experiment.id)).toHaveLength(0);

    const { id } = (await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor)).data.inviteCoEditor;
    expect(errorCodes(await h.run(RESPOND, { id, accept: true }, w.colleague))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(RESPOND, { id, accept: true }, w.editor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(WITHDRAW, { id }, w.interested))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(WITHDRAW, { id }, w.teamMember))).toEqual(['FORBIDDEN']);
    expect(await coEditorRows(w.experiment.id, w.colleague)).toBe(0);
    expect((await invitationRows(w.experiment.id))[0]?.status).toBe('PENDING');

    expect(errorCodes(await h.run(INVITE, { e: 'no-such-experiment', m: w.interested.id }, w.editor))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(INVITE, { e: w.experiment.id, m: 'no-such-member' }, w.editor))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(RESPOND, { id: 'no-such-invitation', accept: true }, w.interested))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(WITHDRAW, { id: 'no-such-invitation' }, w.editor))).toEqual(['NOT_FOUND']);
  });

  it('refuses bad input with the field and writes nothing: the lead organisation, people who showed no interest, malformed ids', async () => {
    const w = await world();
    const bystander = await buildMember(h.em(), w.other, MemberRole.MEMBER);
    const eventsBefore = await h.em().count(DomainEvent, {});
    for (const [memberId, reason] of [
      [w.teamMember.id, 'members of the lead organisation are already on the team'],
      [bystander.id, 'only people who recorded interest in this experiment can be invited from its interest list'],
    ]) {
      const refused = await h.run(INVITE, { e: w.experiment.id, m: memberId }, w.editor);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId', reason });
    }
    const malformed = await h.run(INVITE, { e: w.experiment.id, m: 'x'.repeat(37) }, w.editor);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
    expect(await invitationRows(w.experiment.id)).toHaveLength(0);
    expect(await h.em().count(DomainEvent, {})).toBe(eventsBefore);
  });

  it('a declined invitation ends it for good; a withdrawn one is never delivered, cannot be accepted, and can be sent again', async () => {
    const w = await world();
    const declined = (await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor)).data.inviteCoEditor;
    await h.runJobs();
    expect((await h.run(RESPOND, { id: declined.id, accept: false }, w.interested)).data.respondToCoEditorInvitation.status).toBe('DECLINED');
    expect(await coEditorRows(w.experiment.id, w.interested)).toBe(0);
    const nagging = await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor);
    expect(nagging.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
    expect(errorCodes(await h.run(WITHDRAW, { id: declined.id }, w.editor))).toEqual(['BAD_USER_INPUT']);

    // Withdrawn before the fan-out job ran: the colleague, who also said they are trying it, is never told.
    await h.run('mutation($id: ID!) { setInterest(input: { experimentId: $id, level: PLANNING }) { id } }', { id: w.experiment.id }, w.colleague);
    const sent = (await h.run(INVITE, { e: w.experiment.id, m: w.colleague.id }, w.editor)).data.inviteCoEditor;
    expect((await h.run(WITHDRAW, { id: sent.id }, w.editor)).data.withdrawCoEditorInvitation.status).toBe('WITHDRAWN');
    await h.runJobs();
    expect(await h.em().count(Notification, { member: w.colleague.id })).toBe(0);
    const late = await h.run(RESPOND, { id: sent.id, accept: true }, w.colleague);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'the team has withdrawn this invitation' });
    expect(await coEditorRows(w.experiment.id, w.colleague)).toBe(0);

    const resent = (await h.run(INVITE, { e: w.experiment.id, m: w.colleague.id }, w.editor)).data.inviteCoEditor;
    expect(resent).toMatchObject({ id: sent.id, status: 'PENDING' });
    await h.runJobs();
    expect(await h.em().count(Notification, { member: w.colleague.id, kind: NotificationKind.CO_EDITOR_INVITATION })).toBe(1);
  });

  it('goes with the account of the person invited when they delete it', async () => {
    const w = await world();
    await h.run(INVITE, { e: w.experiment.id, m: w.interested.id }, w.editor);
    expect(await invitationRows(w.experiment.id)).toHaveLength(1);
    expect((await h.run('mutation { deleteMyAccount }', {}, w.interested)).data.deleteMyAccount).toBe(true);
    expect(await invitationRows(w.experiment.id)).toHaveLength(0);
  });
});
