import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, errorBody } from '../errors.js';

function send(response: Response, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  const { status, body } = errorBody(code, message, extensions);
  response.status(status).json(body);
}

/** POSTs to /graphql must be JSON (Apollo would otherwise answer a plain-text 500 for a body it cannot see). */
export function requireJsonBody(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'POST' && !request.is('application/json')) {
    send(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send GraphQL requests as JSON, with Content-Type: application/json.', {
      contentType: request.header('content-type') ?? null,
    });
    return;
  }
  next();
}

/** Unknown addresses (after the web client had its chance): JSON, not Express's HTML "Cannot GET". */
export function notFoundHandler(_request: Request, response: Response): void {
  send(response, ErrorCode.NOT_FOUND, 'There is nothing at this address.');
}

interface HttpError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

/**
 * The last Express handler: every error that reaches it is answered as a GraphQL-shaped JSON error with a
 * stable code — never Express's HTML page or a stack trace, whatever NODE_ENV is. Body-parser failures are the
 * caller's; anything else is a bug, logged with the request id the answer carries.
 */
export function jsonErrorHandler(error: unknown, request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) {
    next(error); // a stream already under way (an export): Express can only cut the connection
    return;
  }
  const { type, status = (error as HttpError)?.statusCode } = (error ?? {}) as HttpError;
  if (type === 'entity.too.large') {
    send(response, ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is larger than the 1 MB limit.', { limit: '1mb' });
  } else if (type === 'entity.parse.failed') {
    send(response, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
  } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    send(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the request body as UTF-8 JSON.');
  } else if (status === 404) {
    send(response, ErrorCode.NOT_FOUND, 'There is nothing at this address.');
  } else if (typeof status === 'number' && status >= 400 && status < 500) {
    send(response, ErrorCode.BAD_REQUEST, 'The request could not be understood.');
  } else {
    const requestId = request.requestId ?? 'unknown';
    console.error(`[request ${requestId}] internal error`, error);
    send(response, ErrorCode.INTERNAL_SERVER_ERROR, `Something went wrong on our side. If it keeps happening, tell us this request id: ${requestId}.`, { requestId });
  }
}
