import type { DataSource } from 'typeorm';
import { keyLoader } from '../../common/db/rows';
import { Structure } from './structure.entity';

export function createStructureLoaders(ds: DataSource) {
  return {
    /** Any status: callers check visibility (see structure.permissions). */
    byId: keyLoader(ds, Structure, { table: 'structure', key: 'id', keyType: 'bigint' }),
  };
}
