import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMeilisearch } from '@synapse/search';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

/** One real Meilisearch for the run; each test file works in its own index. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-test-meili-'));
  const meili = await LocalMeilisearch.start({ dataDir });
  project.provide('meiliUrl', meili.url);
  project.provide('meiliKey', meili.masterKey);
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
