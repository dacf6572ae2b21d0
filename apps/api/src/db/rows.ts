import type { EntityManager } from './orm.js';
import { SynapseSqliteConnection } from './sqlite-driver.js';

/**
 * Rows for a plain SQL read with `?` parameters, in the entity manager's transaction when it has one. On SQLite
 * the values travel as parameters, so the prepared statement is reused from one call to the next (the reads
 * behind every search, see sqlite-driver.ts); on PostgreSQL through MikroORM as any other statement.
 */
export async function selectRows<T>(em: EntityManager, sql: string, parameters: readonly unknown[]): Promise<T[]> {
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  if (connection instanceof SynapseSqliteConnection) return connection.selectRows<T>(sql, parameters, transaction);
  return connection.execute<T[]>(sql, [...parameters], 'all', transaction);
}

/** Statements with an `in (…)` list are sent this many values at a time. */
const CHUNK = 500;

/** Runs `select` (a statement with one `in (…)` list, `%s`) over the values, a chunk at a time. */
export async function selectIn<T>(em: EntityManager, select: string, values: readonly string[]): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    rows.push(...(await selectRows<T>(em, select.replace('%s', chunk.map(() => '?').join(', ')), chunk)));
  }
  return rows;
}

/** A JSON column's value: text on SQLite, already parsed on PostgreSQL. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A timestamp column's value: milliseconds on SQLite, a Date on PostgreSQL. */
export function date(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number | string));
}

/** Rows of a per-experiment read (an `experiment_id` column), each mapped, grouped by that id in their order. */
export function grouped<T>(rows: Record<string, unknown>[], map: (row: Record<string, unknown>) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = row.experiment_id as string;
    const group = groups.get(id);
    if (group) group.push(map(row));
    else groups.set(id, [map(row)]);
  }
  return groups;
}
