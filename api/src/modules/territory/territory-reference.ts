import type { DataSource } from 'typeorm';
import { queryRows, sql } from '../../common/sql/sql';
import { SAMBRE_AVESNOIS_COMMUNES } from './sambre-avesnois.data';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  population?: number;
  codesPostaux?: string[];
  /** Of a municipal arrondissement: its commune. */
  commune?: string;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: Array<{ code: string }>;
}

/**
 * Loads the territory of France (régions, départements, EPCIs, communes) from the INSEE
 * COG as packaged by @etalab/decoupage-administratif, plus the centroids of the
 * communes of Sambre-Avesnois. Idempotent (upserts), one transaction, a few statements.
 */
export async function loadTerritory(
  ds: DataSource,
): Promise<{ regions: number; departements: number; epcis: number; communes: number }> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const regions: Array<{ code: string; nom: string }> = require('@etalab/decoupage-administratif/data/regions.json');
  const departements: Array<{
    code: string;
    nom: string;
    region: string;
  }> = require('@etalab/decoupage-administratif/data/departements.json');
  const epcis: EtalabEpci[] = require('@etalab/decoupage-administratif/data/epci.json');
  const allCommunes: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const communes = allCommunes.filter((c) => c.type === 'commune-actuelle');
  const epciOf = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
  const coords = new Map(SAMBRE_AVESNOIS_COMMUNES.map((c) => [c.code, c]));

  await ds.transaction(async (m) => {
    await queryRows(
      m,
      sql`INSERT INTO region (code, name)
       SELECT * FROM unnest(${regions.map((r) => r.code)}::text[], ${regions.map((r) => r.nom)}::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
    );
    await queryRows(
      m,
      sql`INSERT INTO departement (code, name, region_code)
       SELECT * FROM unnest(${departements.map((d) => d.code)}::text[], ${departements.map((d) => d.nom)}::text[],
         ${departements.map((d) => d.region)}::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code`,
    );
    await queryRows(
      m,
      sql`INSERT INTO epci (siren, name, kind, population)
       SELECT * FROM unnest(${epcis.map((e) => e.code)}::text[], ${epcis.map((e) => e.nom)}::text[],
         ${epcis.map((e) => e.type)}::text[], ${epcis.map((e) => e.populationMunicipale ?? null)}::int[])
       ON CONFLICT (siren) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, population = EXCLUDED.population`,
    );
    await queryRows(
      m,
      sql`INSERT INTO commune (code, name, departement_code, epci_siren, population, postal_codes, latitude, longitude)
       SELECT code, name, dep, epci, pop, coalesce(string_to_array(nullif(pc, ''), ' '), '{}'), lat, lon
       FROM unnest(
         ${communes.map((c) => c.code)}::text[],
         ${communes.map((c) => c.nom)}::text[],
         ${communes.map((c) => c.departement)}::text[],
         ${communes.map((c) => epciOf.get(c.code) ?? null)}::text[],
         ${communes.map((c) => c.population ?? null)}::int[],
         ${communes.map((c) => (c.codesPostaux ?? []).join(' '))}::text[],
         ${communes.map((c) => coords.get(c.code)?.latitude ?? null)}::float8[],
         ${communes.map((c) => coords.get(c.code)?.longitude ?? null)}::float8[]
       ) AS u(code, name, dep, epci, pop, pc, lat, lon)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, departement_code = EXCLUDED.departement_code,
         epci_siren = EXCLUDED.epci_siren, population = EXCLUDED.population, postal_codes = EXCLUDED.postal_codes,
         latitude = coalesce(EXCLUDED.latitude, commune.latitude), longitude = coalesce(EXCLUDED.longitude, commune.longitude)`,
    );
  });
  return { regions: regions.length, departements: departements.length, epcis: epcis.length, communes: communes.length };
}

let arrondissementCommunes: Map<string, string> | undefined;

/**
 * The municipal arrondissements of Paris, Lyon and Marseille (75101…75120, 69381…69389,
 * 13201…13216), which SIRENE uses for their establishments, mapped to their commune (75056,
 * 69123, 13055): `commune` holds only current communes.
 */
export function municipalArrondissements(): ReadonlyMap<string, string> {
  if (!arrondissementCommunes) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const all: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
    arrondissementCommunes = new Map(
      all.filter((c) => c.type === 'arrondissement-municipal' && c.commune).map((c) => [c.code, c.commune!]),
    );
  }
  return arrondissementCommunes;
}
