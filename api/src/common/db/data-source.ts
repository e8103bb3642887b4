import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../entities';
import { SnakeNamingStrategy } from './naming.strategy';
import { loadSqlMigrations } from './sql-migrations';
import { CountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  logQueries?: boolean;
}

export function createDataSource({ url, poolSize, logQueries }: DataSourceOptions): DataSource {
  return new DataSource({
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
}
