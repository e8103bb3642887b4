import 'reflect-metadata';
import { types } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './naming.strategy';
import { loadSqlMigrations } from './sql-migrations';
import { trackedClientClass } from './pool-clients';
import { closeReaderPool, setReplicaUrls } from '../reads';
import { CountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  /** The entity classes (the composition root's `ENTITIES`: common knows no module). */
  entities: MixedList<Function | string | EntitySchema>;
  poolSize?: number;
  logQueries?: boolean;
  /**
   * `statement_timeout` of every connection of both pools, in ms (0 or unset: none). The API's
   * request pools set it (`ESSOR_STATEMENT_TIMEOUT_MS`); the data sources of jobs, CLIs, migrations
   * and the demo seed leave it unset, and jobs run on the API's pools lift it in their transactions
   * (`liftStatementTimeout`).
   */
  statementTimeoutMs?: number;
  /** Longest wait for a connection of either pool, in ms (pg's `connectionTimeoutMillis`; 0 or unset: no limit). */
  acquireTimeoutMs?: number;
  /**
   * Streaming replicas (`DATABASE_REPLICA_URLS`): the loaders' reads of requests that may read a
   * replica go there (common/reads/reader-pools.ts, common/db/read-routing.ts); everything else stays on `url`.
   */
  replicaUrls?: readonly string[];
}

// A calendar date (PostgreSQL `date`) stays the ISO string « YYYY-MM-DD »: as a JavaScript Date
// it would gain a time zone and, through a GraphQL String field, print as milliseconds.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
// And a date[] an array of those strings (the parser of text[]), as a fused read gives it (common/reads/hydrate.ts).
const DATE_ARRAY_OID = 1182 as Parameters<typeof types.setTypeParser>[0];
const TEXT_ARRAY_OID = 1009 as Parameters<typeof types.getTypeParser>[0];
types.setTypeParser(DATE_ARRAY_OID, types.getTypeParser(TEXT_ARRAY_OID));

export function createDataSource({
  url,
  entities,
  poolSize,
  logQueries,
  statementTimeoutMs,
  acquireTimeoutMs,
  replicaUrls,
}: DataSourceOptions): DataSource {
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations: loadSqlMigrations(),
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(logQueries),
    maxQueryExecutionTime: Number(process.env.ESSOR_SLOW_QUERY_MS ?? 1000),
    extra: {
      max: poolSize ?? Number(process.env.ESSOR_DB_POOL ?? 10),
      application_name: 'essor-api',
      // Read by the readers' pool too (common/reads/reader-pools.ts), so both pools behave alike.
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
      ...(acquireTimeoutMs ? { connectionTimeoutMillis: acquireTimeoutMs } : {}),
      // Registers the connections, so a shutdown can cancel what they still run (pool-clients.ts).
      Client: trackedClientClass(),
    },
  });
  if (replicaUrls) setReplicaUrls(ds, replicaUrls);
  // The loaders' reads have a pool of their own (common/reads/reader-pools.ts): closed with the data source.
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    await closeReaderPool(ds);
    await destroy();
  };
  return ds;
}
