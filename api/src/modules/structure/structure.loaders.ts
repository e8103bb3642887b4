import type { DataSource } from 'typeorm';
import { keyLoader } from '../../common/reads';
import { Structure } from './structure.entity';

export function createStructureLoaders(ds: DataSource) {
  return {
    /** Any status: callers check visibility (see structure.permissions). */
    byId: keyLoader(ds, Structure, { table: 'structure', key: 'id', keyType: 'bigint' }),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    structure: ReturnType<typeof createStructureLoaders>;
  }
}
