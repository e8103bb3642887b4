/**
 * The read runtime: how the loaders read PostgreSQL. One folder, one contract each file:
 *
 * - `hydrate.ts`: rows → entity instances (TypeORM metadata), `columnsOf`, fused rows typed back
 *   from the column types;
 * - `reader-pools.ts`: the readers' pool (prepared statements planned once) and the streaming
 *   replicas, with the per-request choice of the primary;
 * - `fused-reads.ts`: `queryPrepared`, reads of one turn fused into one statement and keyed reads
 *   of concurrent requests merged; its rules are checked in code (see there);
 * - `sql-parameters.ts`: the tokenizer that finds and renumbers parameters;
 * - `loaders.ts`: the generic loaders (`keyLoader`, `groupLoader`, `linkLoader`, `countLoader`);
 * - `narrow.ts`: which columns a read may leave out, from the names of the fields selected (the
 *   GraphQL half: common/graphql/narrowing.ts).
 *
 * Each custom piece can be turned off, so the benchmark measures what it still gains (`=0`: off;
 * read at call time, except `ESSOR_JIT` and `ESSOR_DIRECT_RESOLVERS`, read when the app / schema is built):
 *
 * | switch                     | piece                                                             | where                                   |
 * |----------------------------|-------------------------------------------------------------------|-----------------------------------------|
 * | `ESSOR_PREPARED=0`         | readers' pool + named prepared statements (off: TypeORM, unfused)  | reads/fused-reads.ts, reads/reader-pools.ts |
 * | `ESSOR_FUSE=0`             | reads of one turn fused into one statement                         | reads/fused-reads.ts                    |
 * | `ESSOR_KEY_MERGE=0`        | keyed reads of concurrent requests merged (union of keys)          | reads/fused-reads.ts (`mergeKeyed`)     |
 * | `ESSOR_NARROW=0`           | loaders read only the selected columns                             | reads/narrow.ts                         |
 * | `ESSOR_DIRECT_RESOLVERS=0` | type-graphql field resolvers called directly                       | common/graphql/direct-field-resolvers.ts |
 * | `ESSOR_JIT=0`              | graphql-jit execution (off: graphql-js)                            | common/graphql/compiled-execution.ts, app.ts |
 * | `ESSOR_RESPONSE_CACHE=0`   | the anonymous response cache                                       | common/cache/response-cache.ts, app.ts  |
 */
export { columnsOf, hydrate, hydratePrefixed, jsonReviver, JSON_ROW, LossyFusedRowError } from './hydrate';
export { closeReaderPool, hasReplicas, readerPoolStats, readPrimaryInThisRequest, setReplicaUrls } from './reader-pools';
export { KEYED, keyedBy, queryPrepared, ReadContractError, type ReadOptions } from './fused-reads';
export { parameterSpans, renumberParameters, UnsafeFusedSqlError } from './sql-parameters';
export { countLoader, groupLoader, KEYS, keyLoader, linkLoader, perColumnSet, withoutKey } from './loaders';
export { columnProperties, unneededColumns, type Narrowing } from './narrow';
export { readSwitches } from './switches';
