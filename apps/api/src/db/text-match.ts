import { type EntityManager, isPostgres } from './orm.js';

/**
 * A case-insensitive "contains" condition for one column, on either database: `$ilike` on PostgreSQL (whose LIKE
 * is case-sensitive), `$like` on SQLite (whose LIKE already ignores case). The text is taken literally: LIKE's
 * wildcards and escape character are removed from it, so "100%" cannot match everything.
 */
export function containsText(em: EntityManager, text: string): { $like: string } | { $ilike: string } {
  const pattern = `%${text.replace(/[\\%_]/g, '')}%`;
  return isPostgres(em) ? { $ilike: pattern } : { $like: pattern };
}
