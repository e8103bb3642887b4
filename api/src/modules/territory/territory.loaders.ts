import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import {
  columnsOf,
  countLoader,
  groupLoader,
  hydrate,
  hydratePrefixed,
  keyedBy,
  keyLoader,
  KEYS,
  perColumnSet,
  queryPrepared,
} from '../../common/reads';
import { Commune } from './commune.entity';
import { Departement } from './departement.entity';
import { Epci } from './epci.entity';
import { Region } from './region.entity';

/**
 * Communes by INSEE code, each with its EPCI in the same statement: the EPCI loader is primed,
 * so `commune { epci }` (and `structure { epci }`) cost no statement of their own.
 */
function communeWithEpciLoader(ds: DataSource, epciBySiren: DataLoader<string, Epci | null>, without?: ReadonlySet<string>) {
  const epciCols = ds
    .getMetadata(Epci)
    .columns.filter((c) => c.isSelect)
    .map((c) => `e.${c.databaseName} AS "e__${c.databaseName}"`)
    .join(', ');
  return new DataLoader<string, Commune | null>(
    async (codes) => {
      const rows = await queryPrepared(
        ds,
        `SELECT ${columnsOf(ds, Commune, 't', without)}, ${epciCols} FROM commune t LEFT JOIN epci e ON e.siren = t.epci_siren
         WHERE t.code = ANY(${KEYS.text})`,
        [codes],
        keyedBy('code'),
      );
      const asked = new Set(codes);
      const byCode = new Map<string, Commune>();
      for (const r of rows) {
        if (!asked.has(r.code as string)) continue; // another request's, read in the same statement
        const commune = hydrate(ds, Commune, r);
        byCode.set(commune.code, commune);
        if (r.e__siren != null) {
          const epci = hydratePrefixed(ds, Epci, r, 'e__');
          epciBySiren.prime(epci.siren.trim(), epci);
        }
      }
      return codes.map((c) => byCode.get(c) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

export function createTerritoryLoaders(ds: DataSource) {
  const epciBySiren = keyLoader(ds, Epci, { table: 'epci', key: 'siren', keyType: 'text' });
  return {
    regionByCode: keyLoader(ds, Region, { table: 'region', key: 'code', keyType: 'text' }),
    departementByCode: keyLoader(ds, Departement, { table: 'departement', key: 'code', keyType: 'text' }),
    epciBySiren,
    /** Communes with their EPCI (which primes `epciBySiren`: every EPCI column is read). */
    communeByCode: communeWithEpciLoader(ds, epciBySiren),
    /** The same, reading the commune columns of a selection (`unneededCommuneColumns`). */
    communeByCodeFor: perColumnSet((without) => communeWithEpciLoader(ds, epciBySiren, without)),
    communesByEpci: groupLoader(
      ds,
      Commune,
      (cols) =>
        `SELECT t.epci_siren AS __key, ${cols} FROM commune t WHERE t.epci_siren = ANY(${KEYS.text}) ORDER BY t.name, t.code`,
    ),
    communeCountByEpci: countLoader(
      ds,
      `SELECT epci_siren AS __key, count(*) AS n FROM commune WHERE epci_siren = ANY(${KEYS.text}) GROUP BY epci_siren`,
    ),
    communeCountByDepartement: countLoader(
      ds,
      `SELECT departement_code AS __key, count(*) AS n FROM commune WHERE departement_code = ANY(${KEYS.text}) GROUP BY 1`,
    ),
    structureCountByCommune: countLoader(
      ds,
      `SELECT commune_code AS __key, count(*) AS n FROM structure
       WHERE commune_code = ANY(${KEYS.text}) AND status = 'PUBLISHED' GROUP BY 1`,
    ),
    structureCountByEpci: countLoader(
      ds,
      `SELECT c.epci_siren AS __key, count(*) AS n FROM structure s JOIN commune c ON c.code = s.commune_code
       WHERE c.epci_siren = ANY(${KEYS.text}) AND s.status = 'PUBLISHED' GROUP BY 1`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    territory: ReturnType<typeof createTerritoryLoaders>;
  }
}
