import { defineConfig } from 'vitest/config';

// The end-to-end journeys: a real Synapse (API, SQLite, its own Meilisearch, the built client) driven in
// Debian's Chromium. They run one file at a time; each starts its own server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
