import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AppConfig } from './config.js';
import { entityManager } from './db/orm.js';
import { formatError } from './errors.js';
import type { Context } from './graphql/context.js';
import { getSchema } from './graphql/schema.js';
import { findDemoMember } from './demo/demo-member.js';

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
    plugins: httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [],
  });
}

/** The HTTP app: GraphQL at /graphql and a health check at /healthz. */
export async function createApp(orm: MikroORM, config: AppConfig): Promise<App> {
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

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const em = entityManager(orm).fork();
        // Until sign-in exists (see README), demo mode acts as the labelled demo member, unless asked not to.
        const anonymous = req.header('x-synapse-anonymous') === '1';
        const viewer = config.demoMode && !anonymous ? await findDemoMember(em) : null;
        return { em, viewer };
      },
    }),
  );
  return { server, apollo };
}
