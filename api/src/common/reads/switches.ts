/**
 * The read runtime's switches (see the table in index.ts). Each is read at call time, so a test
 * or a benchmark run can turn one piece off without rebuilding anything; `'0'` turns it off.
 */
function on(name: string): boolean {
  return process.env[name] !== '0';
}

export const readSwitches = {
  /** Loaders' reads through named prepared statements on the readers' pool (else TypeORM's `ds.query`, unfused). */
  prepared: () => on('ESSOR_PREPARED'),
  /** Reads of one event-loop turn fused into one statement. */
  fuse: () => on('ESSOR_FUSE'),
  /** Keyed reads of the same SQL in one turn (concurrent requests) merged into one read of the union of their keys. */
  keyMerge: () => on('ESSOR_KEY_MERGE'),
  /** Loaders read only the columns the GraphQL selection needs. */
  narrow: () => on('ESSOR_NARROW'),
  /** type-graphql field resolvers without arguments called directly (common/graphql/direct-field-resolvers.ts). */
  directResolvers: () => on('ESSOR_DIRECT_RESOLVERS'),
  /** Operations compiled by graphql-jit (common/graphql/compiled-execution.ts, chosen in app.ts). */
  jit: () => on('ESSOR_JIT'),
};
