import Database from 'better-sqlite3';
import type { NextFunction, Request, Response } from 'express';
import pg from 'pg';
import { type RateLimiterAbstract, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import { join } from 'node:path';
import type { AppConfig } from '../config.js';
import { configureSqlite } from '../db/sqlite-driver.js';
import { ErrorCode, errorBody } from '../errors.js';

export interface RateLimits {
  middleware: (request: Request, response: Response, next: NextFunction) => Promise<void>;
  close(): Promise<void>;
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

/**
 * Fixed-window limits per API key and per client IP (everyone else), shared by every API process through the
 * database (PostgreSQL, or a SQLite file beside the main one). Answers carry the IETF RateLimit headers.
 */
export async function createRateLimits(config: AppConfig, sqlitePath?: string): Promise<RateLimits> {
  const duration = config.rateLimit.windowSeconds;
  let close: () => Promise<void>;
  let make: (points: number, prefix: string) => Promise<RateLimiterAbstract>;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
    make = (points, keyPrefix) =>
      whenReady((ready) => new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limits', points, duration, keyPrefix }, ready));
    close = () => pool.end();
  } else {
    const db = new Database(sqlitePath ?? join(config.dataDir, 'rate-limits.sqlite'));
    configureSqlite(db);
    make = (points, keyPrefix) =>
      whenReady((ready) => new RateLimiterSQLite({ storeClient: db, storeType: 'better-sqlite3', tableName: 'rate_limits', points, duration, keyPrefix }, ready));
    close = async () => {
      db.close();
    };
  }
  const perKey = await make(config.rateLimit.apiKey, 'key');
  const perIp = await make(config.rateLimit.anonymous, 'ip');

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
    close,
  };
}
