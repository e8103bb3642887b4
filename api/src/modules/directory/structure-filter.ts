import type { Context } from '../../common/context';
import { ErrorCode, UserInputError } from '../../common/errors';
import {
  assertTerritoryCodeFormats,
  missingTerritoryCodesSql,
  searchWords,
  unknownTerritoryCode,
} from '../territory/territory.service';
import type { EssFamily } from '../structure/ess-family';
import { WORKFORCE_RANGES } from '../structure/workforce-range';

export interface StructureFilter {
  search?: string | null;
  commune?: string[] | null;
  epci?: string[] | null;
  departement?: string[] | null;
  sector?: string[] | null;
  network?: string[] | null;
  essFamily?: EssFamily[] | null;
  legalCategory?: string[] | null;
  workforceRange?: string[] | null;
  acceptsInterns?: boolean | null;
  seeksVolunteers?: boolean | null;
}

/** Checks the formats of a filter's codes (no SQL); throws the typed error of the first bad one. */
export function assertFilterFormats(f: StructureFilter): void {
  const badCategory = f.legalCategory?.find((c) => !/^[0-9]{4}$/.test(c));
  if (badCategory !== undefined) {
    throw new UserInputError(
      ErrorCode.BAD_USER_INPUT,
      `Catégorie juridique invalide : « ${badCategory.slice(0, 10)} » (4 chiffres).`,
      {
        field: 'legalCategory',
      },
    );
  }
  const badRange = f.workforceRange?.find((c) => !WORKFORCE_RANGES.includes(c));
  if (badRange !== undefined) {
    throw new UserInputError(ErrorCode.UNKNOWN_REFERENCE, `Tranche d'effectifs inconnue : « ${badRange.slice(0, 10)} ».`, {
      field: 'workforceRange',
    });
  }
  assertTerritoryCodeFormats({ commune: f.commune, epci: f.epci, departement: f.departement });
}

/**
 * SQL rows `(kind, code)` of the filter's codes that do not exist (territories, sectors,
 * networks), pushing their parameters; null when there is nothing to check.
 */
export function missingFilterCodesSql(f: StructureFilter, params: unknown[]): string | null {
  const parts: string[] = [];
  const territory = missingTerritoryCodesSql({ commune: f.commune, epci: f.epci, departement: f.departement }, params);
  if (territory) parts.push(territory);
  if (f.sector?.length) {
    parts.push(
      `SELECT 'sector', c FROM unnest($${params.push(f.sector)}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM sector WHERE slug = c)`,
    );
  }
  if (f.network?.length) {
    parts.push(
      `SELECT 'network', c FROM unnest($${params.push(f.network)}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM network WHERE slug = c)`,
    );
  }
  return parts.length ? parts.join(' UNION ALL ') : null;
}

/** The typed error of an unknown code reported by missingFilterCodesSql. */
export function unknownFilterCode(kind: string, code: string): UserInputError {
  if (kind === 'sector' || kind === 'network') {
    return new UserInputError(
      ErrorCode.UNKNOWN_REFERENCE,
      `${kind === 'sector' ? 'Secteur' : 'Réseau'} inconnu : « ${code.slice(0, 80)} ».`,
      { field: kind, value: code.slice(0, 80) },
    );
  }
  return unknownTerritoryCode(kind, code);
}

/** Validates the codes of a filter: formats first, then existence (one statement). */
export async function assertFilterCodes(ctx: Context, f: StructureFilter): Promise<void> {
  assertFilterFormats(f);
  const params: unknown[] = [];
  const sql = missingFilterCodesSql(f, params);
  if (!sql) return;
  const [row]: Array<{ kind: string; code: string }> = await ctx.ds.query(
    `SELECT m.kind, m.code FROM (${sql}) m(kind, code) LIMIT 1`,
    params,
  );
  if (row) throw unknownFilterCode(row.kind, row.code);
}

export const FACETS = [
  'essFamily',
  'sector',
  'network',
  'epci',
  'commune',
  'workforceRange',
  'acceptsInterns',
  'seeksVolunteers',
] as const;
export type FacetName = (typeof FACETS)[number];

/**
 * SQL conditions (on alias `t`, the structure) of a filter, pushing their parameters:
 * `common` ones always apply; `faceted` ones are left out of their own facet's counts.
 */
export function filterConditions(
  f: StructureFilter,
  params: unknown[],
): { common: string[]; faceted: Partial<Record<FacetName, string>> } {
  const p = (v: unknown) => `$${params.push(v)}`;
  const common = [`t.status = 'PUBLISHED'`];
  const faceted: Partial<Record<FacetName, string>> = {};
  if (f.departement?.length) {
    common.push(`t.commune_code IN (SELECT code FROM commune WHERE departement_code = ANY(${p(f.departement)}::text[]))`);
  }
  if (f.legalCategory?.length) common.push(`t.legal_category = ANY(${p(f.legalCategory)}::text[])`);
  if (f.commune?.length) faceted.commune = `t.commune_code = ANY(${p(f.commune)}::text[])`;
  if (f.epci?.length) faceted.epci = `t.commune_code IN (SELECT code FROM commune WHERE epci_siren = ANY(${p(f.epci)}::text[]))`;
  if (f.sector?.length) {
    faceted.sector = `EXISTS (SELECT 1 FROM structure_sector ss JOIN sector s ON s.id = ss.sector_id
      WHERE ss.structure_id = t.id AND s.slug = ANY(${p(f.sector)}::text[]))`;
  }
  if (f.network?.length) {
    faceted.network = `EXISTS (SELECT 1 FROM network_membership m JOIN network n ON n.id = m.network_id
      WHERE m.structure_id = t.id AND n.slug = ANY(${p(f.network)}::text[]))`;
  }
  if (f.essFamily?.length) faceted.essFamily = `t.ess_family = ANY(${p(f.essFamily)}::text[])`;
  if (f.workforceRange?.length) faceted.workforceRange = `t.workforce_range = ANY(${p(f.workforceRange)}::text[])`;
  if (f.acceptsInterns != null) faceted.acceptsInterns = `t.accepts_interns = ${p(f.acceptsInterns)}`;
  if (f.seeksVolunteers != null) faceted.seeksVolunteers = `t.seeks_volunteers = ${p(f.seeksVolunteers)}`;
  // Words of the name (`search`), in every list that takes the filter: the directory search too.
  for (const word of searchWords(f.search)) {
    common.push(`t.search_name LIKE '%' || lower(essor_unaccent(${p(word)})) || '%'`);
  }
  return { common, faceted };
}
