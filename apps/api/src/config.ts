import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** When set, PostgreSQL replaces the default SQLite file. */
  databaseUrl: string | null;
  /** Until sign-in exists, requests act as the demo member unless they ask to be anonymous. */
  demoMode: boolean;
  /** Load the demo experiments into an empty database on start. */
  seedDemo: boolean;
  /** An external Meilisearch (self-hosted or Cloud); when null, Synapse runs its own. */
  meiliUrl: string | null;
  meiliKey: string | null;
  meiliIndex: string;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function port(value: string | undefined): number {
  if (value === undefined || value === '') return 4000;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** Reads configuration from the environment (documented in the README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: port(env.PORT),
    host: env.HOST || '0.0.0.0',
    // Relative to where `npm start` was typed (npm sets INIT_CWD), not to the workspace npm runs in.
    dataDir: resolve(env.INIT_CWD || process.cwd(), env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    demoMode: flag(env.SYNAPSE_DEMO_MODE, true),
    seedDemo: flag(env.SYNAPSE_SEED_DEMO, true),
    meiliUrl: env.MEILI_URL || null,
    meiliKey: env.MEILI_MASTER_KEY || env.MEILI_API_KEY || null,
    meiliIndex: env.MEILI_INDEX || 'experiments',
  };
}
