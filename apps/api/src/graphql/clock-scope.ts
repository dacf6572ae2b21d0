import type { GraphQLResolveInfo } from 'graphql';
import { clockScope } from '../clock.js';
import type { Context } from './context.js';

/** Root queries and mutations run with the request's clock in scope (see clock.ts). */
export function inRequestClock<T>(info: GraphQLResolveInfo, context: Context, next: () => T): T {
  const root = info.parentType.name === 'Mutation' || info.parentType.name === 'Query';
  return root && context.clock ? clockScope.run(context.clock, next) : next();
}
