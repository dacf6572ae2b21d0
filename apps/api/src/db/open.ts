import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from '../config.js';
import { openDatabase } from './orm.js';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else DATA_DIR/synapse.sqlite. */
export function openConfiguredDatabase(config: AppConfig, options: { migrate?: boolean } = {}): Promise<MikroORM> {
  return openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: join(config.dataDir, 'synapse.sqlite'), ...options });
}
