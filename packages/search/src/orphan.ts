import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who runs the Meilisearch on a data folder: the API process and the server's pid. */
interface Owner {
  apiPid: number;
  meiliPid: number;
}

export function lockFile(root: string): string {
  return join(root, 'meilisearch.pid');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isMeilisearch(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch');
  } catch {
    return false;
  }
}

export function writeLock(root: string, owner: Owner): void {
  writeFileSync(lockFile(root), JSON.stringify(owner), { mode: 0o600 });
}

/**
 * Before starting a Meilisearch on a data folder: if the lock file names a Meilisearch that is still running
 * while the API process that started it is gone (killed with -9, say), stop it — one Meilisearch per data
 * folder. If that API process is alive, refuse: two processes must share one Meilisearch through MEILI_URL.
 */
export async function stopOrphan(root: string, log: (message: string) => void): Promise<void> {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(lockFile(root), 'utf8')) as Owner;
  } catch {
    return;
  }
  if (!Number.isInteger(owner.meiliPid) || !alive(owner.meiliPid) || !isMeilisearch(owner.meiliPid)) return;
  if (owner.apiPid !== process.pid && alive(owner.apiPid)) {
    throw new Error(`Another Synapse process (pid ${owner.apiPid}) runs the Meilisearch on ${root}; give each its own DATA_DIR, or share one server through MEILI_URL.`);
  }
  log(`Stopping a Meilisearch (pid ${owner.meiliPid}) left running on ${root} by a process that has gone.`);
  process.kill(owner.meiliPid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (alive(owner.meiliPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (alive(owner.meiliPid)) process.kill(owner.meiliPid, 'SIGKILL');
  while (alive(owner.meiliPid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * A watchdog that outlives `parentPid` only long enough to stop `childPid` after it: a small detached shell
 * loop, so it works even when the parent is killed with SIGKILL (which no handler in the parent can catch).
 * Returns a function that ends the watchdog (when the child stops normally).
 */
export function watchParent(parentPid: number, childPid: number, intervalSeconds = 0.5): () => void {
  const script = `while kill -0 ${parentPid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep ${intervalSeconds}; done; ` +
    `if kill -0 ${childPid} 2>/dev/null; then kill -TERM ${childPid}; sleep 5; kill -KILL ${childPid} 2>/dev/null; fi`;
  const watchdog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return () => {
    try {
      watchdog.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
}
