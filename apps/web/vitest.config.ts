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
          // Each step waits on a condition for at most 15 s (synapse.ts), so a stuck step fails on its own; this is the
          // budget for a whole journey. Keyboard journeys cost two browser round trips a Tab and one a character: the
          // publishing one takes 19 s beside two busy cores but over 60 s with the browser three times slower, which
          // is how it timed out on a loaded CI machine.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // The same 15 s for `expect.poll` as for the page's own waits: its default of 1 s failed a step on a loaded
          // CI machine (the council page's list of experiments, loaded by a second query, came later than that).
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
