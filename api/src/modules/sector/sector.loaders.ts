import type { DataSource } from 'typeorm';
import { nestedPageLoader } from '../../common/db/nested-page';
import { countLoader, groupLoader, keyLoader, KEYS, linkLoader, perColumnSet } from '../../common/reads';
import { Person } from '../person/person.entity';
import { Structure } from '../structure/structure.entity';
import { Sector } from './sector.entity';

export function createSectorLoaders(ds: DataSource) {
  const structureCount = countLoader(
    ds,
    `SELECT ss.sector_id::text AS __key, count(*) AS n FROM structure_sector ss
     JOIN structure s ON s.id = ss.structure_id AND s.status = 'PUBLISHED'
     WHERE ss.sector_id = ANY(${KEYS.bigint}) GROUP BY 1`,
  );
  return {
    byId: keyLoader(ds, Sector, { table: 'sector', key: 'id', keyType: 'bigint' }),
    /** Active sectors of structures, reading the columns of a selection (`unneededSectorColumns`). */
    byStructureIdFor: perColumnSet((without) =>
      linkLoader(
        ds,
        Sector,
        (cols) => `SELECT array_agg(ss.structure_id::text) AS __keys, ${cols} FROM structure_sector ss
        JOIN sector t ON t.id = ss.sector_id AND t.status = 'ACTIVE' WHERE ss.structure_id = ANY(${KEYS.bigint})
        GROUP BY t.id ORDER BY t.name, t.id`,
        without,
      ),
    ),
    facilitators: groupLoader(
      ds,
      Person,
      (cols) => `SELECT f.sector_id::text AS __key, ${cols} FROM sector_facilitator f
        JOIN person t ON t.id = f.person_id AND t.status = 'ACTIVE' WHERE f.sector_id = ANY(${KEYS.bigint}) ORDER BY t.id`,
    ),
    facilitatedByPerson: groupLoader(
      ds,
      Sector,
      (cols) => `SELECT f.person_id::text AS __key, ${cols} FROM sector_facilitator f
        JOIN sector t ON t.id = f.sector_id AND t.status = 'ACTIVE' WHERE f.person_id = ANY(${KEYS.bigint}) ORDER BY t.name`,
    ),
    structureCount,
    structures: nestedPageLoader(
      ds,
      Structure,
      `structure_sector m JOIN structure t ON t.id = m.structure_id
       WHERE m.sector_id = p.key AND t.status = 'PUBLISHED'`,
      structureCount,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    sector: ReturnType<typeof createSectorLoaders>;
  }
}
