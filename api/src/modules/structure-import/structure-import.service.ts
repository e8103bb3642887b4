import type { Context } from '../../common/context';
import { insertAudited, lockRow, updateVersioned } from '../../common/db/editing';
import { commonErrors } from '../../common/domain-error';
import { queryRow, sql } from '../../common/sql/sql';
import { parseCsv } from '../../common/csv/csv';
import { isValidSiret, normaliseIdentifier } from '../structure/siret';
import { guardUnique, STRUCTURE_SPEC, toValues } from '../structure/structure-editing.service';
import { StructureStatus } from '../structure/structure.entity';
import type { StructurePatch } from '../structure/structure.inputs';
import { canManageStructures } from '../structure/structure.permissions';
import { WORKFORCE_RANGES } from '../structure/workforce-range';
import { structureImportErrors } from './structure-import.errors';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 2_000_000;

/** CSV columns (French, as the mission's spreadsheets have them) → structure fields. */
export const IMPORT_COLUMNS: Record<string, keyof StructurePatch> = {
  nom: 'name',
  siret: 'siret',
  categorie_juridique: 'legalCategory',
  code_commune: 'communeCode',
  adresse: 'address',
  code_postal: 'postalCode',
  site_web: 'website',
  courriel: 'email',
  telephone: 'phone',
  description: 'description',
  services: 'services',
  naf: 'nafCode',
  tranche_effectifs: 'workforceRange',
};

export interface ImportError {
  line: number;
  column: string | null;
  message: string;
}
export interface ImportPreviewRow {
  line: number;
  action: 'CREATE' | 'UPDATE';
  name: string;
  siret: string | null;
  communeCode: string | null;
}
export interface ImportReport {
  committed: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  errors: ImportError[];
  preview: ImportPreviewRow[];
}

const CHECKS: Array<[keyof StructurePatch, RegExp, string]> = [
  ['legalCategory', /^[0-9]{4}$/, 'La catégorie juridique INSEE comporte 4 chiffres.'],
  ['postalCode', /^[0-9]{5}$/, 'Le code postal comporte 5 chiffres.'],
  ['nafCode', /^[0-9]{2}\.[0-9]{2}[A-Z]$/, 'Le code NAF a la forme 88.99B.'],
  ['website', /^https?:\/\/\S+$/, "L'adresse du site doit commencer par http:// ou https://."],
  ['email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/, "L'adresse e-mail n'est pas valide."],
  ['phone', /^[0-9 +().-]{6,25}$/, "Le numéro de téléphone n'est pas valide."],
];

/**
 * Imports structures from CSV. Without `commit` it only previews (errors by line and
 * column, what would be created or updated). With `commit`, nothing is written while a
 * line fails, unless `skipInvalid`; then all valid lines go in one transaction, each audited.
 * A line whose SIRET matches an existing structure updates it; otherwise it creates a draft.
 */
export async function importStructures(ctx: Context, csv: string, commit: boolean, skipInvalid: boolean): Promise<ImportReport> {
  if (!canManageStructures(ctx)) throw commonErrors.forbidden();
  if (Buffer.byteLength(csv) > MAX_IMPORT_BYTES) {
    throw structureImportErrors.fileTooLarge({ field: 'csv' });
  }
  const { header, rows } = parseCsv(csv);
  const errors: ImportError[] = [];
  const unknown = header.filter((h) => !(h in IMPORT_COLUMNS));
  for (const h of unknown) errors.push({ line: 1, column: h, message: `Colonne inconnue « ${h} ».` });
  if (!header.includes('nom')) errors.push({ line: 1, column: 'nom', message: 'La colonne « nom » est obligatoire.' });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw structureImportErrors.tooManyRows({ max: MAX_IMPORT_ROWS }, { field: 'csv' });
  }
  if (errors.length)
    return { committed: false, totalRows: rows.length, validRows: 0, created: 0, updated: 0, errors, preview: [] };

  const parsed = rows.map(({ line, cells }) => {
    // An empty cell leaves the field as it is (on update) or empty (on creation).
    const patch: Record<string, string> = {};
    header.forEach((h, i) => {
      const v = (cells[i] ?? '').trim();
      if (v !== '') patch[IMPORT_COLUMNS[h]] = v;
    });
    if (cells.length > header.length)
      errors.push({ line, column: null, message: `${cells.length} valeurs pour ${header.length} colonnes.` });
    return { line, patch: patch as StructurePatch };
  });

  // Per-line checks, then the references in one statement.
  const sirets = new Map<string, number>();
  for (const { line, patch } of parsed) {
    const col = (field: keyof StructurePatch) => Object.keys(IMPORT_COLUMNS).find((k) => IMPORT_COLUMNS[k] === field)!;
    if (!patch.name || patch.name.length < 2 || patch.name.length > 300) {
      errors.push({ line, column: 'nom', message: 'Le nom doit comporter entre 2 et 300 caractères.' });
    }
    if (patch.siret) {
      patch.siret = normaliseIdentifier(patch.siret);
      if (!isValidSiret(patch.siret))
        errors.push({ line, column: 'siret', message: 'SIRET invalide (14 chiffres, clé de Luhn).' });
      else if (sirets.has(patch.siret))
        errors.push({ line, column: 'siret', message: `SIRET déjà présent ligne ${sirets.get(patch.siret)}.` });
      else sirets.set(patch.siret, line);
    }
    for (const [field, re, message] of CHECKS) {
      const v = patch[field];
      if (typeof v === 'string' && !re.test(v)) errors.push({ line, column: col(field), message });
    }
    if (patch.workforceRange && !WORKFORCE_RANGES.includes(patch.workforceRange)) {
      errors.push({ line, column: 'tranche_effectifs', message: `Tranche d'effectifs inconnue « ${patch.workforceRange} ».` });
    }
  }
  const communes = [...new Set(parsed.map((p) => p.patch.communeCode).filter((c): c is string => !!c))];
  const { missing, existing } = (await queryRow(
    ctx.ds,
    sql<{ missing: string[]; existing: Record<string, string> }>`SELECT
       ARRAY(SELECT c FROM unnest(${communes}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM commune WHERE code = c)) AS missing,
       coalesce((SELECT json_object_agg(siret, id::text) FROM structure WHERE siret = ANY(${[...sirets.keys()]}::text[])), '{}') AS existing`,
  ))!;
  for (const { line, patch } of parsed) {
    if (patch.communeCode && missing.includes(patch.communeCode)) {
      errors.push({ line, column: 'code_commune', message: `Code commune INSEE inconnu « ${patch.communeCode} ».` });
    }
  }
  const badLines = new Set(errors.map((e) => e.line));
  const valid = parsed.filter((p) => !badLines.has(p.line));
  const preview: ImportPreviewRow[] = valid.map(({ line, patch }) => ({
    line,
    action: patch.siret && existing[patch.siret] ? 'UPDATE' : 'CREATE',
    name: patch.name!,
    siret: patch.siret ?? null,
    communeCode: patch.communeCode ?? null,
  }));
  errors.sort((a, b) => a.line - b.line);
  const report = { committed: false, totalRows: rows.length, validRows: valid.length, created: 0, updated: 0, errors, preview };
  if (!commit || (errors.length && !skipInvalid) || !valid.length) return report;

  await guardUnique(() =>
    ctx.ds.transaction(async (m) => {
      for (const { patch } of valid) {
        const id = patch.siret ? existing[patch.siret] : undefined;
        if (id) {
          const current = await lockRow(m, STRUCTURE_SPEC, id);
          await updateVersioned(
            ctx,
            m,
            STRUCTURE_SPEC,
            current,
            current.version,
            await toValues(m, ctx, patch, current),
            'IMPORT_UPDATE',
          );
          report.updated++;
        } else {
          const values = await toValues(m, ctx, patch, null);
          await insertAudited(ctx, m, STRUCTURE_SPEC, { status: StructureStatus.DRAFT, ...values }, 'IMPORT_CREATE');
          report.created++;
        }
      }
    }),
  );
  return { ...report, committed: true };
}
