import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader } from '../../common/db/rows';
import { Person } from './person.entity';

export function createPersonLoaders(ds: DataSource) {
  return {
    byId: keyLoader(ds, Person, { table: 'person', key: 'id', keyType: 'bigint' }),
    byStructureId: groupLoader(
      ds,
      Person,
      (cols) => `SELECT t.structure_id::text AS __key, ${cols} FROM person t
        WHERE t.structure_id = ANY($1::bigint[]) ORDER BY t.id`,
    ),
  };
}
