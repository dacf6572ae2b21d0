import type { GraphQLFormattedError } from 'graphql';
import { OptimisticLockError } from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/** The stable error codes partners can rely on (documented in docs/api.md). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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
    super(ErrorCode.BAD_USER_INPUT, `Invalid value for ${first.field}: ${first.reason}`, {
      field: first.field,
      reason: first.reason,
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

export class ConflictError extends DomainError {
  constructor(what: string, expectedVersion: number, currentVersion: number) {
    super(
      ErrorCode.CONFLICT,
      `${what} was changed by someone else (you saw version ${expectedVersion}, it is now ${currentVersion}). Reload and try again.`,
      { expectedVersion, currentVersion },
    );
  }
}

/** Flattens class-validator's nested errors into dotted field paths. */
export function validationProblems(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...validationProblems(error.children ?? [], field)];
  });
}

function extensionsFor(error: DomainError): Record<string, unknown> {
  return { code: error.code, ...error.details };
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
  const code = formatted.extensions?.code;
  const coercion = code === ErrorCode.BAD_USER_INPUT ? /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(formatted.message) : null;
  if (coercion) {
    // GraphQL's own variable checks (enums, scalars such as LocalDate): give them the same field/reason shape.
    const [, field, reason] = coercion;
    return { ...formatted, extensions: { ...formatted.extensions, field, reason, problems: [{ field, reason }] } };
  }
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // GraphQL's own errors (parse, validation, variable coercion) are safe to show as they are.
    return formatted;
  }
  console.error(error);
  return { message: 'Something went wrong on our side.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
