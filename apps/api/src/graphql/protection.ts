import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { NextFunction, Request, Response } from 'express';
import { type DocumentNode, Kind, parse, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ErrorCode, errorBody, graphqlError } from '../errors.js';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// Loaded through require so that it shares the one copy of graphql the schema was built with, whatever the
// loader (Vite's test runner would otherwise hand it graphql's ESM build: "from another module or realm").
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/** Limits on what one request may ask for (documented in docs/api.md). */
export const QUERY_LIMITS = {
  depth: 12,
  aliases: 20,
  directives: 20,
  /** Computed cost: every field costs 1; a list multiplies what it holds by `first`, or by 5 when unbounded. */
  cost: 50_000,
  assumedListSize: 5,
  /** Lexical tokens in the document: the parser stops there (graphql's own maxTokens). */
  tokens: 3_000,
  /** Fields the operation asks for once fragments are expanded (`__typename` and aliases count). */
  fields: 1_000,
  /** Times one response name (or one fragment spread) may appear in a single selection set. */
  repeats: 3,
} as const;

/** Apollo's parse options: the token limit, so a huge document is refused while reading it. */
export const parseOptions = { maxTokens: QUERY_LIMITS.tokens } as const;

/**
 * What is wrong with a parsed document's size, or null. Linear in the document: it runs before validation,
 * whose overlapping-fields rule is quadratic in the fields sharing a response name.
 */
export function documentShapeProblem(document: DocumentNode): string | null {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const expanded = new Map<string, number>();
  let problem: string | null = null;

  const count = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
    if (!set || problem) return 0;
    const seen = new Map<string, number>();
    let total = 0;
    for (const selection of set.selections) {
      let key: string | null = null;
      if (selection.kind === Kind.FIELD) {
        key = selection.alias?.value ?? selection.name.value;
        total += 1 + count(selection.selectionSet, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet, visiting);
      } else {
        const name = selection.name.value;
        key = `...${name}`;
        if (!expanded.has(name) && !visiting.has(name)) {
          const fragment = fragments.get(name);
          expanded.set(name, fragment ? count(fragment.selectionSet, new Set([...visiting, name])) : 0);
        }
        total += expanded.get(name) ?? 0;
      }
      if (key !== null) {
        const times = (seen.get(key) ?? 0) + 1;
        seen.set(key, times);
        if (times > QUERY_LIMITS.repeats) problem ??= `"${key}" appears more than ${QUERY_LIMITS.repeats} times in one selection`;
      }
      if (total > QUERY_LIMITS.fields) problem ??= `it asks for more than ${QUERY_LIMITS.fields} fields`;
      if (problem) return total;
    }
    return total;
  };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) count(definition.selectionSet, new Set());
    if (problem) return problem;
  }
  return null;
}

/**
 * Refuses oversized documents before Apollo validates them (QUERY_TOO_COMPLEX, HTTP 400). It parses the query
 * once more, which is linear and bounded by the token limit; Apollo's hooks cannot stop a request before
 * validation without turning the refusal into an internal error. Unparsable queries pass on, for Apollo to
 * answer GRAPHQL_PARSE_FAILED. Persisted queries sent by hash alone were checked when first registered.
 */
export function documentLimits(request: Request, response: Response, next: NextFunction): void {
  const body = request.method === 'GET' ? request.query : (request.body as Record<string, unknown> | undefined);
  const query = body && typeof body === 'object' ? (body as Record<string, unknown>).query : undefined;
  if (typeof query !== 'string') return next();
  let document: DocumentNode;
  try {
    document = parse(query, parseOptions);
  } catch {
    return next();
  }
  const problem = documentShapeProblem(document);
  if (!problem) return next();
  const { status, body: answer } = errorBody(ErrorCode.QUERY_TOO_COMPLEX, `This query is too large: ${problem}. Split it into smaller requests.`, {
    limits: { tokens: QUERY_LIMITS.tokens, fields: QUERY_LIMITS.fields, repeats: QUERY_LIMITS.repeats },
  });
  response.status(status).json(answer);
}

// Armor's rules throw on rejection by default, which Apollo treats as a crash; reported instead, they become
// ordinary validation errors (HTTP 400, code GRAPHQL_VALIDATION_FAILED) naming the limit and its value.
const report = { propagateOnRejection: false, exposeLimits: true, onReject: [(context: { reportError(e: unknown): void } | null, error: unknown) => context?.reportError(error)] };

/** Depth, alias and directive limits, from GraphQL Armor. */
export const protectionRules: ValidationRule[] = [
  maxDepthRule({ n: QUERY_LIMITS.depth, ...report } as never) as unknown as ValidationRule,
  maxAliasesRule({ n: QUERY_LIMITS.aliases, ...report } as never) as unknown as ValidationRule,
  maxDirectivesRule({ n: QUERY_LIMITS.directives, ...report } as never) as unknown as ValidationRule,
];

// A paged field costs its children times the page size asked for.
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.max(args.first, 1) : undefined;

// Other list fields (outcomes, artefacts, …) are assumed to hold a handful; a connection's own nodes and
// edges are already counted by its `first`.
// (Types are read by their printed form: no graphql helper may touch the schema from another module copy.)
const listEstimator: ComplexityEstimator = ({ field, type, childComplexity }) => {
  if (!String(field.type).startsWith('[')) return undefined;
  if (String(type).endsWith('Connection')) return 1 + childComplexity;
  return 1 + childComplexity * QUERY_LIMITS.assumedListSize;
};

/** Refuses operations whose computed cost is over the limit, before anything runs. */
export const costLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        let cost: number;
        try {
          cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pageSizeEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          return; // invalid variables: execution reports them as BAD_USER_INPUT, with the field
        }
        if (cost > QUERY_LIMITS.cost) {
          throw graphqlError(
            ErrorCode.QUERY_TOO_COSTLY,
            `This query would cost ${cost}, over the limit of ${QUERY_LIMITS.cost}. Ask for smaller pages (first) or fewer nested lists.`,
            { cost, limit: QUERY_LIMITS.cost },
          );
        }
      },
    };
  },
};
