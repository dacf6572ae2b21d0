import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { NextFunction, Request, Response } from 'express';
import { type DocumentNode, type GraphQLSchema, Kind, parse, type SelectionSetNode, type ValidationRule } from 'graphql';
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
  /** Times one response name may appear in one selection set, fragments expanded (`__typename` included). */
  repeats: 5,
  /** Fragment spreads in one selection set, nested ones included. */
  spreads: 20,
} as const;

/** Apollo's parse options: the token limit, so a huge document is refused while reading it. */
export const parseOptions = { maxTokens: QUERY_LIMITS.tokens } as const;

/** What one selection set holds once its fragments are expanded in place (fields below it not included). */
interface Level {
  /** Response names (alias or field name, `__typename` included) and how often each appears. */
  names: Map<string, number>;
  /** Fragment spreads, nested ones included. */
  spreads: number;
  /** Fields in this set and everything below it. */
  fields: number;
}

/**
 * What is wrong with a parsed document's size, or null. Linear in the document (fragments are summarised
 * once each): it runs before validation, whose overlapping-fields rule is quadratic in the fields sharing a
 * response name and in the fragments spread side by side.
 */
export function documentShapeProblem(document: DocumentNode): string | null {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const summaries = new Map<string, Level>();
  let problem: string | null = null;
  let aliases = 0;
  const empty = (): Level => ({ names: new Map(), spreads: 0, fields: 0 });

  const merge = (into: Level, from: Level) => {
    for (const [name, times] of from.names) into.names.set(name, (into.names.get(name) ?? 0) + times);
    into.spreads += from.spreads;
    into.fields += from.fields;
  };

  // The set's own level: its fields, inline fragments and spreads merged; nested sets are checked on the way.
  const level = (set: SelectionSetNode | undefined, visiting: ReadonlySet<string>): Level => {
    const here = empty();
    if (!set || problem) return here;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        const name = selection.alias?.value ?? selection.name.value;
        here.names.set(name, (here.names.get(name) ?? 0) + 1);
        here.fields += 1 + check(selection.selectionSet, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        merge(here, level(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        here.spreads++;
        if (visiting.has(name)) continue; // a cycle: validation reports it
        if (!summaries.has(name)) summaries.set(name, level(fragments.get(name)?.selectionSet, new Set([...visiting, name])));
        merge(here, summaries.get(name)!);
      }
      if (problem) break;
    }
    return here;
  };

  // Checks a selection set (and those below it); returns how many fields it holds.
  const check = (set: SelectionSetNode | undefined, visiting: ReadonlySet<string>): number => {
    if (!set || problem) return 0;
    const here = level(set, visiting);
    const repeated = [...here.names].find(([, times]) => times > QUERY_LIMITS.repeats);
    if (repeated) problem ??= `"${repeated[0]}" appears ${repeated[1]} times in one selection (at most ${QUERY_LIMITS.repeats}, fragments included)`;
    if (here.spreads > QUERY_LIMITS.spreads) problem ??= `one selection spreads ${here.spreads} fragments (at most ${QUERY_LIMITS.spreads})`;
    if (here.fields > QUERY_LIMITS.fields) problem ??= `it asks for more than ${QUERY_LIMITS.fields} fields`;
    if (aliases > QUERY_LIMITS.aliases) problem ??= `it uses more than ${QUERY_LIMITS.aliases} aliases`;
    return here.fields;
  };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) check(definition.selectionSet, new Set());
    if (problem) return problem;
  }
  return null;
}

/**
 * The shape problem of a query text, remembered: clients send the same few queries over and over, so most
 * requests skip the second parse. Bounded: 500 texts of at most 10,000 characters (a hostile stream of large
 * distinct queries is parsed each time instead, as before), emptied when full.
 */
const shapes = new Map<string, string | null>();
function shapeProblemOf(query: string): string | null {
  let problem = shapes.get(query);
  if (problem === undefined) {
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions);
    } catch {
      return null;
    }
    problem = documentShapeProblem(document);
    if (query.length > 10_000) return problem;
    if (shapes.size >= 500) shapes.clear();
    shapes.set(query, problem);
  }
  return problem;
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
  const problem = shapeProblemOf(query);
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

/**
 * Costs already computed, by document (Apollo parses each query text once and hands over the same document) and
 * then by the variables' numbers and booleans: a cost depends on the document, the page sizes asked for (`first`)
 * and `@include`/`@skip` conditions, never on a string, so a search's words do not make a new entry. Bounded per
 * document, emptied when full; computing a cost walks the whole document with the schema (0.3 ms a search).
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 100;

function costKey(operationName: string | undefined, variables: Record<string, unknown>): string {
  return `${operationName ?? ''}\n${JSON.stringify(variables, (_key, value: unknown) => (typeof value === 'string' ? undefined : value))}`;
}

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  const key = costKey(operationName, variables);
  let cost = known.get(key);
  if (cost === undefined) {
    cost = getComplexity({ schema, query: document, operationName, variables, estimators: [pageSizeEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })] });
    if (known.size >= COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
  }
  return cost;
}

/** Refuses operations whose computed cost is over the limit, before anything runs. */
export const costLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        let cost: number;
        try {
          cost = costOf(schema, document, request.operationName ?? undefined, request.variables ?? {});
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
