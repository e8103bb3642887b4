import type { Context } from '../../common/context';
import { queryRow, sql, type Sql } from '../../common/sql/sql';
import {
  assertTerritoryCodeFormats,
  missingTerritoryCodes,
  searchWords,
  unknownTerritoryCode,
} from '../territory/territory.service';
import type { EssFamily } from '../structure/ess-family';
import { structureErrors } from '../structure/structure.errors';
import type { StructureStatus } from '../structure/structure.entity';
import { WORKFORCE_RANGES } from '../structure/workforce-range';
import { directoryErrors } from './directory.errors';

/** What a list of structures is narrowed to: the `StructureFilter` input of structures, searchStructures, adminStructures. */
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

/**
 * The structures a caller lists before any filter: the published ones (public lists), or for the
 * admin table the given statuses (every status when null) among the given structures (every one when null).
 */
export type StructureScope =
  'published' | { status?: readonly StructureStatus[] | null; structureIds?: readonly string[] | null };

/** Checks the formats of a filter's codes (no SQL); throws the typed error of the first bad one. */
export function assertFilterFormats(f: StructureFilter): void {
  const badCategory = f.legalCategory?.find((c) => !/^[0-9]{4}$/.test(c));
  if (badCategory !== undefined) {
    throw directoryErrors.badLegalCategory({ code: badCategory.slice(0, 10) }, { field: 'legalCategory' });
  }
  const badRange = f.workforceRange?.find((c) => !WORKFORCE_RANGES.includes(c));
  if (badRange !== undefined) {
    throw structureErrors.unknownWorkforceRange({ code: badRange.slice(0, 10) }, { field: 'workforceRange' });
  }
  assertTerritoryCodeFormats({ commune: f.commune, epci: f.epci, departement: f.departement });
}

/**
 * SQL rows `(kind, code)` of the filter's codes that do not exist (territories, sectors,
 * networks); null when there is nothing to check.
 */
export function missingFilterCodes(f: StructureFilter): Sql | null {
  const parts: Sql[] = [];
  const territory = missingTerritoryCodes({ commune: f.commune, epci: f.epci, departement: f.departement });
  if (territory) parts.push(territory);
  if (f.sector?.length) {
    parts.push(sql`SELECT 'sector', c FROM unnest(${f.sector}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM sector WHERE slug = c)`);
  }
  if (f.network?.length) {
    parts.push(
      sql`SELECT 'network', c FROM unnest(${f.network}::text[]) c WHERE NOT EXISTS (SELECT 1 FROM network WHERE slug = c)`,
    );
  }
  return parts.length ? sql.join(parts, sql` UNION ALL `) : null;
}

/** The typed error of an unknown code reported by missingFilterCodes. */
export function unknownFilterCode(kind: string, code: string): Error {
  if (kind === 'sector' || kind === 'network') {
    return structureErrors.unknownLink({ kind, code: code.slice(0, 80) }, { field: kind, value: code.slice(0, 80) });
  }
  return unknownTerritoryCode(kind, code);
}

/** Validates the codes of a filter: formats first, then existence (one statement). */
export async function assertFilterCodes(ctx: Context, f: StructureFilter): Promise<void> {
  assertFilterFormats(f);
  const missing = missingFilterCodes(f);
  if (!missing) return;
  const row = await queryRow(
    ctx.ds,
    sql<{ kind: string; code: string }>`SELECT m.kind, m.code FROM (${missing}) m(kind, code) LIMIT 1`,
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

/** The conditions of a filter: `common` ones always apply; `faceted` ones are left out of their own facet's counts. */
export interface FilterConditions {
  common: Sql[];
  faceted: Partial<Record<FacetName, Sql>>;
}

/**
 * THE structure filter: the SQL conditions (on alias `t`, the structure) of a scope and a filter.
 * Every list of structures (structures, searchStructures and its map points, adminStructures) is
 * narrowed here and nowhere else.
 */
export function filterConditions(f: StructureFilter, scope: StructureScope = 'published'): FilterConditions {
  const common: Sql[] = [];
  if (scope === 'published') common.push(sql`t.status = 'PUBLISHED'`);
  else {
    if (scope.structureIds) common.push(sql`t.id = ANY(${scope.structureIds}::bigint[])`);
    if (scope.status?.length) common.push(sql`t.status = ANY(${scope.status}::text[])`);
  }
  const faceted: Partial<Record<FacetName, Sql>> = {};
  if (f.departement?.length) {
    common.push(sql`t.commune_code IN (SELECT code FROM commune WHERE departement_code = ANY(${f.departement}::text[]))`);
  }
  if (f.legalCategory?.length) common.push(sql`t.legal_category = ANY(${f.legalCategory}::text[])`);
  if (f.commune?.length) faceted.commune = sql`t.commune_code = ANY(${f.commune}::text[])`;
  if (f.epci?.length) faceted.epci = sql`t.commune_code IN (SELECT code FROM commune WHERE epci_siren = ANY(${f.epci}::text[]))`;
  if (f.sector?.length) {
    faceted.sector = sql`EXISTS (SELECT 1 FROM structure_sector ss JOIN sector s ON s.id = ss.sector_id
      WHERE ss.structure_id = t.id AND s.slug = ANY(${f.sector}::text[]))`;
  }
  if (f.network?.length) {
    faceted.network = sql`EXISTS (SELECT 1 FROM network_membership m JOIN network n ON n.id = m.network_id
      WHERE m.structure_id = t.id AND n.slug = ANY(${f.network}::text[]))`;
  }
  if (f.essFamily?.length) faceted.essFamily = sql`t.ess_family = ANY(${f.essFamily}::text[])`;
  if (f.workforceRange?.length) faceted.workforceRange = sql`t.workforce_range = ANY(${f.workforceRange}::text[])`;
  if (f.acceptsInterns != null) faceted.acceptsInterns = sql`t.accepts_interns = ${f.acceptsInterns}`;
  if (f.seeksVolunteers != null) faceted.seeksVolunteers = sql`t.seeks_volunteers = ${f.seeksVolunteers}`;
  // Words of the name (`search`), in every list that takes the filter: the directory search too.
  for (const word of searchWords(f.search)) {
    common.push(sql`t.search_name LIKE '%' || lower(essor_unaccent(${word})) || '%'`);
  }
  return { common, faceted };
}

/** Every condition of a filter (common and faceted). */
export function allConditions(c: FilterConditions): Sql[] {
  return [...c.common, ...Object.values(c.faceted)];
}
