import type { EntityManager } from '@mikro-orm/sql';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

/** Whether this EntityManager talks to PostgreSQL (otherwise SQLite). In its own module so entity subscribers, which `orm.ts` registers, can ask without importing `orm.ts` back. */
export function isPostgres(em: EntityManager): boolean {
  return em.getDriver() instanceof PostgreSqlDriver;
}
