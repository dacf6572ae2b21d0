import type { MikroORM } from '@mikro-orm/core';
import { entityManager, type EntityManager } from './orm.js';

/**
 * A fresh unit of work for one HTTP request (its own identity map, never the global one). Routes open one and
 * hand it to services untouched, as resolvers hand on the GraphQL context's; only services call methods on it.
 */
export function unitOfWork(orm: MikroORM): EntityManager {
  return entityManager(orm).fork();
}
