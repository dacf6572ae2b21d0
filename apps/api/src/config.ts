import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { type FilesConfig, loadFilesConfig } from './modules/file/file.config.js';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button says, e.g. "Microsoft Entra ID". */
  label: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /** The address people reach Synapse at; sign-in links and the SSO redirect use it. */
  publicUrl: string;
  production: boolean;
  dataDir: string;
  /** When set, PostgreSQL replaces the default SQLite file. */
  databaseUrl: string | null;
  /** Load the demo experiments into an empty database on start. */
  seedDemo: boolean;
  /** Render pages on the server (SERVER_RENDERING=false sends them for the browser to render, as before). */
  serverRendering: boolean;
  /** An external Meilisearch (self-hosted or Cloud); when null, Synapse runs its own. */
  meiliUrl: string | null;
  meiliKey: string | null;
  meiliIndex: string;
  /** MEILI_MAX_INDEXING_MEMORY for the managed Meilisearch (e.g. "2 GiB"); null: @synapse/search's default. */
  meiliMaxIndexingMemory: string | null;
  /** Mail for sign-in links; without it (development only) mail goes to the log and /dev/mailbox. */
  smtpUrl: string | null;
  mailFrom: string;
  signInLinkMinutes: number;
  sessionDays: number;
  /** People who become platform admins when they sign in. */
  platformAdmins: string[];
  /** Express "trust proxy": set when behind a load balancer so client IPs and https are seen. */
  trustProxy: string | null;
  rateLimit: { windowSeconds: number; anonymous: number; apiKey: number };
  oidc: OidcConfig | null;
  /** Uploaded files: storage, limits, scanning, link checks (modules/file/file.config.ts). */
  files: FilesConfig;
  /** Development only: webhooks may target loopback addresses (a receiver on this machine). Off by default. */
  webhookAllowLoopback: boolean;
  /** Review cycles and reminders (freshness module). */
  freshness: FreshnessConfig;
  /** API worker processes `npm start` runs (WEB_CONCURRENCY, default one per core); 1 runs everything in one process. */
  webConcurrency: number;
}

export interface FreshnessConfig {
  /** A published experiment is due for review this many months after its last substantive change or review. */
  reviewMonths: number;
  /** Days between reminders about the same overdue review. */
  reviewReminderDays: number;
  /** Days between reminders about results not yet reported, counted from the end date. */
  resultsReminderDays: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function oidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  if (!env.OIDC_ISSUER) return null;
  if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) {
    throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too');
  }
  return { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, label: env.OIDC_LABEL || 'your council account' };
}

/** Reads configuration from the environment (documented in the README). */
/** Sign-in emails are kept for /dev/mailbox when there is no mail server, outside production only. */
export function hasDevelopmentMailbox(config: AppConfig): boolean {
  return !config.production && !config.smtpUrl;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = integer('PORT', env.PORT, 4000, 0, 65_535);
  const production = env.NODE_ENV === 'production';
  const smtpUrl = env.SMTP_URL || null;
  if (production && !smtpUrl) throw new Error('SMTP_URL is required in production: sign-in links are sent by email');
  const webhookAllowLoopback = flag(env.WEBHOOK_ALLOW_LOOPBACK, false);
  if (production && webhookAllowLoopback) throw new Error('WEBHOOK_ALLOW_LOOPBACK is for local development and cannot be set in production');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    production,
    // Relative to where `npm start` was typed (npm sets INIT_CWD), not to the workspace npm runs in.
    dataDir: resolve(env.INIT_CWD || process.cwd(), env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    seedDemo: flag(env.SYNAPSE_SEED_DEMO, true),
    serverRendering: flag(env.SERVER_RENDERING, true),
    meiliUrl: env.MEILI_URL || null,
    meiliKey: env.MEILI_MASTER_KEY || env.MEILI_API_KEY || null,
    meiliIndex: env.MEILI_INDEX || 'experiments',
    meiliMaxIndexingMemory: env.MEILI_MAX_INDEXING_MEMORY || null,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Synapse <no-reply@synapse.invalid>',
    signInLinkMinutes: integer('SIGN_IN_LINK_MINUTES', env.SIGN_IN_LINK_MINUTES, 15, 1, 1440),
    sessionDays: integer('SESSION_DAYS', env.SESSION_DAYS, 30, 1, 365),
    platformAdmins: (env.SYNAPSE_PLATFORM_ADMINS || '').split(',').map((email) => email.trim().toLowerCase()).filter(Boolean),
    trustProxy: env.TRUST_PROXY || null,
    rateLimit: {
      windowSeconds: integer('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS, 60, 1, 86_400),
      anonymous: integer('RATE_LIMIT_ANONYMOUS', env.RATE_LIMIT_ANONYMOUS, 300, 1, 1_000_000),
      apiKey: integer('RATE_LIMIT_API_KEY', env.RATE_LIMIT_API_KEY, 1200, 1, 1_000_000),
    },
    oidc: oidc(env),
    files: loadFilesConfig(env, production),
    webhookAllowLoopback,
    freshness: {
      reviewMonths: integer('REVIEW_MONTHS', env.REVIEW_MONTHS, 12, 1, 120),
      reviewReminderDays: integer('REVIEW_REMINDER_DAYS', env.REVIEW_REMINDER_DAYS, 30, 1, 365),
      resultsReminderDays: integer('RESULTS_REMINDER_DAYS', env.RESULTS_REMINDER_DAYS, 60, 1, 365),
    },
    webConcurrency: integer('WEB_CONCURRENCY', env.WEB_CONCURRENCY, availableParallelism(), 1, 64),
  };
}
