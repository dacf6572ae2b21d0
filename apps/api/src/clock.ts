import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where "now" comes from. Production uses the system clock; tests pass a clock they can move, so rules that
 * depend on time (reviews due, results overdue, reminder intervals) are tested by travelling in time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock for tests: it follows the system clock until `set` or `advanceDays` moves it, then stays where it is
 * put (so work stamped with the real time, e.g. jobs enqueued outside a request, is due by it before travel).
 */
export class TestClock implements Clock {
  private current: Date | null;
  constructor(start?: Date | string) {
    this.current = start === undefined ? null : new Date(start);
  }
  now(): Date {
    return this.current ? new Date(this.current) : new Date();
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.now().getTime() + days * 86_400_000);
  }
  /** Follows the system clock again (jobs enqueued now, stamped with the real time, are due by it). */
  reset(): void {
    this.current = null;
  }
}

/**
 * The clock of the request or job being served, for code deep below a resolver that records when something
 * happened (e.g. the last substantive change) without every service signature carrying a clock.
 */
export const clockScope = new AsyncLocalStorage<Clock>();

/** The current time by the clock in scope, or the system clock outside any request or job. */
export function currentTime(): Date {
  return (clockScope.getStore() ?? systemClock).now();
}

/** A date as "YYYY-MM-DD" (UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
