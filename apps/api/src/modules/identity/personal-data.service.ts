import { MemberRole } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { ForbiddenError } from '../../errors.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { auditScope } from '../audit/audit-scope.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { CoEditorInvitation } from '../co-editor-invitation/co-editor-invitation.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { JoinRequest } from '../membership/join-request.entity.js';
import { SavedSearch } from '../saved-search/saved-search.entity.js';
import { Session } from './session.entity.js';
import { SignInToken } from './sign-in-token.entity.js';

/** Everything Synapse holds about the signed-in person, for download (UK GDPR right of access). */
export async function personalData(em: EntityManager, viewer: Member | null): Promise<Record<string, unknown>> {
  if (!viewer) throw new ForbiddenError('download personal data: sign in first');
  const [sessions, joinRequests, coEditing, created, actions, savedSearches] = await Promise.all([
    em.find(Session, { member: viewer.id }, { orderBy: { createdAt: 'desc' } }),
    em.find(JoinRequest, { member: viewer.id }, { populate: ['organisation'] }),
    em.find(ExperimentTeamMember, { member: viewer.id }, { populate: ['experiment'] }),
    em.find(Experiment, { createdBy: viewer.id }, { fields: ['id', 'title', 'status'] }),
    em.find(AuditEntry, { actorId: viewer.id }, { orderBy: { createdAt: 'desc' }, limit: 5000 }),
    em.find(SavedSearch, { member: viewer.id }, { orderBy: { createdAt: 'desc' } }),
  ]);
  const organisation = viewer.organisation ? await viewer.organisation.load() : null;
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: viewer.id,
      name: viewer.name,
      jobTitle: viewer.jobTitle,
      email: viewer.email,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
      role: viewer.role,
      platformAdmin: viewer.platformAdmin,
      joinedAt: viewer.createdAt.toISOString(),
    },
    sessions: sessions.map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, userAgent: s.userAgent })),
    joinRequests: joinRequests.map((r) => ({ organisation: r.organisation.getEntity().name, status: r.status, message: r.message, createdAt: r.createdAt })),
    coEditorOf: coEditing.map((t) => ({ experimentId: t.experiment.id, title: t.experiment.getEntity().title })),
    experimentsStarted: created.map((e) => ({ id: e.id, title: e.title, status: e.status })),
    savedSearches: savedSearches.map((s) => ({ name: s.name, query: s.query, filter: s.filter, createdAt: s.createdAt })),
    changesMade: actions.map((a) => ({ at: a.createdAt, operation: a.operation, entityType: a.entityType, entityId: a.entityId, change: a.change })),
  };
}

/**
 * Deletes the person's account: their sessions, tokens and requests go; the member record is anonymised so the
 * organisation's published content, which is attributed to the organisation, stays intact.
 */
export async function deleteAccount(em: EntityManager, viewer: Member | null): Promise<void> {
  if (!viewer) throw new ForbiddenError('delete an account: sign in first');
  // Outside the automatic audit (which would copy the name and email into the log); recorded by hand below.
  await auditScope.exit(() => em.transactional(async (tem) => {
    const member = await tem.findOneOrFail(Member, { id: viewer.id });
    if (member.role === MemberRole.ADMIN && member.organisation) {
      const admins = await tem.count(Member, { organisation: member.organisation.id, role: MemberRole.ADMIN, deletedAt: null });
      if (admins <= 1) throw new ForbiddenError('delete the last admin of an organisation: make someone else an admin first');
    }
    await tem.nativeDelete(Session, { member: member.id });
    await tem.nativeDelete(SignInToken, { email: member.email });
    await tem.nativeDelete(JoinRequest, { member: member.id });
    await tem.nativeDelete(ExperimentTeamMember, { member: member.id });
    await tem.nativeDelete(SavedSearch, { member: member.id });
    await tem.nativeDelete(CoEditorInvitation, { member: member.id });
    await tem.nativeUpdate(AuditEntry, { actorId: member.id }, { actorName: 'Former member' });
    await tem.nativeUpdate(AuditEntry, { entityType: 'Member', entityId: member.id }, { before: null, after: null });
    Object.assign(member, {
      name: 'Former member',
      jobTitle: null,
      email: `deleted-${member.id}@deleted.invalid`,
      organisation: null,
      role: MemberRole.MEMBER,
      platformAdmin: false,
      deletedAt: new Date(),
    });
    tem.persist(
      Object.assign(new AuditEntry(), {
        operation: 'deleteMyAccount',
        actorId: member.id,
        actorName: 'Former member',
        actorOrganisationId: viewer.organisation?.id ?? null,
        subjectOrganisationId: viewer.organisation?.id ?? null,
        entityType: 'Member',
        entityId: member.id,
        change: 'UPDATE',
      }),
    );
  }));
}
