import { clockScope } from '../clock.js';
import type { Context } from './context.js';

/** Runs a root query or mutation with the request's clock in scope (see clock.ts; root-scopes.ts calls it for root fields only). */
export function inRequestClock<T>(context: Context, next: () => T): T {
  return context.clock ? clockScope.run(context.clock, next) : next();
}
