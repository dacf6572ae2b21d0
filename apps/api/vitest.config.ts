import { defineConfig } from 'vitest/config';

// Every API test runs twice: on SQLite (the zero-set-up default) and on a real PostgreSQL (production).
export default defineConfig({
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
