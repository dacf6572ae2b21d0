import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { connectionType, PageArgs, toConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { AuditEntry } from './audit-entry.entity.js';
import { auditLogPage } from './audit.service.js';

export const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "Changes to an organisation's content and membership, newest first. Its admins." })
  async auditLog(@Ctx() { em, viewer }: Context, @Arg('organisationId', () => ID) organisationId: string, @Args(() => PageArgs) page: PageArgs) {
    return toConnection(await auditLogPage(em, viewer, organisationId, page));
  }
}
