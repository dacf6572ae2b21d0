import Database from 'better-sqlite3';
import type { NextFunction, Request, Response } from 'express';
import pg from 'pg';
import { type RateLimiterAbstract, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import { SyncedRateLimiter } from './synced-rate-limiter.js';
import { join } from 'node:path';
import type { AppConfig } from '../config.js';
import { configureSqlite } from '../db/sqlite-driver.js';
import { ErrorCode, errorBody } from '../errors.js';

export interface RateLimits {
  middleware: (request: Request, response: Response, next: NextFunction) => Promise<void>;
  /** Writes the counts kept in this process to the database and reads back every process's totals. */
  sync(): Promise<void>;
  /** Writes what is left, stops syncing and closes the store's connection. */
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** The SQLite store's file (default DATA_DIR/rate-limits.sqlite); unused with PostgreSQL. */
  sqlitePath?: string;
  /** How often the counts kept in each process are written (default 2 s). */
  syncMs?: number;
  /** Called with every SQL statement sent to the store (tests count them). */
  onStatement?: (sql: string) => void;
  log?: (message: string) => void;
}

/** The limiters create their table asynchronously and report through a callback (sometimes synchronously). */
function whenReady<T>(create: (ready: (error?: unknown) => void) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    let limiter: T | undefined;
    let outcome: { error?: unknown } | undefined;
    const finish = () => {
      if (limiter === undefined || outcome === undefined) return;
      if (outcome.error) reject(outcome.error);
      else resolve(limiter);
    };
    limiter = create((error) => {
      outcome = { error };
      finish();
    });
    finish();
  });
}

interface Store {
  make(points: number, keyPrefix: string): Promise<RateLimiterAbstract>;
  close(): Promise<void>;
}

/** rate-limiter-flexible's table in PostgreSQL, or in a SQLite file beside the main one. */
function openStore(config: AppConfig, duration: number, options: RateLimitOptions): Store {
  const onStatement = options.onStatement;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
    if (onStatement) {
      const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
      (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const first = args[0] as string | { text: string };
        onStatement(typeof first === 'string' ? first : first.text);
        return query(...args);
      };
    }
    return {
      make: (points, keyPrefix) =>
        whenReady((ready) => new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limits', points, duration, keyPrefix }, ready)),
      close: () => pool.end(),
    };
  }
  const db = new Database(options.sqlitePath ?? join(config.dataDir, 'rate-limits.sqlite'), onStatement ? { verbose: (sql) => onStatement(String(sql)) } : {});
  configureSqlite(db);
  return {
    make: (points, keyPrefix) =>
      whenReady((ready) => new RateLimiterSQLite({ storeClient: db, storeType: 'better-sqlite3', tableName: 'rate_limits', points, duration, keyPrefix }, ready)),
    close: async () => {
      db.close();
    },
  };
}

/**
 * Fixed-window limits per API key and per client IP (everyone else), shared by every API process through the
 * database: each process counts in memory and writes its counts every `syncMs` (SyncedRateLimiter), so a
 * request costs no database write. Answers carry the IETF RateLimit headers.
 */
export async function createRateLimits(config: AppConfig, options: RateLimitOptions = {}): Promise<RateLimits> {
  const duration = config.rateLimit.windowSeconds;
  const store = openStore(config, duration, options);
  const synced = async (points: number, prefix: string) => new SyncedRateLimiter(await store.make(points, prefix), points, duration * 1000);
  const perKey = await synced(config.rateLimit.apiKey, 'key');
  const perIp = await synced(config.rateLimit.anonymous, 'ip');
  const sync = async () => {
    await Promise.all([perKey.sync(), perIp.sync()]);
  };
  const log = options.log ?? ((message: string) => console.warn(message));
  const timer = setInterval(() => void sync().catch((error: Error) => log(error.message)), options.syncMs ?? 2000);
  timer.unref();

  const setHeaders = (response: Response, limit: number, state: RateLimiterRes) => {
    const reset = Math.max(0, Math.ceil(state.msBeforeNext / 1000));
    response.setHeader('RateLimit-Policy', `${limit};w=${duration}`);
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
    response.setHeader('RateLimit-Reset', String(reset));
  };

  return {
    async middleware(request, response, next) {
      const principal = request.principal;
      const [limiter, limit, key] =
        principal?.kind === 'apiKey'
          ? [perKey, config.rateLimit.apiKey, principal.apiKeyId]
          : [perIp, config.rateLimit.anonymous, request.ip ?? 'unknown'];
      try {
        setHeaders(response, limit, await limiter.consume(key));
        next();
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          next(rejection);
          return;
        }
        setHeaders(response, limit, rejection);
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        response.setHeader('Retry-After', String(retryAfter));
        const { status, body } = errorBody(
          ErrorCode.RATE_LIMITED,
          `Too many requests: the limit is ${limit} per ${duration} s ${principal?.kind === 'apiKey' ? 'for this API key' : 'from this address'}. Try again in ${retryAfter} s.`,
          { limit, windowSeconds: duration, retryAfter },
        );
        response.status(status).json(body);
      }
    },
    sync,
    async close() {
      clearInterval(timer);
      await sync().catch((error: Error) => log(error.message));
      await store.close();
    },
  };
}
