import { ApolloServer, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import cookieParser from 'cookie-parser';
import express, { type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import { systemClock } from './clock.js';
import { type AppConfig, hasDevelopmentMailbox } from './config.js';
import { entityManager } from './db/orm.js';
import { formatError } from './errors.js';
import { authenticate, SESSION_COOKIE, sessionCookieOptions } from './http/authenticate.js';
import { ANONYMOUS } from './http/principal.js';
import type { RateLimits } from './http/rate-limit.js';
import type { Context, HttpControls } from './graphql/context.js';
import { csrfPlugin } from './graphql/csrf.js';
import { buildRequestContext } from './graphql/request-context.js';
import { explorerRoutes } from './graphql/explorer.js';
import { httpCachingPlugin } from './graphql/http-caching.js';
import { textSafetyPlugin } from './graphql/text-safety.js';
import { costLimitPlugin, documentLimits, parseOptions, protectionRules } from './graphql/protection.js';
import { getSchema } from './graphql/schema.js';
import { authRoutes } from './modules/identity/identity.routes.js';
import { oidcRoutes } from './modules/identity/oidc.routes.js';
import { openDataRoutes } from './modules/open-data/open-data.routes.js';
import { discussionOpenDataRoutes } from './modules/discussion/discussion-open-data.routes.js';
import { fileRoutes } from './modules/file/file.routes.js';
import { sitemapRoutes } from './modules/sitemap/sitemap.routes.js';
import { experimentSummaryRoutes } from './modules/experiment-summary/experiment-summary.routes.js';
import type { Mailer } from './modules/identity/mailer.js';
import type { SearchIndex } from './modules/search/search-index.js';
import { webClientRoutes } from './http/web-client.js';
import { jsonErrorHandler, notFoundHandler, requireJsonBody } from './http/http-errors.js';
import { assignRequestId, withRequestId } from './http/request-id.js';

export interface App {
  server: Server;
  apollo: ApolloServer<Context>;
}

export interface AppDependencies {
  orm: MikroORM;
  config: AppConfig;
  mailer: Mailer;
  searchIndex?: SearchIndex | null;
  rateLimits?: RateLimits | null;
  /** The built web client to serve at `/`; null serves none (default: apps/web/dist when built). */
  webDistDir?: string | null;
}

/** Creates the Apollo server on the real schema (tests call executeOperation on it directly). */
export async function createApollo(httpServer?: Server): Promise<ApolloServer<Context>> {
  return new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    introspection: true,
    // Stack traces are for logs, never for callers (Apollo includes them unless NODE_ENV is production).
    includeStacktraceInErrorResponses: false,
    // main.ts stops everything in order on SIGTERM/SIGINT. Apollo's own handler also called stop(), and a second
    // stop() during the first waits on a barrier Apollo 5 never resolves: shutdown hung for its full 12 s bound.
    stopOnTerminationSignals: false,
    // The default landing page loads Apollo Sandbox from a CDN; Synapse loads nothing from third parties.
    validationRules: protectionRules,
    parseOptions,
    plugins: [
      textSafetyPlugin as ApolloServerPlugin<Context>,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(), // our own caching headers instead (http-caching.ts)
      httpCachingPlugin,
      csrfPlugin,
      costLimitPlugin as ApolloServerPlugin<Context>,
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

function httpControls(config: AppConfig, request: Request, response: Response): HttpControls {
  return {
    userAgent: request.header('user-agent') ?? null,
    setSessionCookie: (token, expires) => response.cookie(SESSION_COOKIE, token, sessionCookieOptions(config, request, expires)),
    clearSessionCookie: () => response.clearCookie(SESSION_COOKIE, sessionCookieOptions(config, request)),
  };
}

/** The HTTP app: GraphQL at /graphql, sign-in at /auth, a health check at /healthz, the web client at /. */
export async function createApp({ orm, config, mailer, searchIndex = null, rateLimits = null, webDistDir }: AppDependencies): Promise<App> {
  const app = express();
  const server = createServer(app);
  const apollo = await createApollo(server);
  await apollo.start();

  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(assignRequestId, cookieParser());

  app.get('/healthz', async (_req, res) => {
    try {
      await entityManager(orm).fork().getConnection().execute('select 1');
      res.json({ status: 'ok', worker: process.pid }); // which API process answered (one per core in cluster mode)
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });

  // One way to build a request's context: for /graphql, and for the queries a server-rendered page makes.
  const contextFor = (req: Request, res: Response): Promise<Context> =>
    buildRequestContext({
      em: entityManager(orm).fork(),
      principal: req.principal ?? ANONYMOUS,
      presentedCsrfToken: req.header('x-csrf-token'),
      searchIndex,
      services: { config, mailer },
      http: httpControls(config, req, res),
      clock: systemClock,
    });

  const limit = rateLimits ? [rateLimits.middleware] : [];
  // GraphQL first: most requests are for it, and Express tries each route in turn until one matches.
  app.use(explorerRoutes());
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    requireJsonBody,
    withRequestId,
    authenticate(orm),
    ...limit,
    documentLimits,
    expressMiddleware(apollo, { context: ({ req, res }) => contextFor(req, res) }),
  );
  app.use('/auth', ...limit, authRoutes({ orm, config }), oidcRoutes({ orm, config }));
  if (rateLimits) app.use(['/export', '/feeds'], rateLimits.middleware);
  app.use(openDataRoutes({ orm, config, searchIndex }));
  app.use(discussionOpenDataRoutes({ orm, config }));
  app.use(fileRoutes({ orm, config }));
  app.use(sitemapRoutes({ orm, config, rateLimit: rateLimits?.middleware }));
  app.use(experimentSummaryRoutes({ orm, config, rateLimit: rateLimits?.middleware }));
  if (hasDevelopmentMailbox(config)) {
    const { devMailboxRoute } = await import('./modules/identity/dev-mailbox.route.js');
    app.get('/dev/mailbox', devMailboxRoute(orm, config));
  }

  app.use(
    webClientRoutes(webDistDir, !config.serverRendering ? null : {
      origin: config.publicUrl,
      before: [authenticate(orm)],
      executeFor: (req, res) => async (body) => {
        const response = await apollo.executeOperation(JSON.parse(body) as GraphQLRequest, { contextValue: await contextFor(req, res) });
        const result = response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'incremental delivery is not supported here' }] };
        return { status: response.http.status ?? 200, body: JSON.stringify(result) };
      },
    }),
  );
  app.use(notFoundHandler, jsonErrorHandler);
  return { server, apollo };
}
