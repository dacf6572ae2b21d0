import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../graphql/context.js';

export interface AuditScope {
  operation: string;
  actorId: string | null;
  actorName: string | null;
  actorOrganisationId: string | null;
}

/** Who is acting, for the duration of one mutation; the audit subscriber reads it when changes are flushed. */
export const auditScope = new AsyncLocalStorage<AuditScope>();

/** Runs every root mutation inside an audit scope (see root-scopes.ts). */
export function inAuditScope<T>(info: GraphQLResolveInfo, context: Context, next: () => T): T {
  if (info.parentType.name !== 'Mutation') return next();
  const viewer = context.viewer;
  return auditScope.run(
    {
      operation: info.fieldName,
      actorId: viewer?.id ?? null,
      actorName: viewer?.name ?? null,
      actorOrganisationId: viewer?.organisation?.id ?? null,
    },
    next,
  );
}
