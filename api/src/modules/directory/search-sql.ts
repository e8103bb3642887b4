import { sql, type Sql } from '../../common/sql/sql';
import { chordOfKm } from './geo';
import { filterConditions, type FacetName, type StructureFilter } from './structure-filter';
import { StructureSort } from './structure-search.types';

/** SQL pieces of the directory search (structure-search.service runs them). */

/** Ranking is done over at most this many candidates: a broad word never ranks the whole match set. */
export const RANK_CANDIDATES = 5000;
/** Beyond this many grid cells (a radius of ≈ 100 km), the cell condition is left out. */
const GEO_CELLS_MAX = 2500;
/** ts_rank_cd weights for D, C, B, A: name (A) first, then services (B), then description (C). */
const RANK_WEIGHTS = sql.raw(`'{0.05, 0.2, 0.5, 1.0}'`);

export type TextMode = 'none' | 'fts' | 'fuzzy';
export interface Centre {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/**
 * The tsquery of the user's words: websearch syntax (never fails on odd input), OR'ed with
 * every stem shortened by one letter as a prefix, so « insertion » (insert) also finds
 * « insérer » (inser).
 */
const tsquery = (text: string) =>
  sql`(SELECT websearch_to_tsquery('public.essor_fr', ${text}) || coalesce((
      SELECT to_tsquery('simple', string_agg(quote_literal(CASE WHEN length(l) >= 5 THEN left(l, length(l) - 1) ELSE l END) || ':*', ' & '))
      FROM unnest(tsvector_to_array(to_tsvector('public.essor_fr', ${text}))) AS l), ''::tsquery))`;

const centreSql = (c: Centre) => sql`essor_sphere_point(${c.latitude}::float8, ${c.longitude}::float8)`;

export interface Built {
  where: Sql[];
  faceted: Partial<Record<FacetName, Sql>>;
  rank: Sql | null;
  distance: Sql | null;
}

/** Every condition of a search: the structure filter, the words, the disc. */
export function build(filter: StructureFilter, text: string | null | undefined, mode: TextMode, centre: Centre | null): Built {
  const { common, faceted } = filterConditions(filter);
  const where = [...common];
  let rank: Sql | null = null;
  if (mode === 'fts') {
    where.push(sql`t.search_vector @@ ${tsquery(text!)}`);
    rank = sql`ts_rank_cd(${RANK_WEIGHTS}, t.search_vector, ${tsquery(text!)})`;
  } else if (mode === 'fuzzy') {
    const q = () => sql`lower(essor_unaccent(${text!.trim()}))`;
    where.push(sql`${q()} <% t.search_name`);
    rank = sql`word_similarity(${q()}, t.search_name)`;
  }
  let distance: Sql | null = null;
  if (centre) {
    const chord = chordOfKm(centre.radiusKm);
    where.push(
      sql`public.cube_enlarge(${centreSql(centre)}, ${chord}::float8, 3) @> t.location`,
      sql`t.location <-> ${centreSql(centre)} <= ${chord}::float8`,
    );
    // The grid cells covering the disc: a condition the planner can estimate, served with the
    // words by one GIN index (structure_search_geo_idx), so a text + near search reads only its hits.
    const cells = geoCells(centre);
    if (cells) where.push(sql`ARRAY[essor_geo_cell(t.latitude, t.longitude)] && ${cells}::int[]`);
    distance = sql`(t.location <-> ${centreSql(centre)})`;
  }
  return { where, faceted, rank, distance };
}

/** Cells of 0.1° × 0.1° (essor_geo_cell in SQL) that cover a disc; null when too many or near a pole. */
export function geoCells(centre: Centre): number[] | null {
  // Bounds with a margin: 111.0 km per degree of latitude is less than the real 111.2.
  const dLat = centre.radiusKm / 111.0 + 0.001;
  const lat0 = centre.latitude - dLat;
  const lat1 = centre.latitude + dLat;
  if (lat0 < -85 || lat1 > 85) return null;
  const cosMin = Math.cos((Math.max(Math.abs(lat0), Math.abs(lat1)) * Math.PI) / 180);
  const dLon = centre.radiusKm / (111.0 * cosMin) + 0.001;
  const lon0 = centre.longitude - dLon;
  const lon1 = centre.longitude + dLon;
  if (lon0 < -180 || lon1 >= 180) return null;
  const [a0, a1, b0, b1] = [lat0, lat1, lon0, lon1].map((v) => Math.floor(v * 10));
  if ((a1 - a0 + 1) * (b1 - b0 + 1) > GEO_CELLS_MAX) return null;
  const cells: number[] = [];
  for (let a = a0; a <= a1; a++) for (let b = b0; b <= b1; b++) cells.push((a + 900) * 4000 + (b + 1800));
  return cells;
}

/** Cursor condition and ORDER BY of each sort, on a relation with columns id, k (sort key), d. */
export const ORDER: Record<StructureSort, { order: string; next: (k: unknown, id: unknown) => Sql }> = {
  [StructureSort.RELEVANCE]: {
    order: 'k DESC, id',
    next: (k, id) => sql`(k < ${k}::real OR (k = ${k}::real AND id > ${id}::bigint))`,
  },
  [StructureSort.DISTANCE]: {
    order: 'k, id',
    next: (k, id) => sql`(k > ${k}::float8 OR (k = ${k}::float8 AND id > ${id}::bigint))`,
  },
  [StructureSort.RECENT]: { order: 'k DESC, id DESC', next: (k, id) => sql`(k, id) < (${k}::text, ${id}::bigint)` },
  [StructureSort.NAME]: { order: 'k, id', next: (k, id) => sql`(k, id) > (${k}::text, ${id}::bigint)` },
};

/**
 * Whether the first part of a cursor is a sort key of this sort (a cursor of another sort, or a
 * forged one, would reach PostgreSQL as a real, a timestamp or a text it cannot take).
 */
const REAL_MAX = 3.4e38;
export const CURSOR_KEY_FITS: Record<StructureSort, (k: unknown) => boolean> = {
  [StructureSort.RELEVANCE]: (k) => typeof k === 'number' && Math.abs(k) <= REAL_MAX,
  [StructureSort.DISTANCE]: (k) => typeof k === 'number' && k >= 0,
  [StructureSort.RECENT]: (k) =>
    typeof k === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(k) && !Number.isNaN(Date.parse(k)),
  [StructureSort.NAME]: (k) => typeof k === 'string',
};

/** Sort key of a structure row `t` (a stable text for RECENT: it is also the cursor). */
export function sortKeySql(sort: StructureSort, dist: Sql): Sql {
  switch (sort) {
    case StructureSort.DISTANCE:
      return dist;
    case StructureSort.RECENT:
      return sql`to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case StructureSort.NAME:
      return sql`t.search_name`;
    default:
      return sql`NULL::real`;
  }
}

/** Columns of the hit set needed by each facet. */
export const FACET_COLUMNS: Record<FacetName, string> = {
  essFamily: 't.ess_family',
  workforceRange: 't.workforce_range',
  commune: 't.commune_code',
  epci: 't.commune_code',
  sector: 't.id',
  network: 't.id',
  acceptsInterns: 't.accepts_interns',
  seeksVolunteers: 't.seeks_volunteers',
};

/** `"ok_a" AND "ok_b" …`: the hit set's flags of the active faceted filters but one (constant text). */
export function flagsBut(active: readonly FacetName[], except?: FacetName): Sql {
  return sql.raw(
    active
      .filter((f) => f !== except)
      .map((f) => `"ok_${f}"`)
      .join(' AND ') || 'true',
  );
}
