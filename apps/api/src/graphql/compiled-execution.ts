import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, execute, type ExecutionResult, getVariableValues, GraphQLError, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Runs operations with graphql-jit, which compiles each operation once into a JavaScript function, instead of
 * graphql-js walking the document and the schema for every object of every response. A search's answer is a few
 * hundred objects (hits, highlights, facet values); walking them was a share of the API's own time per search
 * (docs/performance.md).
 *
 * Apollo Server 4 and 5 take a custom executor only through their `gateway` option (their migration guide's way
 * to replace AS3's `executor`): this "gateway" serves our own schema and never changes it. Parsing, validation
 * (protection.ts's rules), plugins and error formatting stay Apollo's, and errors reach them as graphql-js
 * would have made them (`asGraphqlJsError`, and graphql-js's own checks of variables), so every error keeps its
 * code, field, path and HTTP status.
 *
 * An operation is compiled the second time its document is run, and kept: compiling costs more than running
 * once, so a query sent only once (or a stream of different ones) is simply run by graphql-js. Apollo's document
 * store (an LRU of parsed and validated documents by query hash) hands back the same DocumentNode for the same
 * query text, so the WeakMap's entries live as long as the store keeps the document.
 */
export function compiledExecution(schema: GraphQLSchema, compile: typeof compileQuery = compileQuery): GatewayInterface {
  // Per document and operation name: seen once (null), or compiled.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    if (!byOperation.has(key)) {
      byOperation.set(key, null); // the first run is interpreted
      return null;
    }
    let query = byOperation.get(key);
    if (!query) byOperation.set(key, (query = compile(schema, document, operationName ?? undefined)));
    return query;
  };
  const executor: GatewayExecutor = async ({ document, operationName, operation, context, request }) => {
    const variables = request.variables ?? {};
    const interpret = () => execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    const query = compiledFor(document, operationName);
    if (query === null) return interpret();
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, variables);
    if (result.data === undefined) {
      // The variables were refused before anything ran. graphql-js's own check gives the errors Apollo knows
      // (it answers them as BAD_USER_INPUT, with a 400); were it to accept them, graphql-js runs the operation.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
      return interpret();
    }
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}

/**
 * A field's error as graphql-js reports it (its locatedError): the resolver's own GraphQLError when it already
 * has a path, otherwise a GraphQLError at the field's path wrapping what was thrown, with its extensions.
 * graphql-jit's errors carry no `extensions` object when the thrown error has none, which Apollo cannot format.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const thrown = error.originalError;
  if (thrown instanceof GraphQLError && thrown.path) return thrown;
  const located = new GraphQLError(error.message, { path: error.path, originalError: thrown ?? null, extensions: error.extensions });
  // Where in the query, as graphql-jit worked it out (graphql-js derives the same from the field's nodes).
  return Object.assign(located, { locations: error.locations });
}
