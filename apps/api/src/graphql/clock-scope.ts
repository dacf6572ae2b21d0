import type { MiddlewareFn } from 'type-graphql';
import { clockScope } from '../clock.js';
import type { Context } from './context.js';

/** Global type-graphql middleware: root queries and mutations run with the request's clock in scope (see clock.ts). */
export const requestClock: MiddlewareFn<Context> = ({ info, context }, next) => {
  const root = info.parentType.name === 'Mutation' || info.parentType.name === 'Query';
  return root && context.clock ? clockScope.run(context.clock, next) : next();
};
