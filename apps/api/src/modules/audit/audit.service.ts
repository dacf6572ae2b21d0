import type { EntityManager } from '../../db/orm.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { findPage, type PageArgs } from '../../graphql/connection.js';
import type { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { AuditEntry } from './audit-entry.entity.js';

/** One page of an organisation's audit log, newest first: what it changed and what was done to it. Its admins and platform admins. */
export async function auditLogPage(em: EntityManager, viewer: Member | null, organisationId: string, page: PageArgs) {
  const organisation = await em.findOne(Organisation, { id: organisationId });
  if (!organisation) throw new NotFoundError('Organisation', organisationId);
  if (!organisationPolicy.readAuditLog(viewer, organisation)) throw new ForbiddenError("read this organisation's audit log");
  return findPage(em, AuditEntry, {
    where: { $or: [{ subjectOrganisationId: organisationId }, { actorOrganisationId: organisationId }] },
    first: page.first,
    after: page.after ?? undefined,
    orderBy: { createdAt: 'desc', id: 'desc' },
  });
}
