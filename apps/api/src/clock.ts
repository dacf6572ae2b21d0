import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where "now" comes from. Production uses the system clock; tests pass a clock they can move, so rules that
 * depend on time (reviews due, results overdue, reminder intervals) are tested by travelling in time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put: `set` and `advanceDays` move it. */
export class TestClock implements Clock {
  private current: Date;
  constructor(start: Date | string = new Date()) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
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
