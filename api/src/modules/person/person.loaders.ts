import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { consentsOf } from './person-gdpr.service';
import { groupLoader, keyLoader } from '../../common/reads';
import { Person } from './person.entity';

export function createPersonLoaders(ds: DataSource) {
  return {
    consents: new DataLoader(async (ids: readonly string[]) => {
      const found = await consentsOf(ds, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    byId: keyLoader(ds, Person, { table: 'person', key: 'id', keyType: 'bigint' }),
    byStructureId: groupLoader(
      ds,
      Person,
      (cols) => `SELECT t.structure_id::text AS __key, ${cols} FROM person t
        WHERE t.structure_id = ANY($1::bigint[]) ORDER BY t.id`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    person: ReturnType<typeof createPersonLoaders>;
  }
}
