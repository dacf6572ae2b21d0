import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// The one graphql Node loads for the API and its libraries (Apollo, type-graphql, graphql-jit): its CommonJS
// build. Left to Vite, the tests' own sources would get its ES build, a second graphql whose classes fail the
// libraries' instanceof checks (an error thrown from one is not a GraphQLError to the other).
const GRAPHQL = createRequire(import.meta.url).resolve('graphql');

// Every API test runs twice: on SQLite (the zero-set-up default) and on a real PostgreSQL (production).
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: GRAPHQL }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A real Meilisearch for the search tests (each file uses its own index).
    globalSetup: ['./test/meilisearch-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', env: { TEST_DB: 'sqlite' } } },
      {
        extends: true,
        test: { name: 'postgres', env: { TEST_DB: 'postgres' }, globalSetup: ['./test/postgres-global-setup.ts'] },
      },
    ],
  },
});
