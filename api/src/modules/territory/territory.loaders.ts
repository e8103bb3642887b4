import type { DataSource } from 'typeorm';
import { countLoader, groupLoader, keyLoader } from '../../common/db/rows';
import { Commune } from './commune.entity';
import { Departement } from './departement.entity';
import { Epci } from './epci.entity';
import { Region } from './region.entity';

export function createTerritoryLoaders(ds: DataSource) {
  return {
    regionByCode: keyLoader(ds, Region, { table: 'region', key: 'code', keyType: 'text' }),
    departementByCode: keyLoader(ds, Departement, { table: 'departement', key: 'code', keyType: 'text' }),
    epciBySiren: keyLoader(ds, Epci, { table: 'epci', key: 'siren', keyType: 'text' }),
    communeByCode: keyLoader(ds, Commune, { table: 'commune', key: 'code', keyType: 'text' }),
    communesByEpci: groupLoader(
      ds,
      Commune,
      (cols) =>
        `SELECT t.epci_siren AS __key, ${cols} FROM commune t WHERE t.epci_siren = ANY($1::text[]) ORDER BY t.name, t.code`,
    ),
    communeCountByEpci: countLoader(
      ds,
      `SELECT epci_siren AS __key, count(*) AS n FROM commune WHERE epci_siren = ANY($1::text[]) GROUP BY epci_siren`,
    ),
    communeCountByDepartement: countLoader(
      ds,
      `SELECT departement_code AS __key, count(*) AS n FROM commune WHERE departement_code = ANY($1::text[]) GROUP BY 1`,
    ),
    structureCountByCommune: countLoader(
      ds,
      `SELECT commune_code AS __key, count(*) AS n FROM structure
       WHERE commune_code = ANY($1::text[]) AND status = 'PUBLISHED' GROUP BY 1`,
    ),
    structureCountByEpci: countLoader(
      ds,
      `SELECT c.epci_siren AS __key, count(*) AS n FROM structure s JOIN commune c ON c.code = s.commune_code
       WHERE c.epci_siren = ANY($1::text[]) AND s.status = 'PUBLISHED' GROUP BY 1`,
    ),
  };
}
