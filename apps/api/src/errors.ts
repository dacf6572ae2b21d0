import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { currentRequestId } from './http/request-id.js';
import { govukMessage } from './validation-messages.js';

/**
 * The stable error codes partners can rely on (documented in docs/api.md), every one Synapse or Apollo emits.
 * Synapse's own are raised through `DomainError`, `graphqlError` or `errorBody`; nothing else invents codes.
 */
export const ErrorCode = {
  /** A value the caller sent is wrong; `extensions.field` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** Not allowed; `extensions.reason` is "csrf" when a cookie session's mutation lacks its CSRF token. */
  FORBIDDEN: 'FORBIDDEN',
  /** No valid credentials: an unknown or revoked API key, or a session that has expired. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Someone else changed or created the same thing first (version or uniqueness). */
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The query's computed cost is over the limit. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The query document is too big to consider: tokens, fields or a field repeated. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The HTTP request itself is malformed (not JSON, no query…); Apollo uses the same code. */
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** A bug on our side; logged with `extensions.requestId`. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Emitted by graphql-js/Apollo themselves, passed through unchanged:
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  QUERY_TOO_COSTLY: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** The one way to raise a coded error from GraphQL plumbing (plugins, rules); its HTTP status follows the code. */
export function graphqlError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) } });
}

/** The same error as a JSON body, for answers outside GraphQL (rate limits, body parsing, API keys). */
export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return { status: HTTP_STATUS[code] ?? 400, body: { errors: [{ message, extensions: { code, ...extensions } }] } };
}

export interface FieldProblem {
  /** Dotted path from the argument, e.g. "input.outcomes.0.title". */
  field: string;
  reason: string;
}

/** A failure the caller can act on. Mapped to a GraphQL error with `extensions.code` in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadInputError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    const [first] = problems;
    // An empty list (e.g. a validator that failed without saying where) is still the client's mistake, not a crash.
    super(ErrorCode.BAD_USER_INPUT, first ? `Invalid value for ${first.field}: ${first.reason}` : 'Invalid input', {
      ...(first && { field: first.field, reason: first.reason }),
      problems,
    });
  }

  static field(field: string, reason: string): BadInputError {
    return new BadInputError([{ field, reason }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { entity: what, id });
  }
}

export class ForbiddenError extends DomainError {
  constructor(action: string) {
    super(ErrorCode.FORBIDDEN, `You are not allowed to ${action}`, { action });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(what: string, expectedVersion: number, currentVersion: number) {
    super(
      ErrorCode.CONFLICT,
      `${what} was changed by someone else (you saw version ${expectedVersion}, it is now ${currentVersion}). Reload and try again.`,
      { expectedVersion, currentVersion },
    );
  }
}

/** Flattens class-validator's nested errors into dotted field paths, with messages in GOV.UK words (validation-messages.ts). */
export function validationProblems(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, reason: govukMessage(error.property, message) }));
    return [...own, ...validationProblems(error.children ?? [], field)];
  });
}

function extensionsFor(error: DomainError): Record<string, unknown> {
  return { code: error.code, ...error.details };
}

function isApolloRequestRefusal(error: unknown): boolean {
  // By shape, not instanceof (graphql may be loaded twice).
  const candidate = error as { name?: string; originalError?: unknown; extensions?: { http?: { status?: number } } } | null;
  if (candidate?.name !== 'GraphQLError' || candidate.originalError) return false;
  const status = candidate.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Apollo's formatError: domain errors keep their code and details; anything unexpected is hidden. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // Unwrap by shape, not instanceof: graphql may be loaded twice (ESM and CommonJS builds).
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: extensionsFor(original) };
  }
  if (original instanceof ArgumentValidationError) {
    const bad = new BadInputError(validationProblems(original.extensions.validationErrors as ValidationError[], 'input'));
    return { ...formatted, message: bad.message, extensions: extensionsFor(bad) };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...formatted,
      message: 'This record was changed by someone else while you were saving. Reload and try again.',
      extensions: { code: ErrorCode.CONFLICT },
    };
  }
  if (original instanceof UniqueConstraintViolationException) {
    // A race the service's own check could not see (two requests creating the same slug, member, domain…).
    return {
      ...formatted,
      message: 'That already exists: someone created the same thing at the same moment. Reload and try again.',
      extensions: { code: ErrorCode.CONFLICT, reason: 'unique' },
    };
  }
  const code = formatted.extensions?.code;
  const coercion = code === ErrorCode.BAD_USER_INPUT ? /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(formatted.message) : null;
  if (coercion) {
    // GraphQL's own variable checks (enums, scalars such as LocalDate): give them the same field/reason shape.
    const [, field, reason] = coercion;
    return { ...formatted, extensions: { ...formatted.extensions, field, reason, problems: [{ field, reason }] } };
  }
  if (formatted.message.startsWith('Too many errors processing variables')) {
    // graphql-js stops checking variables after 50 mistakes, with an error that has no code.
    return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'too many invalid variable values' } };
  }
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && isApolloRequestRefusal(error)) {
    // Apollo refuses some requests (a persisted query's wrong hash or version) with a 400 but no code.
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } };
  }
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // GraphQL's own errors (parse, validation, variable coercion) are safe to show as they are.
    return formatted;
  }
  const requestId = currentRequestId() ?? randomUUID();
  console.error(`[request ${requestId}] internal error`, error);
  return {
    message: `Something went wrong on our side. If it keeps happening, tell us this request id: ${requestId}.`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
