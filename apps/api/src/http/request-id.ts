import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'express-serve-static-core' {
  // oxlint-disable-next-line eslint/no-shadow -- declaration merging: this adds a field to Express's own Request
  interface Request {
    requestId?: string;
  }
}

const storage = new AsyncLocalStorage<string>();

/** The id of the request being handled, for logs and INTERNAL_SERVER_ERROR answers (undefined outside one). */
export function currentRequestId(): string | undefined {
  return storage.getStore();
}

// A proxy's id is kept when it looks like one (so logs join up), never trusted as anything but a label.
const ACCEPTABLE = /^[\w.:-]{8,100}$/;

/** Gives every request an id, answered in X-Request-Id. */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const presented = request.header('x-request-id');
  request.requestId = presented && ACCEPTABLE.test(presented) ? presented : randomUUID();
  response.setHeader('X-Request-Id', request.requestId);
  next();
}

/**
 * Makes the request id current for everything the rest of the chain does. Mounted after body parsing:
 * the parser's stream callbacks would otherwise run outside the request's async context.
 */
export function withRequestId(request: Request, _response: Response, next: NextFunction): void {
  storage.run(request.requestId ?? randomUUID(), next);
}
