import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Session } from '../identity/session.entity.js';
import { Member } from '../member/member.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('joining an organisation', () => {
  it('lets a reader ask to join and an admin approve, once', async () => {
    const council = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const reader = await buildMember(h.em(), null, MemberRole.MEMBER);
    const asked = await h.run('mutation($org: ID!) { requestToJoinOrganisation(input: { organisationId: $org, message: "Housing officer" }) { id status } }', { org: council.id }, reader);
    expect(asked.data.requestToJoinOrganisation.status).toBe('PENDING');
    const again = await h.run('mutation($org: ID!) { requestToJoinOrganisation(input: { organisationId: $org }) { id } }', { org: council.id }, reader);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const pending = await h.run('query($slug: String) { organisation(slug: $slug) { joinRequests { id message member { name } } viewerCan { manageMembers } } }', { slug: council.slug }, admin);
    expect(pending.data.organisation.joinRequests).toEqual([{ id: asked.data.requestToJoinOrganisation.id, message: 'Housing officer', member: { name: reader.name } }]);
    expect(pending.data.organisation.viewerCan.manageMembers).toBe(true);
    const hidden = await h.run('query($slug: String) { organisation(slug: $slug) { joinRequests { id } members { id } } }', { slug: council.slug }, reader);
    expect(hidden.data.organisation).toEqual({ joinRequests: null, members: null });

    const approved = await h.run('mutation($id: ID!) { decideJoinRequest(id: $id, approve: true) { status member { role organisation { id } } } }', { id: asked.data.requestToJoinOrganisation.id }, admin);
    expect(approved.data.decideJoinRequest).toEqual({ status: 'APPROVED', member: { role: 'MEMBER', organisation: { id: council.id } } });
    const twice = await h.run('mutation($id: ID!) { decideJoinRequest(id: $id, approve: false) { status } }', { id: asked.data.requestToJoinOrganisation.id }, admin);
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never leaves an organisation without an admin', async () => {
    const council = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const demote = await h.run('mutation($id: ID!) { setMemberRole(input: { memberId: $id, role: EDITOR }) { role } }', { id: admin.id }, admin);
    expect(demote.errors?.[0]?.extensions?.field).toBe('input.memberId');
    expect(errorCodes(await h.run('mutation($id: ID!) { removeMember(memberId: $id) { id } }', { id: admin.id }, admin))).toEqual(['BAD_USER_INPUT']);
    const second = await buildMember(h.em(), council, MemberRole.EDITOR);
    await h.run('mutation($id: ID!) { setMemberRole(input: { memberId: $id, role: ADMIN }) { role } }', { id: second.id }, admin);
    const removed = await h.run('mutation($id: ID!) { removeMember(memberId: $id) { organisation { id } role } }', { id: admin.id }, second);
    expect(removed.data.removeMember).toEqual({ organisation: null, role: 'MEMBER' });
  });

  it('refuses a malformed domain with the field at fault', async () => {
    const platformAdmin = await buildMember(h.em(), null, MemberRole.MEMBER, { platformAdmin: true });
    const council = await buildCouncil(h.em());
    for (const domain of ['not a domain', '@wigan.gov.uk', 'WIGAN.GOV.UK', 'localhost']) {
      const result = await h.run('mutation($org: ID!, $d: String!) { addOrganisationDomain(input: { organisationId: $org, domain: $d }) { id } }', { org: council.id, d: domain }, platformAdmin);
      expect(result.errors?.[0]?.extensions?.field, domain).toBe('input.domain');
    }
  });
});

describe('co-editors', () => {
  it('lets a named co-editor from a partner organisation see and edit the draft, and only that draft', async () => {
    const lead = await buildCouncil(h.em());
    const partner = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), lead, MemberRole.EDITOR);
    const friend = await buildMember(h.em(), partner, MemberRole.MEMBER);
    const draft = await buildExperiment(h.em(), { lead, status: 'DRAFT' as never, title: 'Shared draft' });
    const otherDraft = await buildExperiment(h.em(), { lead, status: 'DRAFT' as never, title: 'Private draft' });
    const added = await h.run('mutation($id: ID!, $e: String!) { addCoEditor(input: { experimentId: $id, email: $e }) { coEditors { id } } }', { id: draft.id, e: friend.email.toUpperCase() }, editor);
    expect(added.data.addCoEditor.coEditors).toEqual([{ id: friend.id }]);
    const seen = await h.run('query($id: ID) { experiment(id: $id) { title viewerCan { edit publish archive manageTeam } } }', { id: draft.id }, friend);
    expect(seen.data.experiment).toEqual({ title: 'Shared draft', viewerCan: { edit: true, publish: false, archive: false, manageTeam: false } });
    expect((await h.run('query($id: ID) { experiment(id: $id) { title } }', { id: otherDraft.id }, friend)).data.experiment).toBeNull();
    const unknown = await h.run('mutation($id: ID!) { addCoEditor(input: { experimentId: $id, email: "ghost@nowhere.example" }) { id } }', { id: draft.id }, editor);
    expect(unknown.errors?.[0]?.extensions?.field).toBe('input.email');
  });
});

describe('the audit log', () => {
  it("records who changed what, with before and after, for the organisation's admins only", async () => {
    const council = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const experiment = await buildExperiment(h.em(), { lead: council, status: 'DRAFT' as never, title: 'Before title' });
    await h.run('mutation($id: ID!) { updateExperiment(id: $id, version: 1, input: { title: "After title" }) { id } }', { id: experiment.id }, editor);
    const log = await h.run('query($org: ID!) { auditLog(organisationId: $org, first: 20) { nodes { operation actorName entityType entityId change before after } } }', { org: council.id }, admin);
    expect(log.errors).toBeUndefined();
    const update = log.data.auditLog.nodes.find((n: { entityType: string; operation: string }) => n.entityType === 'Experiment' && n.operation === 'updateExperiment');
    expect(update).toMatchObject({ actorName: editor.name, entityId: experiment.id, change: 'UPDATE', before: { title: 'Before title' }, after: { title: 'After title' } });
    expect(errorCodes(await h.run('query($org: ID!) { auditLog(organisationId: $org) { nodes { id } } }', { org: council.id }, editor))).toEqual(['FORBIDDEN']);
  });

  it('never stores secrets in the log', async () => {
    const council = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const created = await h.run('mutation($org: ID!) { createApiKey(input: { organisationId: $org, name: "Sync" }) { secret apiKey { id prefix } } }', { org: council.id }, admin);
    const entry = await h.em().findOneOrFail(AuditEntry, { entityId: created.data.createApiKey.apiKey.id });
    expect(entry.after?.secretHash).toBe('[redacted]');
    // Regression: the secret may itself contain "_", so take everything after the prefix.
    const { secret, apiKey } = created.data.createApiKey;
    expect(JSON.stringify(entry)).not.toContain(secret.slice(apiKey.prefix.length + 1));
  });
});

describe('personal data', () => {
  it('downloads what Synapse holds about you, and deletes your account keeping the content', async () => {
    const council = await buildCouncil(h.em());
    const me = await buildMember(h.em(), council, MemberRole.EDITOR, { name: 'Priya Shah', jobTitle: 'Commissioner' });
    await buildMember(h.em(), council, MemberRole.ADMIN);
    const created = await h.run('mutation { createExperiment(input: { title: "My pilot", summary: "Mine." }) { id } }', {}, me);
    const data = await h.run('{ myPersonalData }', {}, me);
    expect(data.data.myPersonalData.profile).toMatchObject({ name: 'Priya Shah', email: me.email, jobTitle: 'Commissioner' });
    expect(data.data.myPersonalData.experimentsStarted).toEqual([{ id: created.data.createExperiment.id, title: 'My pilot', status: 'DRAFT' }]);
    expect(data.data.myPersonalData.changesMade.length).toBeGreaterThan(0);

    const em = h.em();
    em.persist(Object.assign(new Session(), { tokenHash: 'x'.repeat(64), member: em.getReference(Member, me.id), csrfToken: 'c', expiresAt: new Date(Date.now() + 60_000) }));
    await em.flush();
    expect((await h.run('mutation { deleteMyAccount }', {}, me)).data.deleteMyAccount).toBe(true);
    const after = await h.em().findOneOrFail(Member, me.id);
    expect(after).toMatchObject({ name: 'Former member', jobTitle: null, organisation: null });
    expect(after.email).not.toContain('example.gov.uk');
    expect(await h.em().count(Session, { member: me.id })).toBe(0);
    expect(await h.em().count(AuditEntry, { actorId: me.id, actorName: 'Priya Shah' })).toBe(0);
    // The experiment stays with the council.
    const admin = await h.em().findOneOrFail(Member, { organisation: council.id, role: MemberRole.ADMIN });
    const kept = await h.run('query($id: ID) { experiment(id: $id) { title leadOrganisation { id } } }', { id: created.data.createExperiment.id }, admin);
    expect(kept.data.experiment).toEqual({ title: 'My pilot', leadOrganisation: { id: council.id } });
  });
});
