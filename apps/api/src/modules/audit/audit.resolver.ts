import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { connectionType, PageArgs, findPage, toConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { AuditEntry } from './audit-entry.entity.js';

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "Changes to an organisation's content and membership, newest first. Its admins." })
  async auditLog(@Ctx() { em, viewer }: Context, @Arg('organisationId', () => ID) organisationId: string, @Args(() => PageArgs) page: PageArgs) {
    const organisation = await em.findOne(Organisation, { id: organisationId });
    if (!organisation) throw new NotFoundError('Organisation', organisationId);
    if (!organisationPolicy.readAuditLog(viewer, organisation)) throw new ForbiddenError("read this organisation's audit log");
    const cursor = await findPage(em, AuditEntry, {
      where: { $or: [{ subjectOrganisationId: organisationId }, { actorOrganisationId: organisationId }] },
      first: page.first,
      after: page.after ?? undefined,
      orderBy: { createdAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }
}
