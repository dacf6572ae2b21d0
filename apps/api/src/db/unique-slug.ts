import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { slugify } from '@synapse/domain';
import type { EntityManager } from './orm.js';

/** Slugs stay short enough to read in an address. */
const SLUG_MAX = 100;

/**
 * A slug for `text` that no row of `entity` uses yet: "repair-cafe", else "repair-cafe-2", "repair-cafe-3"…
 * (`fallback` when the text has no letters or digits). The unique index on `slug` settles a race between two
 * requests; this only avoids the collision in the ordinary case.
 */
export async function uniqueSlug<T extends { slug: string }>(em: EntityManager, entity: EntityName<T>, text: string, fallback: string): Promise<string> {
  const base = slugify(text).slice(0, SLUG_MAX).replace(/-+$/, '') || fallback;
  const taken: T[] = await em.find(entity, { slug: { $like: `${base}%` } } as FilterQuery<T>);
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
