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
