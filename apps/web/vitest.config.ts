import { defineConfig } from 'vitest/config';

// Two projects: `unit`, the client's own logic (error mapping, checks, labels, chart maths, cache keys) in plain Node,
// fast; and `e2e`, the journeys: a real Synapse (API, SQLite, its own Meilisearch, the built client) driven in
// Debian's Chromium. The journeys run one file at a time; each starts its own server.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
