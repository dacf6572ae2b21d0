import type { SearchIndex } from './search-index.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface SearchBreakerOptions {
  /** Consecutive engine failures that open the breaker. */
  failureThreshold?: number;
  /** First wait before probing the engine once open; doubles after each failed probe, up to `maxProbeMs`. */
  probeMs?: number;
  maxProbeMs?: number;
  /** Where state changes are reported (once per change, not per request). */
  log?: (message: string) => void;
}

/** Thrown at once, without calling the engine, while the breaker is open. */
export class BreakerOpenError extends Error {
  constructor(cause: unknown) {
    super('Search engine circuit is open', { cause });
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return cause?.message && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
}

/**
 * A circuit breaker around the search engine, per process (it is a cache of the engine's health; every
 * process finds out for itself). Closed: calls go through, and `failureThreshold` failures in a row open it.
 * Open: calls fail at once with BreakerOpenError (search answers from the database), while a background probe
 * asks the engine for its health — half-open while a probe runs — and closes the breaker when it answers.
 *
 * Written rather than taken from `opossum`: opossum's half-open state lets a live request through as the trial
 * (which would wait for the engine's timeout), where we want requests never to wait on a sick engine.
 */
export class SearchBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private lastError: unknown = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private probeDelay: number;
  private readonly failureThreshold: number;
  private readonly probeMs: number;
  private readonly maxProbeMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly probe: () => Promise<unknown>,
    options: SearchBreakerOptions = {},
  ) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.probeMs = options.probeMs ?? 500;
    this.maxProbeMs = options.maxProbeMs ?? 10_000;
    this.probeDelay = this.probeMs;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  get current(): BreakerState {
    return this.state;
  }

  /**
   * Runs an engine call through the breaker. `isEngineFault` tells engine trouble (counted) from the caller's
   * own mistakes (passed on, not counted).
   */
  async run<T>(call: () => Promise<T>, isEngineFault: (error: unknown) => boolean = () => true): Promise<T> {
    if (this.state !== 'closed') throw new BreakerOpenError(this.lastError);
    try {
      const result = await call();
      this.failures = 0;
      return result;
    } catch (error) {
      if (isEngineFault(error)) this.recordFailure(error);
      throw error;
    }
  }

  /** Stops probing (at shutdown, or when the index is dropped). */
  stop(): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private recordFailure(error: unknown): void {
    this.lastError = error;
    this.failures += 1;
    if (this.state === 'closed' && this.failures >= this.failureThreshold) {
      this.state = 'open';
      this.log(`Search is degraded (answering from the database): the engine failed ${this.failures} times in a row, last with: ${describe(error)}`);
      this.probeDelay = this.probeMs;
      this.scheduleProbe();
    }
  }

  private scheduleProbe(): void {
    this.probeTimer = setTimeout(() => void this.runProbe(), this.probeDelay);
    this.probeTimer.unref();
  }

  private async runProbe(): Promise<void> {
    this.probeTimer = null;
    this.state = 'half-open';
    try {
      await this.probe();
      this.state = 'closed';
      this.failures = 0;
      this.lastError = null;
      this.log('Search engine has recovered: searches use it again.');
    } catch (error) {
      this.state = 'open';
      this.lastError = error;
      this.probeDelay = Math.min(this.probeDelay * 2, this.maxProbeMs);
      this.scheduleProbe();
    }
  }
}

const breakers = new WeakMap<SearchIndex, SearchBreaker>();

/** The breaker of an index (one per SearchIndex, so one per process in the running API). */
export function breakerFor(index: SearchIndex, options?: SearchBreakerOptions): SearchBreaker {
  let breaker = breakers.get(index);
  if (!breaker) {
    // A real search (not just /health): an engine that is up but cannot serve the index is still sick.
    breaker = new SearchBreaker(() => index.search('', { limit: 0 }), options);
    breakers.set(index, breaker);
  }
  return breaker;
}
