import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './common/db/data-source';
import { ENTITIES } from './entities';

/** A data source of every module's entities (composition root: common/db/data-source.ts knows no module). */
export function createAppDataSource(opts: Omit<DataSourceOptions, 'entities'>): DataSource {
  return createDataSource({ ...opts, entities: ENTITIES });
}
