import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** What this process knows of one key's fixed window. */
interface Window {
  /** Points consumed in this window by every process, as the database said at the last sync (or first read). */
  shared: number;
  /** Points consumed in this process since then, not yet written. */
  pending: number;
  /** When the window ends (ms since the epoch). */
  resetsAt: number;
}

/**
 * A fixed-window limiter counted in this process and written to a shared store (rate-limiter-flexible's
 * SQLite or PostgreSQL limiter, its table and its atomic upsert) in batches. A request costs no database
 * work at all, except the first for a key in a window, which reads what the other processes have consumed.
 * `sync()` (every couple of seconds) adds each key's points counted here with one upsert that returns the
 * total consumed by every process, which becomes this process's view. A key over its limit is refused here
 * without asking the database (like the library's `inMemoryBlockOnConsumed`), and if the store fails, the
 * local count keeps limiting (like its `insuranceLimiter`) and the points are written at the next sync.
 *
 * The price: between two syncs each process only knows its own requests, so N processes together can let
 * through up to what they receive in one sync interval beyond the limit before all of them refuse.
 */
export class SyncedRateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly reading = new Map<string, Promise<Window>>();
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: RateLimiterAbstract,
    readonly points: number,
    private readonly durationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a point for `key`: resolves with the state after it, or rejects with a RateLimiterRes when over. */
  async consume(key: string): Promise<RateLimiterRes> {
    const window = await this.window(key);
    const used = window.shared + window.pending;
    const msBeforeNext = Math.max(0, window.resetsAt - this.now());
    if (used >= this.points) throw new RateLimiterRes(0, msBeforeNext, used, false);
    window.pending++;
    return new RateLimiterRes(this.points - used - 1, msBeforeNext, used + 1, false);
  }

  /** This key's current window; a key not seen in this window yet is read from the store once. */
  private window(key: string): Promise<Window> | Window {
    const known = this.windows.get(key);
    if (known && known.resetsAt > this.now()) return known;
    let read = this.reading.get(key);
    if (!read) {
      read = this.store
        .get(key)
        .catch(() => null) // the store is down: count from zero here; the next sync corrects it
        .then((state) => {
          const resetsAt = this.now() + (state && state.msBeforeNext > 0 ? state.msBeforeNext : this.durationMs);
          const window: Window = { shared: state?.consumedPoints ?? 0, pending: 0, resetsAt };
          this.windows.set(key, window);
          return window;
        })
        .finally(() => this.reading.delete(key));
      this.reading.set(key, read);
    }
    return read;
  }

  /** Writes the points counted here since the last sync and learns every process's totals. One sync at a time. */
  sync(): Promise<void> {
    this.syncing = this.syncing.catch(() => undefined).then(() => this.flush());
    return this.syncing;
  }

  private async flush(): Promise<void> {
    const failures: unknown[] = [];
    for (const [key, window] of this.windows) {
      if (window.resetsAt <= this.now()) {
        // The window is over here and in the store: points not yet written belonged to it.
        this.windows.delete(key);
        continue;
      }
      const points = window.pending;
      if (points === 0) continue;
      window.pending -= points; // requests that arrive while this write is in flight count towards the next one
      try {
        const state = await this.store.penalty(key, points);
        window.shared = state.consumedPoints;
        if (state.msBeforeNext > 0) window.resetsAt = this.now() + state.msBeforeNext;
      } catch (error) {
        window.pending += points;
        failures.push(error);
      }
    }
    if (failures.length) throw new Error(`Rate limits: ${failures.length} counts could not be written (${String(failures[0])}); retrying at the next sync`);
  }
}
