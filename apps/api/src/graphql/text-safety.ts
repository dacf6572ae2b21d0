import type { ApolloServerPlugin } from '@apollo/server';
import { type ArgumentNode, type DocumentNode, Kind, type ValueNode, visit } from 'graphql';
import { ErrorCode, graphqlError } from '../errors.js';

const REASON = 'must not contain NUL characters or unpaired UTF-16 surrogates';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for text no database column should hold: NUL (PostgreSQL refuses it) or a lone surrogate (not Unicode). */
export function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The dotted path of the first unsafe string inside a JSON value, or null. */
function unsafeIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isUnsafeText(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafeIn(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafeIn(item, `${path}.${key}`) ?? (isUnsafeText(key) ? `${path}.${key}` : null);
      if (found) return found;
    }
  }
  return null;
}

/** Walks an argument's literal value, following variables into the request's variable values. */
function unsafeInLiteral(node: ValueNode, path: string, variables: Record<string, unknown>): string | null {
  switch (node.kind) {
    case Kind.STRING:
      return isUnsafeText(node.value) ? path : null;
    case Kind.VARIABLE:
      return unsafeIn(variables[node.name.value], path);
    case Kind.LIST:
      for (const [index, item] of node.values.entries()) {
        const found = unsafeInLiteral(item, `${path}.${index}`, variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = unsafeInLiteral(field.value, `${path}.${field.name.value}`, variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/** Every argument in a document, in order: found once per parsed document (Apollo reuses it for the same query text). */
const ARGUMENTS = new WeakMap<DocumentNode, ArgumentNode[]>();
function argumentsOf(document: DocumentNode): ArgumentNode[] {
  let found = ARGUMENTS.get(document);
  if (!found) {
    const all: ArgumentNode[] = [];
    visit(document, { Argument: (node) => void all.push(node) });
    ARGUMENTS.set(document, (found = all));
  }
  return found;
}

/**
 * Refuses, before anything runs, any string argument with a NUL or a lone surrogate — in the query text, in
 * variables and in fragments — as BAD_USER_INPUT naming the argument, so no such text reaches a service or
 * the database (where it fails as a bug, or is stored mangled).
 */
export const textSafetyPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (!operation) return;
        const variables = request.variables ?? {};
        let field: string | null = null;
        for (const node of argumentsOf(document)) {
          field = unsafeInLiteral(node.value, node.name.value, variables);
          if (field) break;
        }
        if (field) throw graphqlError(ErrorCode.BAD_USER_INPUT, `Invalid value for ${field}: ${REASON}`, { field, reason: REASON, problems: [{ field, reason: REASON }] });
      },
    };
  },
};
