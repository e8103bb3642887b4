import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  isAbstractType,
  printSchema,
  typeFromAST,
  valueFromAST,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** Compiled operations kept per process (a cache, not state: any replica compiles its own). */
export const COMPILED_OPERATIONS_LIMIT = 500;

/**
 * Executes the operations with graphql-jit instead of graphql-js: each operation (its text and
 * name) is compiled once into a function that resolves its fields without graphql-js's per-field
 * interpretation (field lookup, argument coercion, one promise per object completion). Same schema,
 * same resolvers, same errors; Apollo still parses, validates, runs the plugins and formats errors.
 *
 * Apollo Server runs a custom executor through its gateway interface, which this implements over a
 * fixed schema. ESSOR_JIT=0 executes with graphql-js (see `createApp`).
 */
export function compiledExecutionGateway(schema: GraphQLSchema): Gateway {
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  const coreSupergraphSdl = printSchema(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl });
      return () => {};
    },
    async load() {
      return {
        async executor(request) {
          const key = `${request.operationName ?? ''}\n${request.source}`;
          let query = compiled.get(key);
          if (query) {
            // Least recently used last: the oldest entry is the first of the map.
            compiled.delete(key);
          } else {
            query = compileQuery(schema, request.document, request.operationName ?? undefined);
            if (compiled.size >= COMPILED_OPERATIONS_LIMIT) compiled.delete(compiled.keys().next().value!);
          }
          compiled.set(key, query);
          if (!isCompiledQuery(query)) return query;
          const result = query.query(
            undefined,
            request.context,
            withDefaults(schema, request.operation, request.request.variables),
          );
          return result instanceof Promise ? result.then(withGraphQLErrors) : withGraphQLErrors(result);
        },
      };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors are not graphql-js ones: made from a plain Error (any unexpected failure:
 * a database error, a bug), one has no `extensions`, and Apollo's error formatting throws on it:
 * the client got an English « Internal server error » without path and `formatError` never saw
 * the error, which was then never logged. Such errors are rebuilt as GraphQLErrors.
 */
const isExtensions = (x: unknown): boolean => typeof x === 'object' && x !== null;

function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => !isExtensions(e.extensions))) return result;
  return {
    ...result,
    errors: result.errors.map((e) => {
      if (isExtensions(e.extensions)) return e;
      const rebuilt = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined });
      if (e.locations) Object.defineProperty(rebuilt, 'locations', { value: e.locations, enumerable: true });
      return rebuilt;
    }),
  };
}

/**
 * type-graphql wraps every `resolveType` in an async function; graphql-jit resolves abstract types
 * synchronously. Puts back the synchronous resolvers (which return the type's name) of the given
 * interfaces and unions, and refuses a schema with an abstract type left without one.
 */
export function withSynchronousTypeResolvers(
  schema: GraphQLSchema,
  resolvers: Record<string, (value: never) => string>,
): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    const resolve = resolvers[type.name];
    if (!resolve) throw new Error(`The abstract type ${type.name} needs a synchronous resolveType (schema.ts).`);
    type.resolveType = resolve as (value: unknown) => string;
  }
  return schema;
}

/**
 * The variables with the defaults of the operation filled in: graphql-jit (0.8.9) refuses a
 * missing non-null variable even when the operation gives it a default (`$page: Int! = 0`), which
 * the GraphQL specification allows and graphql-js accepts.
 */
function withDefaults(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  let out = variables ?? {};
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (!def.defaultValue || out[name] !== undefined) continue;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (!type) continue;
    if (out === variables) out = { ...variables };
    out[name] = valueFromAST(def.defaultValue, type);
  }
  return out;
}
