import type { DataSource } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { parseCsv } from '../../common/csv/csv';
import { queryRow, queryRows, sql, type SqlRunner } from '../../common/sql/sql';
import { observatoryErrors } from './observatory.errors';
import { REFERENCE_FIGURES, type ReferenceFigureRow } from './reference-figures';

/** A refused line of an import (`column` null: the whole line). */
export interface ReferenceImportLineError {
  line: number;
  column: string | null;
  message: string;
}

export interface ReferenceImportResult {
  imported: number;
  errors: ReferenceImportLineError[];
}

const COLUMNS = ['territory_type', 'territory_code', 'territory_name', 'indicator', 'year', 'value', 'source'];
const TYPES = ['FRANCE', 'REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE', 'ZONE'];
const INDICATORS = ['ESS_ESTABLISHMENTS', 'ESS_EMPLOYER_ESTABLISHMENTS', 'ESS_EMPLOYEES', 'TOTAL_EMPLOYEES', 'ESS_SHARE_PERCENT'];

async function upsert(runner: SqlRunner, rows: ReferenceFigureRow[]) {
  await queryRows(
    runner,
    sql`INSERT INTO reference_figure (territory_type, territory_code, territory_name, indicator, year, value, source)
     SELECT * FROM unnest(
       ${rows.map((r) => r.territoryType)}::text[],
       ${rows.map((r) => r.territoryCode)}::text[],
       ${rows.map((r) => r.territoryName)}::text[],
       ${rows.map((r) => r.indicator)}::text[],
       ${rows.map((r) => r.year)}::int[],
       ${rows.map((r) => r.value)}::numeric[],
       ${rows.map((r) => r.source)}::text[]
     )
     ON CONFLICT (territory_type, territory_code, indicator, year) DO UPDATE
       SET territory_name = EXCLUDED.territory_name, value = EXCLUDED.value, source = EXCLUDED.source`,
  );
}

/** The published figures shipped with Essor, when the table is empty. */
export async function seedReferenceFigures(ds: DataSource): Promise<void> {
  const { n } = (await queryRow(ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM reference_figure`))!;
  if (n === 0) await upsert(ds, [...REFERENCE_FIGURES]);
}

/** CSV import of reference figures: all lines or none. */
export async function importReferenceFigures(ctx: Context, csv: string): Promise<ReferenceImportResult> {
  if (csv.length > 1_000_000) throw observatoryErrors.referenceFileTooLarge({ field: 'csv' });
  const { header, rows } = parseCsv(csv);
  const errors: ReferenceImportLineError[] = COLUMNS.filter((c) => !header.includes(c)).map((c) => ({
    line: 1,
    column: c,
    message: `Colonne manquante « ${c} ».`,
  }));
  if (errors.length) return { imported: 0, errors };
  const out: ReferenceFigureRow[] = [];
  for (const { line, cells } of rows) {
    const get = (c: string) => (cells[header.indexOf(c)] ?? '').trim();
    const row = {
      territoryType: get('territory_type').toUpperCase(),
      territoryCode: get('territory_code'),
      territoryName: get('territory_name'),
      indicator: get('indicator').toUpperCase(),
      year: Number(get('year')),
      value: Number(get('value').replace(/\s/g, '').replace(',', '.')),
      source: get('source'),
    };
    const before = errors.length;
    if (!TYPES.includes(row.territoryType))
      errors.push({ line, column: 'territory_type', message: `Type inconnu « ${row.territoryType} ».` });
    if (!row.territoryCode || !row.territoryName)
      errors.push({ line, column: 'territory_code', message: 'Code et nom du territoire obligatoires.' });
    if (!INDICATORS.includes(row.indicator))
      errors.push({ line, column: 'indicator', message: `Indicateur inconnu « ${row.indicator} ».` });
    if (!Number.isInteger(row.year) || row.year < 1990 || row.year > 2100)
      errors.push({ line, column: 'year', message: 'Année invalide.' });
    if (!Number.isFinite(row.value) || row.value < 0) errors.push({ line, column: 'value', message: 'Valeur invalide.' });
    if (!row.source) errors.push({ line, column: 'source', message: 'La source est obligatoire.' });
    if (errors.length === before) out.push(row as ReferenceFigureRow);
  }
  if (errors.length) return { imported: 0, errors };
  await ctx.ds.transaction(async (m) => {
    await upsert(m, out);
    await audit(m, ctx, {
      action: 'IMPORT_REFERENCE_FIGURES',
      entityType: 'ReferenceFigure',
      entityId: '*',
      after: { rows: out.length },
    });
  });
  return { imported: out.length, errors: [] };
}
