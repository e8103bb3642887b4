import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader, KEYS } from '../../common/reads';
import { queryRows, sql } from '../../common/sql/sql';
import type { Consent } from './consent.type';
import { Person } from './person.entity';

type ConsentRow = Consent & { personId: string };

export function createPersonLoaders(ds: DataSource) {
  return {
    /** The consents of persons, oldest first. */
    consents: new DataLoader(async (ids: readonly string[]) => {
      const rows = await queryRows(
        ds,
        sql<ConsentRow>`SELECT id::text, person_id::text AS "personId", scope, version, granted_at AS "grantedAt",
                               withdrawn_at AS "withdrawnAt"
         FROM consent WHERE person_id = ANY(${ids}::bigint[]) ORDER BY granted_at`,
      );
      const byPerson = new Map<string, Consent[]>(ids.map((id) => [id, []]));
      for (const { personId, ...consent } of rows) byPerson.get(personId)?.push(consent);
      return ids.map((id) => byPerson.get(id)!);
    }),
    byId: keyLoader(ds, Person, { table: 'person', key: 'id', keyType: 'bigint' }),
    byStructureId: groupLoader(
      ds,
      Person,
      (cols) => `SELECT t.structure_id::text AS __key, ${cols} FROM person t
        WHERE t.structure_id = ANY(${KEYS.bigint}) ORDER BY t.id`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    person: ReturnType<typeof createPersonLoaders>;
  }
}
