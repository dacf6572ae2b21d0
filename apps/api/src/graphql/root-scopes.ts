import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { inAuditScope } from '../modules/audit/audit-scope.js';
import { inRequestClock } from './clock-scope.js';
import type { Context } from './context.js';

/**
 * Wraps each root query and mutation so it runs with the request's clock in scope and, for mutations, inside an
 * audit scope. Only root fields: as global type-graphql middlewares the same two checks wrapped every field of
 * every object in a promise chain — a search's 100-odd facet values each paid for it (issue 16's profile).
 */
export function scopeRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: Context, info) => inRequestClock(context, () => inAuditScope(info, context, () => resolve(root, args, context, info)));
    }
  }
  return schema;
}
