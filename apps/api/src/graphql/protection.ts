import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationRule } from 'graphql';
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
} as const;

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
          throw new GraphQLError(
            `This query would cost ${cost}, over the limit of ${QUERY_LIMITS.cost}. Ask for smaller pages (first) or fewer nested lists.`,
            { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: QUERY_LIMITS.cost, http: { status: 400 } } },
          );
        }
      },
    };
  },
};
