import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { keyLoader, withoutKey } from '../../common/reads';
import type { Context } from '../../common/context';
import type { NearbyStructure } from './structure-search.types';
import { nearbyStructures } from './structure-search.service';
import { Structure } from './structure.entity';

export function createStructureLoaders(ds: DataSource) {
  const nearby = new Map<string, DataLoader<string, NearbyStructure[]>>();
  return {
    /** Any status: callers check visibility (see structure.permissions). */
    byId: keyLoader(ds, Structure, { table: 'structure', key: 'id', keyType: 'bigint' }),
    /**
     * Nearest structures of many structures in one statement, per (first, radius, columns left out:
     * `unneededColumnsOfNearby`).
     */
    nearby(ctx: Context, first: number, radiusKm: number, without?: ReadonlySet<string>): DataLoader<string, NearbyStructure[]> {
      const key = `${first}:${radiusKm}:${withoutKey(without)}`;
      let loader = nearby.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await nearbyStructures(ctx, ids, first, radiusKm, without);
          return ids.map((id) => found.get(id) ?? []);
        });
        nearby.set(key, loader);
      }
      return loader;
    },
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    structure: ReturnType<typeof createStructureLoaders>;
  }
}
