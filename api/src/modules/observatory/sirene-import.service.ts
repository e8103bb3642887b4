import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { deriveEssFamily } from '../structure/ess-family';
import { isValidSiret } from '../structure/siret';
import { WORKFORCE_RANGES } from '../structure/workforce-range';
import { municipalArrondissements } from '../territory/territory-reference';
import { lambert93ToWgs84 } from './lambert93';
import { perimeterOf } from '../structure/perimeter';
import { refreshSnapshot } from './snapshot.service';

export interface SireneImportOptions {
  etablissements: string;
  unites: string;
  /** Territory codes: départements (2–3 chars), communes (5), EPCIs (9 digits). */
  territory: string[];
  /** Date of the stock files (YYYY-MM-DD). */
  fileDate: string;
  /** Rows per COPY batch, committed with the progress. */
  batchSize?: number;
  onProgress?: (message: string) => void;
  /** For tests: stop (as a crash would) after this many committed batches. */
  failAfterBatches?: number;
}

export interface SireneImportReport {
  importId: string;
  resumed: boolean;
  etablissementsRead: number;
  etablissementsKept: number;
  unitesRead: number;
  unitesKept: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  outsidePerimeter: number;
}

/** SIRENE's dates and codes, cleaned; null for empty cells. */
const v = (s: string | undefined) => (s == null || s.trim() === '' ? null : s.trim());
const NAF = /^[0-9]{2}\.[0-9]{2}[A-Z]$/;
/** A name cell; INSEE writes `[ND]` in the cells it does not publish. */
const named = (s: string | undefined) => {
  const x = v(s);
  return x && x !== '[ND]' ? x : null;
};

/**
 * Name of a legal unit: its denomination (legal persons), else its acronym; for an individual
 * entrepreneur (natural person: `nomUniteLegale`, never a denomination) « prénom nom », with the usual
 * first name and the name of use when given. Non-diffusible units never get a person's name.
 */
export function unitName(r: Record<string, string>): string | null {
  const denomination = named(r.denominationUniteLegale) ?? named(r.sigleUniteLegale);
  if (denomination) return denomination;
  if (v(r.statutDiffusionUniteLegale) === 'P') return '[non diffusible]';
  const name = named(r.nomUsageUniteLegale) ?? named(r.nomUniteLegale);
  if (!name) return null;
  return [named(r.prenomUsuelUniteLegale) ?? named(r.prenom1UniteLegale), name].filter(Boolean).join(' ');
}

class CrashForTests extends Error {}

/** A row of `sirene_import`: the job and its progress. */
interface SireneJob {
  id: string;
  phase: string;
  linesDone: number;
}

/** Turns a COPY text field into its escaped form. */
const copyField = (x: unknown) =>
  x === null || x === undefined
    ? '\\N'
    : String(x).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

async function copyRows(m: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const client = (m.queryRunner as unknown as { databaseConnection: { query: (s: unknown) => NodeJS.WritableStream } })
    .databaseConnection;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(rows.map((r) => `${r.map(copyField).join('\t')}\n`)), stream);
}

/** Communes of the territory codes (départements, EPCIs, communes). */
async function territoryCommunes(ds: DataSource, codes: string[]): Promise<Set<string>> {
  const rows = await queryRows(
    ds,
    sql<{ code: string }>`SELECT code FROM commune
      WHERE code = ANY(${codes}::text[]) OR departement_code = ANY(${codes}::text[]) OR epci_siren = ANY(${codes}::text[])`,
  );
  if (!rows.length) throw new Error(`No commune matches the territory ${codes.join(', ')}.`);
  return new Set(rows.map((r) => r.code));
}

/**
 * Imports SIRENE stock files (StockEtablissement, StockUniteLegale, official CSV columns),
 * streaming them in bounded memory, filtered to a territory:
 * 1. establishments of the territory's communes → staging table (COPY, in batches, each
 *    committed with the progress, so an interrupted import resumes where it stopped);
 * 2. their legal units → staging, with the ESS family and the perimeter computed by the
 *    versioned rules;
 * 3. one transaction upserts the establishments in the perimeter into `structure`, with
 *    provenance (source SIRENE, file date). Non-diffusible units are never published. A
 *    second run of the same files changes nothing.
 */
export async function importSirene(ds: DataSource, o: SireneImportOptions): Promise<SireneImportReport> {
  const batchSize = o.batchSize ?? 5000;
  const say = o.onProgress ?? (() => {});
  const fileKey = [o.etablissements, o.unites]
    .map((f) => `${path.basename(f)}:${fs.statSync(f).size}`)
    .concat(o.fileDate, [...o.territory].sort().join(','))
    .join('|');
  // SIRENE codes Paris, Lyon and Marseille by municipal arrondissement; `commune` holds the communes.
  const arrondissements = municipalArrondissements();
  const communes = await territoryCommunes(
    ds,
    o.territory.map((c) => arrondissements.get(c) ?? c),
  );

  const pending = await queryRow(
    ds,
    sql<SireneJob>`SELECT id::text, phase, lines_done::int AS "linesDone" FROM sirene_import
      WHERE file_key = ${fileKey} AND phase <> 'DONE' ORDER BY sirene_import.id DESC LIMIT 1`,
  );
  const resumed = !!pending;
  const job: SireneJob =
    pending ??
    (await queryRow(
      ds,
      sql<SireneJob>`INSERT INTO sirene_import (file_key, file_date, territory)
        VALUES (${fileKey}, ${o.fileDate}, ${o.territory}) RETURNING id::text, phase, lines_done::int AS "linesDone"`,
    ))!;
  if (resumed) {
    say(`reprise de l'import ${job.id} (phase ${job.phase}, ${job.linesDone} lignes déjà traitées)`);
  }
  const importId: string = job.id;
  const report: SireneImportReport = {
    importId,
    resumed,
    etablissementsRead: 0,
    etablissementsKept: 0,
    unitesRead: 0,
    unitesKept: 0,
    rejected: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    outsidePerimeter: 0,
  };
  let batches = 0;

  /** Streams a CSV file; `take` returns a staged row, an error message, or null (skipped). */
  async function stage(
    file: string,
    fileLabel: 'ETABLISSEMENTS' | 'UNITES',
    nextPhase: string,
    table: string,
    columns: string[],
    take: (rec: Record<string, string>) => unknown[] | string | null,
    counters: { read: keyof SireneImportReport; kept: keyof SireneImportReport },
  ) {
    const skip: number = job.phase === fileLabel ? job.linesDone : 0;
    let line = 1;
    let rows: unknown[][] = [];
    let errors: Array<[number, string]> = [];
    const flush = async (last: boolean) => {
      await ds.transaction(async (m) => {
        await copyRows(m, table, columns, rows);
        if (errors.length) {
          await queryRows(
            m,
            sql`INSERT INTO sirene_import_error (import_id, file, line, message)
              SELECT ${importId}, ${fileLabel}, line, message
              FROM unnest(${errors.map(([l]) => l)}::bigint[], ${errors.map(([, msg]) => msg)}::text[]) AS e(line, message)
              ON CONFLICT DO NOTHING`,
          );
        }
        await queryRows(
          m,
          sql`UPDATE sirene_import SET phase = ${last ? nextPhase : fileLabel}, lines_done = ${last ? 0 : line}
            WHERE id = ${importId}`,
        );
      });
      rows = [];
      errors = [];
      batches += 1;
      if (o.failAfterBatches && batches >= o.failAfterBatches && !last) throw new CrashForTests('interrupted (test)');
    };
    const parser = fs
      .createReadStream(file)
      .pipe(parse({ columns: true, relax_column_count: true, bom: true, skip_empty_lines: true }));
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      line += 1;
      if (line <= skip) continue;
      (report[counters.read] as number) += 1;
      const out = take(rec);
      if (typeof out === 'string') {
        errors.push([line, out]);
        report.rejected += 1;
      } else if (out) {
        rows.push(out);
        (report[counters.kept] as number) += 1;
      }
      if (rows.length >= batchSize || (line % 200_000 === 0 && (rows.length || errors.length))) {
        await flush(false);
        say(
          `${fileLabel.toLowerCase()} : ${line.toLocaleString('fr-FR')} lignes lues, ${(report[counters.kept] as number).toLocaleString('fr-FR')} retenues`,
        );
      }
    }
    await flush(true);
    job.phase = nextPhase;
    job.linesDone = 0;
  }

  if (job.phase === 'ETABLISSEMENTS') {
    await stage(
      o.etablissements,
      'ETABLISSEMENTS',
      'UNITES',
      'sirene_stage_etablissement',
      [
        'import_id',
        'siret',
        'siren',
        'diffusible',
        'active',
        'employer',
        'workforce_range',
        'naf_code',
        'address',
        'postal_code',
        'commune_code',
        'latitude',
        'longitude',
        'created_on',
      ],
      (r) => {
        const code = v(r.codeCommuneEtablissement);
        const commune = code && (arrondissements.get(code) ?? code);
        if (!commune || !communes.has(commune)) return null;
        const siret = v(r.siret) ?? '';
        if (!isValidSiret(siret)) return `SIRET invalide « ${siret.slice(0, 20)} »`;
        const range = v(r.trancheEffectifsEtablissement);
        if (range && !WORKFORCE_RANGES.includes(range)) return `tranche d'effectifs inconnue « ${range.slice(0, 5)} »`;
        const naf = v(r.activitePrincipaleEtablissement);
        const x = Number(v(r.coordonneeLambertAbscisseEtablissement));
        const y = Number(v(r.coordonneeLambertOrdonneeEtablissement));
        const geo = x > 0 && y > 0 ? lambert93ToWgs84(x, y) : null;
        const address =
          [r.numeroVoieEtablissement, r.typeVoieEtablissement, r.libelleVoieEtablissement].map(v).filter(Boolean).join(' ') ||
          null;
        return [
          importId,
          siret,
          siret.slice(0, 9),
          v(r.statutDiffusionEtablissement) !== 'P',
          v(r.etatAdministratifEtablissement) !== 'F',
          v(r.caractereEmployeurEtablissement) === 'O' ? true : v(r.caractereEmployeurEtablissement) === 'N' ? false : null,
          range,
          naf && NAF.test(naf) ? naf : null,
          address,
          v(r.codePostalEtablissement),
          commune,
          geo?.latitude ?? null,
          geo?.longitude ?? null,
          v(r.dateCreationEtablissement),
        ];
      },
      { read: 'etablissementsRead', kept: 'etablissementsKept' },
    );
  }

  if (job.phase === 'UNITES') {
    const sirens = new Set(
      (
        await queryRows(
          ds,
          sql<{ siren: string }>`SELECT DISTINCT siren FROM sirene_stage_etablissement WHERE import_id = ${importId}`,
        )
      ).map((r) => r.siren),
    );
    await stage(
      o.unites,
      'UNITES',
      'UPSERT',
      'sirene_stage_unite',
      [
        'import_id',
        'siren',
        'name',
        'legal_category',
        'ess_flag',
        'diffusible',
        'active',
        'naf_code',
        'ess_family',
        'in_perimeter',
      ],
      (r) => {
        const siren = v(r.siren);
        if (!siren || !sirens.has(siren)) return null;
        const diffusible = v(r.statutDiffusionUniteLegale) !== 'P';
        const name = unitName(r);
        if (!name) return `unité ${siren} sans dénomination ni nom`;
        const category = v(r.categorieJuridiqueUniteLegale);
        if (category && !/^[0-9]{4}$/.test(category)) return `catégorie juridique invalide « ${category.slice(0, 8)} »`;
        const essFlag = v(r.economieSocialeSolidaireUniteLegale) === 'O';
        const naf = v(r.activitePrincipaleUniteLegale);
        return [
          importId,
          siren,
          name.slice(0, 300),
          category,
          essFlag,
          diffusible,
          v(r.etatAdministratifUniteLegale) !== 'C',
          naf && NAF.test(naf) ? naf : null,
          deriveEssFamily({ legalCategory: category, essFlag }).family,
          perimeterOf({ legalCategory: category, sireneEssFlag: essFlag }).inPerimeter,
        ];
      },
      { read: 'unitesRead', kept: 'unitesKept' },
    );
  }

  if (job.phase === 'UPSERT') {
    say('mise à jour des structures…');
    await ds.transaction(async (m) => {
      const staged = sql`sirene_stage_etablissement e JOIN sirene_stage_unite u ON u.import_id = e.import_id AND u.siren = e.siren
        WHERE e.import_id = ${importId}`;
      report.outsidePerimeter = (await queryRow(
        m,
        sql<{ outside: number }>`SELECT count(*)::int AS outside FROM ${staged} AND NOT u.in_perimeter`,
      ))!.outside;
      const rows = await queryRows(
        m,
        sql<{
          inserted: boolean;
        }>`INSERT INTO structure AS s (name, siren, siret, legal_category, ess_family, naf_code, workforce_range, address, postal_code,
           commune_code, latitude, longitude, status, source, source_date, sirene_ess_flag, diffusible, active, employer, in_perimeter)
         SELECT u.name, e.siren, e.siret, u.legal_category, u.ess_family, coalesce(e.naf_code, u.naf_code), e.workforce_range, e.address,
           e.postal_code, e.commune_code, e.latitude, e.longitude,
           CASE WHEN e.diffusible AND u.diffusible AND e.active AND u.active THEN 'PUBLISHED' ELSE 'DRAFT' END,
           'SIRENE', ${o.fileDate}::date, u.ess_flag, e.diffusible AND u.diffusible, e.active AND u.active, e.employer, u.in_perimeter
         FROM ${staged} AND u.in_perimeter
         ON CONFLICT (siret) DO UPDATE SET
           name = EXCLUDED.name, legal_category = EXCLUDED.legal_category, naf_code = EXCLUDED.naf_code,
           workforce_range = EXCLUDED.workforce_range, commune_code = EXCLUDED.commune_code,
           latitude = coalesce(EXCLUDED.latitude, s.latitude), longitude = coalesce(EXCLUDED.longitude, s.longitude),
           sirene_ess_flag = EXCLUDED.sirene_ess_flag, diffusible = EXCLUDED.diffusible, active = EXCLUDED.active, employer = EXCLUDED.employer,
           ess_family = CASE WHEN s.ess_family_override IS NULL THEN EXCLUDED.ess_family ELSE s.ess_family END,
           in_perimeter = CASE WHEN s.perimeter_decision IS NULL THEN EXCLUDED.in_perimeter ELSE s.in_perimeter END,
           status = CASE WHEN NOT EXCLUDED.diffusible AND s.status = 'PUBLISHED' THEN 'DRAFT' ELSE s.status END,
           source = 'SIRENE', source_date = EXCLUDED.source_date, version = s.version + 1, updated_at = now()
         WHERE (s.name, s.legal_category, s.naf_code, s.workforce_range, s.commune_code, s.sirene_ess_flag, s.diffusible, s.active, s.employer)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.legal_category, EXCLUDED.naf_code, EXCLUDED.workforce_range, EXCLUDED.commune_code,
             EXCLUDED.sirene_ess_flag, EXCLUDED.diffusible, EXCLUDED.active, EXCLUDED.employer)
         RETURNING (xmax = 0) AS inserted`,
      );
      const { kept } = (await queryRow(
        m,
        sql<{ kept: number }>`SELECT count(*)::int AS kept FROM ${staged} AND u.in_perimeter`,
      ))!;
      report.inserted = rows.filter((r) => r.inserted).length;
      report.updated = rows.length - report.inserted;
      report.unchanged = kept - rows.length;
      await queryRows(m, sql`DELETE FROM sirene_stage_etablissement WHERE import_id = ${importId}`);
      await queryRows(m, sql`DELETE FROM sirene_stage_unite WHERE import_id = ${importId}`);
      report.rejected = (await queryRow(
        m,
        sql<{ rejected: number }>`SELECT count(*)::int AS rejected FROM sirene_import_error WHERE import_id = ${importId}`,
      ))!.rejected;
      await queryRows(
        m,
        sql`UPDATE sirene_import SET phase = 'DONE', finished_at = now(), report = ${JSON.stringify(report)} WHERE id = ${importId}`,
      );
      await queryRows(
        m,
        sql`INSERT INTO audit_log (actor, action, entity_type, entity_id, after)
          VALUES ('sirene-import', 'IMPORT', 'SireneImport', ${importId}, ${JSON.stringify(report)})`,
      );
    });
    await refreshSnapshot(ds);
  }
  return report;
}

export { CrashForTests };
