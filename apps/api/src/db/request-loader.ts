import DataLoader from 'dataloader';
import type { EntityManager } from './orm.js';

/** One query for many keys: `keys` in, one value per key back, in the same order (an Error fails that key alone). */
export type Batch<K, V> = (em: EntityManager, keys: readonly K[]) => Promise<(V | Error)[]>;

const loaders = new WeakMap<EntityManager, Map<Batch<never, unknown>, DataLoader<unknown, unknown>>>();

/**
 * The request's DataLoader for a kind of lookup: every request forks its own EntityManager, which keys the
 * cache, so a page of 50 items costs one query per kind of lookup, and nothing outlives the request.
 * `batch` must be a module-level function: it is what tells one kind of lookup from another.
 */
export function requestLoader<K, V>(em: EntityManager, batch: Batch<K, V>): DataLoader<K, V> {
  let perRequest = loaders.get(em);
  if (!perRequest) loaders.set(em, (perRequest = new Map()));
  let loader = perRequest.get(batch as Batch<never, unknown>) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>((keys) => batch(em, keys));
    perRequest.set(batch as Batch<never, unknown>, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
