import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../entities';
import { SnakeNamingStrategy } from './naming.strategy';
import { loadSqlMigrations } from './sql-migrations';
import { closeReaderPool } from './rows';
import { CountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  logQueries?: boolean;
}

// A calendar date (PostgreSQL `date`) stays the ISO string « YYYY-MM-DD »: as a JavaScript Date
// it would gain a time zone and, through a GraphQL String field, print as milliseconds.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export function createDataSource({ url, poolSize, logQueries }: DataSourceOptions): DataSource {
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
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
    },
  });
  // The loaders' reads have a pool of their own (common/db/rows.ts): closed with the data source.
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    await closeReaderPool(ds);
    await destroy();
  };
  return ds;
}
