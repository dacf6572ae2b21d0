import { randomUUID } from 'node:crypto';

/** Primary keys are random UUIDs: safe to generate on any replica, and they reveal nothing. */
export function newId(): string {
  return randomUUID();
}
