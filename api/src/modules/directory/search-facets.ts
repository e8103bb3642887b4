import { sql, type Sql } from '../../common/sql/sql';
import { ESS_FAMILY_LABELS, type EssFamily } from '../structure/ess-family';
import { WORKFORCE_RANGE_LABELS } from '../structure/workforce-range';
import { FACETS, type FacetName } from './structure-filter';
import type { FacetValue, StructureFacets } from './structure-search.types';

/** A facet row of the search statement: `[facet, value, label, count]`. */
export type FacetRow = [FacetName, string, string | null, number];

/** Per facet: the rows `(facet, value, label, n)` of the hits `h` passing the other filters (`ok`). */
export const FACET_SQL: Record<FacetName, (ok: Sql) => Sql> = {
  essFamily: (ok) =>
    sql`SELECT 'essFamily' AS facet, ess_family::text AS value, NULL::text AS label, count(*)::int AS n FROM h WHERE ${ok} GROUP BY 2`,
  workforceRange: (ok) =>
    sql`SELECT 'workforceRange', workforce_range::text, NULL, count(*)::int FROM h WHERE ${ok} AND workforce_range IS NOT NULL GROUP BY 2`,
  commune: (ok) => sql`SELECT 'commune', g.commune_code::text, c.name, g.n FROM (SELECT commune_code, count(*)::int AS n FROM h
      WHERE ${ok} AND commune_code IS NOT NULL GROUP BY 1) g JOIN commune c ON c.code = g.commune_code`,
  epci: (ok) => sql`SELECT 'epci', e.siren::text, e.name, sum(g.n)::int FROM (SELECT commune_code, count(*)::int AS n FROM h
      WHERE ${ok} AND commune_code IS NOT NULL GROUP BY 1) g JOIN commune c ON c.code = g.commune_code JOIN epci e ON e.siren = c.epci_siren
      GROUP BY 2, 3`,
  sector: (ok) => sql`SELECT 'sector', s.slug::text, s.name, g.n FROM (SELECT ss.sector_id, count(*)::int AS n FROM h
      JOIN structure_sector ss ON ss.structure_id = h.id WHERE ${ok} GROUP BY 1) g JOIN sector s ON s.id = g.sector_id`,
  network: (ok) => sql`SELECT 'network', n.slug::text, n.name, g.n FROM (SELECT m.network_id, count(*)::int AS n FROM h
      JOIN network_membership m ON m.structure_id = h.id WHERE ${ok} GROUP BY 1) g JOIN network n ON n.id = g.network_id`,
  acceptsInterns: (ok) => sql`SELECT 'acceptsInterns', 'true', NULL, count(*)::int FROM h WHERE ${ok} AND accepts_interns`,
  seeksVolunteers: (ok) => sql`SELECT 'seeksVolunteers', 'true', NULL, count(*)::int FROM h WHERE ${ok} AND seeks_volunteers`,
};

export function emptyFacets(): StructureFacets {
  return {
    essFamily: [],
    sector: [],
    network: [],
    epci: [],
    commune: [],
    workforceRange: [],
    acceptsInterns: 0,
    seeksVolunteers: 0,
  };
}

/** The facets of the search statement's rows, labelled in French and sorted (most hits first). */
export function facetsOf(rows: FacetRow[] | null): StructureFacets {
  const out = emptyFacets();
  for (const [facet, value, label, n] of rows ?? []) {
    if (facet === 'acceptsInterns' || facet === 'seeksVolunteers') {
      out[facet] = n;
      continue;
    }
    const text =
      facet === 'essFamily'
        ? ESS_FAMILY_LABELS[value as EssFamily]
        : facet === 'workforceRange'
          ? (WORKFORCE_RANGE_LABELS[value] ?? value)
          : (label ?? value);
    (out[facet] as FacetValue[]).push({ value, label: text, count: n });
  }
  for (const f of FACETS) {
    const list = out[f];
    if (Array.isArray(list)) list.sort((a, b2) => b2.count - a.count || a.label.localeCompare(b2.label, 'fr'));
  }
  return out;
}
