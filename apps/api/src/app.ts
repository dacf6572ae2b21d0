import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AppConfig } from './config.js';
import { entityManager } from './db/orm.js';
import { formatError } from './errors.js';
import type { Context } from './graphql/context.js';
import { getSchema } from './graphql/schema.js';
import { findDemoMember } from './demo/demo-member.js';
import type { SearchIndex } from './modules/search/search-index.js';

const HOME_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Synapse</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: Arial, sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>Synapse</h1>
<p>An open network where UK councils publish the experiments they run, what happened, and what others can reuse.</p>
<p>The GraphQL API is at <a href="/graphql"><code>/graphql</code></a> (POST, JSON). The schema is in
<code>apps/api/schema.graphql</code>; the web client is being built.</p>
</body></html>`;

export interface App {
  server: Server;
  apollo: ApolloServer<Context>;
}

/** Creates the Apollo server on the real schema (tests call executeOperation on it directly). */
export async function createApollo(httpServer?: Server): Promise<ApolloServer<Context>> {
  return new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    introspection: true,
    // The default landing page loads Apollo Sandbox from a CDN; Synapse loads nothing from third parties.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [])],
  });
}

/** The HTTP app: GraphQL at /graphql and a health check at /healthz. */
export async function createApp(orm: MikroORM, config: AppConfig, searchIndex: SearchIndex | null = null): Promise<App> {
  const app = express();
  const server = createServer(app);
  const apollo = await createApollo(server);
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    try {
      await entityManager(orm).fork().getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });

  app.get('/', (_req, res) => {
    res.type('html').send(HOME_PAGE);
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const em = entityManager(orm).fork();
        // Until sign-in exists (see README), demo mode acts as the labelled demo member, unless asked not to.
        const anonymous = req.header('x-synapse-anonymous') === '1';
        const viewer = config.demoMode && !anonymous ? await findDemoMember(em) : null;
        return { em, viewer, searchIndex };
      },
    }),
  );
  return { server, apollo };
}
