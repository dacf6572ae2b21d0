import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { inject } from 'vitest';
import { createApollo } from '../src/app.js';
import { TestClock } from '../src/clock.js';
import { type EntityManager, entityManager, openDatabase } from '../src/db/orm.js';
import { type AppConfig, loadConfig } from '../src/config.js';
import type { Context } from '../src/graphql/context.js';
import { buildRequestContext } from '../src/graphql/request-context.js';
import { ANONYMOUS, type Principal } from '../src/http/principal.js';
import { ApiKey } from '../src/modules/api-key/api-key.entity.js';
import type { Mail } from '../src/modules/identity/mailer.js';
import { Member } from '../src/modules/member/member.entity.js';
import { SearchIndex } from '../src/modules/search/search-index.js';
import { SEARCH_JOB_HANDLERS } from '../src/modules/search/search-sync.js';
import { syncServiceAreas } from '../src/modules/service-area/service-area.service.js';
import { JOB_HANDLERS } from '../src/modules/job/job-registry.js';
import { JobWorker, type JobWorkerOptions, type RunReport } from '../src/modules/job/job-worker.js';

export type TestDatabase = 'sqlite' | 'postgres';

export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
}

export interface RunOptions {
  /** The x-csrf-token a member's request carries: the session's own by default, null for none. */
  csrfToken?: string | null;
}

/** The CSRF token of the sessions `run` acts in. */
const TEST_CSRF_TOKEN = 'test-csrf-token';

export interface Harness {
  database: TestDatabase;
  /** The test file's own Meilisearch index, when created with { search: true }. */
  searchIndex: SearchIndex | null;
  /** Runs every due search sync job (no worker runs in the background in tests); throws if one failed. */
  syncSearch(): Promise<void>;
  /** Runs every due job with the real handlers (no worker runs in the background in tests); throws if one failed. */
  runJobs(): Promise<RunReport>;
  /** A job worker with the real handlers and this harness's services (options override). */
  jobWorker(options?: Partial<JobWorkerOptions>): JobWorker;
  /** The PostgreSQL database's URL (null on SQLite), for a second connection to it. */
  databaseUrl: string | null;
  orm: MikroORM;
  apollo: ApolloServer<Context>;
  /** A fresh EntityManager, as a request would get. */
  em(): EntityManager;
  /** Runs an operation through the real schema, as a signed-in member, an API key, or anonymously (null). */
  run<T = any>(query: string, variables?: Record<string, unknown>, as?: Member | ApiKey | null, options?: RunOptions): Promise<GraphQLResult<T>>;
  /** Emails the schema sent (the test mailer keeps them). */
  mail: Mail[];
  config: AppConfig;
  /** The requests' clock: move it to travel in time (starts at the real time). */
  clock: TestClock;
  /** Counts the SQL statements `work` sends (only those matching `pattern`, when given). */
  countQueries(work: () => Promise<unknown>, pattern?: RegExp): Promise<number>;
  close(): Promise<void>;
}

export const TEST_DATABASE: TestDatabase = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** A new, empty database on the suite's PostgreSQL server. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `synapse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A migrated, empty database (SQLite in memory, or a new database on the suite's PostgreSQL) and the real schema. */
export async function createHarness(options: { search?: boolean | SearchIndex } = {}): Promise<Harness> {
  const postgres = TEST_DATABASE === 'postgres' ? await createPostgresDatabase() : null;
  let counter: ((sql: string) => void) | null = null;
  const orm = await openDatabase({
    databaseUrl: postgres?.url ?? null,
    sqlitePath: ':memory:',
    onQuery: (message) => counter?.(message),
  });
  await syncServiceAreas(entityManager(orm).fork());
  const apollo = await createApollo();
  await apollo.start();
  const searchIndex =
    options.search instanceof SearchIndex
      ? options.search
      : options.search
    ? new SearchIndex({ url: inject('meiliUrl'), apiKey: inject('meiliKey'), index: `test_${randomBytes(6).toString('hex')}` })
    : null;
  const em = () => entityManager(orm).fork();
  const mail: Mail[] = [];
  const config = loadConfig({ PUBLIC_URL: 'https://synapse.test' });
  const clock = new TestClock();
  const mailer = { send: async (sent: Mail) => void mail.push(sent) };
  // Jobs written outside a request (factories, services called directly) are due at the real time: the worker
  // follows the test clock when a test moved it forward, and never runs behind the real time.
  const jobTime = (at: TestClock) => new Date(Math.max(at.now().getTime(), Date.now()));
  const jobWorker = (overrides: Partial<JobWorkerOptions> = {}) =>
    new JobWorker({ orm, config, mailer, searchIndex, handlers: JOB_HANDLERS, backoffMs: 1, maxBackoffMs: 1, now: () => jobTime(clock), ...overrides });
  return {
    clock,
    databaseUrl: postgres?.url ?? null,
    jobWorker,
    async runJobs() {
      const report = await jobWorker().drain();
      if (report.failed) throw new Error(`${report.failed} job(s) failed`);
      return report;
    },
    database: TEST_DATABASE,
    searchIndex,
    async syncSearch() {
      // Four at a time, as a worker's loops would: each sync mostly waits for Meilisearch.
      const worker = jobWorker({ handlers: SEARCH_JOB_HANDLERS });
      const reports = await Promise.all([worker.drain(), worker.drain(), worker.drain(), worker.drain()]);
      if (reports.some((report) => report.failed)) throw new Error('Search sync failed');
    },
    orm,
    apollo,
    em,
    mail,
    config,
    async run(query, variables = {}, as = null, runOptions = {}) {
      const principal: Principal =
        as instanceof Member
          ? { kind: 'session', sessionId: 'test-session', memberId: as.id, csrfToken: TEST_CSRF_TOKEN }
          : as instanceof ApiKey
            ? { kind: 'apiKey', apiKeyId: as.id, organisationId: as.organisation.id }
            : ANONYMOUS;
      // Built as a real request's is (graphql/request-context.ts): a deleted member is nobody, and a member's
      // mutation passes the CSRF check only because the token is sent, as the web client sends it.
      const contextValue = await buildRequestContext({
        em: em(),
        principal,
        presentedCsrfToken: runOptions.csrfToken === undefined ? TEST_CSRF_TOKEN : (runOptions.csrfToken ?? undefined),
        searchIndex,
        services: { config, mailer },
        http: null,
        clock,
      });
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('Expected a single GraphQL result');
      return response.body.singleResult as GraphQLResult;
    },
    async countQueries(work, pattern) {
      let count = 0;
      counter = (message) => {
        if (message.startsWith('[query]') && (!pattern || pattern.test(message))) count++;
        if (process.env.DEBUG_SQL) console.log(message.slice(0, 300));
      };
      try {
        await work();
      } finally {
        counter = null;
      }
      return count;
    },
    async close() {
      await searchIndex?.client.deleteIndex(searchIndex.uid).waitTask().catch(() => undefined);
      await apollo.stop();
      await orm.close();
      await postgres?.drop();
    },
  };
}

/** The error codes of a result, for assertions. */
export function errorCodes(result: GraphQLResult): string[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
