import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { columnsOf, hydrate, KEYED, queryPrepared, withoutKey } from '../../common/reads';
import { compile, sql } from '../../common/sql/sql';
import { Structure } from '../structure/structure.entity';
import { chordOfKm, kmOfChordSql } from './geo';
import type { NearbyStructure } from './structure-search.types';

interface NearbyRow extends Record<string, unknown> {
  __key: string;
  __km: number;
}

/**
 * Nearest published structures of each structure, one statement for all (KNN per row), read
 * through queryPrepared: fused with the other lists of the structure page (see common/reads/fused-reads.ts).
 * The keys are the statement's first parameter (a keyed read).
 */
async function readNearby(
  ds: DataSource,
  ids: readonly string[],
  first: number,
  radiusKm: number,
  without?: ReadonlySet<string>,
): Promise<Map<string, NearbyStructure[]>> {
  const q = compile(sql`SELECT o.id::text AS __key, n.* FROM
     (SELECT id, location FROM structure WHERE id = ANY(${ids}::bigint[]) AND location IS NOT NULL) o
     CROSS JOIN LATERAL (
       SELECT ${sql.raw(columnsOf(ds, Structure, 't', without))}, ${kmOfChordSql(sql`t.location <-> o.location`)} AS "__km"
       FROM structure t
       WHERE t.status = 'PUBLISHED' AND t.id <> o.id AND t.location <-> o.location <= ${chordOfKm(radiusKm)}
       ORDER BY t.location <-> o.location, t.id LIMIT ${first}
     ) n`);
  const rows = (await queryPrepared(ds, q.text, q.values, KEYED)) as NearbyRow[];
  const out = new Map<string, NearbyStructure[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    out.get(String(r.__key))?.push({ distanceKm: Math.round(r.__km * 100) / 100, structure: hydrate(ds, Structure, r) });
  }
  return out;
}

export function createDirectoryLoaders(ds: DataSource) {
  const nearby = new Map<string, DataLoader<string, NearbyStructure[]>>();
  return {
    /**
     * Nearest structures of many structures in one statement, per (first, radius, columns left out:
     * `unneededColumnsOfNearby`).
     */
    nearby(first: number, radiusKm: number, without?: ReadonlySet<string>): DataLoader<string, NearbyStructure[]> {
      const key = `${first}:${radiusKm}:${withoutKey(without)}`;
      let loader = nearby.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await readNearby(ds, ids, first, radiusKm, without);
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
    directory: ReturnType<typeof createDirectoryLoaders>;
  }
}
