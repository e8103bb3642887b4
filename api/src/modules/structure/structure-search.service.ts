import type { Context } from '../../common/context';
import { KEYED, columnsOf, hydrate, queryPrepared } from '../../common/reads';
import { ErrorCode, UserInputError } from '../../common/errors';
import { decodeCursor, encodeCursor, invalidCursor, pageSize } from '../../common/pagination/connection';
import { toGlobalId } from '../../common/relay/global-id';
import { assertTerritoryCodes } from '../territory/territory.service';
import { ESS_FAMILY_LABELS, EssFamily } from './ess-family';
import {
  DEFAULT_RADIUS_KM,
  type FacetValue,
  type MapPoint,
  type NearbyStructure,
  type StructureFacets,
  type StructureSearchResult,
  StructureSort,
} from './structure-search.types';
import { Structure } from './structure.entity';
import {
  assertFilterFormats,
  FACETS,
  filterConditions,
  missingFilterCodesSql,
  unknownFilterCode,
  type FacetName,
  type StructureFilter,
} from './structure.service';
import { WORKFORCE_RANGE_LABELS } from './workforce-range';

export interface SearchInput extends StructureFilter {
  text?: string | null;
  near?: { latitude: number; longitude: number; radiusKm?: number | null } | null;
  nearCommune?: string | null;
  radiusKm?: number | null;
  sort?: StructureSort | null;
  first?: number | null;
  after?: string | null;
}

const EARTH_RADIUS_KM = 6371.0088;
/** Ranking is done over at most this many candidates: a broad word never ranks the whole match set. */
export const RANK_CANDIDATES = 5000;
export const MAP_POINTS_DEFAULT = 2000;
/** Beyond this many grid cells (a radius of ≈ 100 km), the cell condition is left out. */
const GEO_CELLS_MAX = 2500;
export const MAP_POINTS_MAX = 5000;
/** ts_rank_cd weights for D, C, B, A: name (A) first, then services (B), then description (C). */
const RANK_WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'`;

type TextMode = 'none' | 'fts' | 'fuzzy';
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
const tsquery = (p: string) =>
  `(SELECT websearch_to_tsquery('public.essor_fr', ${p}) || coalesce((
      SELECT to_tsquery('simple', string_agg(quote_literal(CASE WHEN length(l) >= 5 THEN left(l, length(l) - 1) ELSE l END) || ':*', ' & '))
      FROM unnest(tsvector_to_array(to_tsvector('public.essor_fr', ${p}))) AS l), ''::tsquery))`;

const centreSql = (lat: string, lon: string) => `essor_sphere_point(${lat}::float8, ${lon}::float8)`;
const chordOfKm = (km: number) => 2 * Math.sin(km / (2 * EARTH_RADIUS_KM));
const kmOfChordSql = (chord: string) => `(2 * ${EARTH_RADIUS_KM} * asin(least(1.0, (${chord}) / 2)))`;

interface Built {
  params: unknown[];
  where: string[];
  faceted: Partial<Record<FacetName, string>>;
  rank: string | null;
  distance: string | null;
}

/** Every condition of a search, for one statement (each statement has its own parameters). */
function build(input: SearchInput, mode: TextMode, centre: Centre | null): Built {
  const params: unknown[] = [];
  const { common, faceted } = filterConditions(input, params);
  const where = [...common];
  let rank: string | null = null;
  if (mode === 'fts') {
    const q = tsquery(`$${params.push(input.text)}`);
    where.push(`t.search_vector @@ ${q}`);
    rank = `ts_rank_cd(${RANK_WEIGHTS}, t.search_vector, ${q})`;
  } else if (mode === 'fuzzy') {
    const q = `lower(essor_unaccent($${params.push(input.text!.trim())}))`;
    where.push(`${q} <% t.search_name`);
    rank = `word_similarity(${q}, t.search_name)`;
  }
  let distance: string | null = null;
  if (centre) {
    const c = centreSql(`$${params.push(centre.latitude)}`, `$${params.push(centre.longitude)}`);
    const chord = `$${params.push(chordOfKm(centre.radiusKm))}::float8`;
    where.push(`public.cube_enlarge(${c}, ${chord}, 3) @> t.location`, `t.location <-> ${c} <= ${chord}`);
    // The grid cells covering the disc: a condition the planner can estimate, served with the
    // words by one GIN index (structure_search_geo_idx), so a text + near search reads only its hits.
    const cells = geoCells(centre);
    if (cells) where.push(`ARRAY[essor_geo_cell(t.latitude, t.longitude)] && $${params.push(cells)}::int[]`);
    distance = `(t.location <-> ${c})`;
  }
  return { params, where, faceted, rank, distance };
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

/**
 * A coordinate to 1e-7 degree (about 1 cm): a subnormal such as 5e-324, within the bounds, would
 * underflow in PostgreSQL's float8 arithmetic.
 */
const microdegrees = (v: number) => Math.round(v * 1e7) / 1e7;

async function resolveCentre(ctx: Context, input: SearchInput): Promise<Centre | null> {
  if (input.near && input.nearCommune) {
    throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Choisissez soit un point, soit une commune, pas les deux.', {
      field: 'near',
    });
  }
  if (input.near) {
    return {
      latitude: microdegrees(input.near.latitude),
      longitude: microdegrees(input.near.longitude),
      radiusKm: input.near.radiusKm ?? DEFAULT_RADIUS_KM,
    };
  }
  if (!input.nearCommune) return null;
  await assertTerritoryCodes(ctx, { commune: [input.nearCommune] });
  const commune = await ctx.loaders.territory.communeByCode.load(input.nearCommune);
  if (commune?.latitude == null || commune.longitude == null) {
    throw new UserInputError(
      ErrorCode.BAD_USER_INPUT,
      `La position de la commune ${commune?.name ?? input.nearCommune} n'est pas connue.`,
      {
        field: 'nearCommune',
      },
    );
  }
  return { latitude: commune.latitude, longitude: commune.longitude, radiusKm: input.radiusKm ?? DEFAULT_RADIUS_KM };
}

function effectiveSort(input: SearchInput, mode: TextMode, centre: Centre | null): StructureSort {
  const sort = input.sort ?? (mode !== 'none' ? StructureSort.RELEVANCE : centre ? StructureSort.DISTANCE : StructureSort.NAME);
  if (sort === StructureSort.DISTANCE && !centre) {
    throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Le tri par distance demande un point ou une commune.', { field: 'sort' });
  }
  return sort === StructureSort.RELEVANCE && mode === 'none' ? StructureSort.NAME : sort;
}

/** What the client selected besides the page: the search computes nothing else. */
export interface SearchWants {
  totalCount: boolean;
  facets: readonly FacetName[];
  /** Structure properties the selection does not read (large texts), left out of the page. */
  without?: ReadonlySet<string>;
}

export const WANT_EVERYTHING: SearchWants = { totalCount: true, facets: FACETS };

/**
 * Directory search: full text (or typo-tolerant names), filters, radius, facets and map points.
 *
 * One SQL statement answers the page, the total, the requested facets and the existence of the
 * filter codes: the hit set is materialised once and every figure is read from it. A second
 * statement runs only when the words match nothing (typo-tolerant names), and one to locate
 * `nearCommune`.
 */
export async function searchStructures(
  ctx: Context,
  input: SearchInput,
  wants: SearchWants = WANT_EVERYTHING,
): Promise<StructureSearchResult> {
  const size = pageSize(input.first);
  assertFilterFormats(input);
  const after = decodeCursor(input.after, ['key', 'id', 'flag']);
  const centre = await resolveCentre(ctx, input);
  let mode: TextMode = !input.text?.trim() ? 'none' : after?.[2] === 1 ? 'fuzzy' : 'fts';
  const sort = effectiveSort(input, mode, centre);
  if (after && !CURSOR_KEY_FITS[sort](after[0])) throw invalidCursor();
  let run = await runSearch(ctx, { input, wants, mode, centre, sort, size, after });
  if (mode === 'fts' && !after && run.empty) {
    mode = 'fuzzy';
    run = await runSearch(ctx, { input, wants, mode, centre, sort, size, after });
  }
  const { rows, total, facets } = run;
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((r) => {
    const node = hydrate(ctx.ds, Structure, r);
    const chord = r.__d as number | null;
    return {
      cursor: encodeCursor([r.__k as string | number, node.id, mode === 'fuzzy' ? 1 : 0]),
      node,
      distanceKm: chord == null ? null : Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2)) * 100) / 100,
    };
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    fuzzy: mode === 'fuzzy',
    totalCount: total ?? 0,
    facets: facets ?? emptyFacets(),
    loadMapPoints: (limit: number) => mapPoints(ctx, input, mode, centre, limit),
  };
}

interface SearchRun {
  input: SearchInput;
  wants: SearchWants;
  mode: TextMode;
  centre: Centre | null;
  sort: StructureSort;
  size: number;
  after: unknown[] | null;
}

/** Cursor condition and ORDER BY of each sort, on a relation with columns id, k (sort key), d. */
const ORDER: Record<StructureSort, { order: string; next: (k: string, id: string) => string }> = {
  [StructureSort.RELEVANCE]: {
    order: 'k DESC, id',
    next: (k, id) => `(k < ${k}::real OR (k = ${k}::real AND id > ${id}::bigint))`,
  },
  [StructureSort.DISTANCE]: {
    order: 'k, id',
    next: (k, id) => `(k > ${k}::float8 OR (k = ${k}::float8 AND id > ${id}::bigint))`,
  },
  [StructureSort.RECENT]: { order: 'k DESC, id DESC', next: (k, id) => `(k, id) < (${k}::text, ${id}::bigint)` },
  [StructureSort.NAME]: { order: 'k, id', next: (k, id) => `(k, id) > (${k}::text, ${id}::bigint)` },
};

/**
 * Whether the first part of a cursor is a sort key of this sort (a cursor of another sort, or a
 * forged one, would reach PostgreSQL as a real, a timestamp or a text it cannot take).
 */
const REAL_MAX = 3.4e38;
const CURSOR_KEY_FITS: Record<StructureSort, (k: unknown) => boolean> = {
  [StructureSort.RELEVANCE]: (k) => typeof k === 'number' && Math.abs(k) <= REAL_MAX,
  [StructureSort.DISTANCE]: (k) => typeof k === 'number' && k >= 0,
  [StructureSort.RECENT]: (k) =>
    typeof k === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(k) && !Number.isNaN(Date.parse(k)),
  [StructureSort.NAME]: (k) => typeof k === 'string',
};

/** Sort key of a structure row `t` (a stable text for RECENT: it is also the cursor). */
function sortKeySql(sort: StructureSort, dist: string): string {
  switch (sort) {
    case StructureSort.DISTANCE:
      return dist;
    case StructureSort.RECENT:
      return `to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case StructureSort.NAME:
      return 't.search_name';
    default:
      return 'NULL::real';
  }
}

/** Columns of the hit set needed by each facet. */
const FACET_COLUMNS: Record<FacetName, string> = {
  essFamily: 't.ess_family',
  workforceRange: 't.workforce_range',
  commune: 't.commune_code',
  epci: 't.commune_code',
  sector: 't.id',
  network: 't.id',
  acceptsInterns: 't.accepts_interns',
  seeksVolunteers: 't.seeks_volunteers',
};

async function runSearch(
  ctx: Context,
  run: SearchRun,
): Promise<{ rows: Record<string, unknown>[]; total: number | null; facets: StructureFacets | null; empty: boolean }> {
  const { input, wants, mode, centre, sort, size, after } = run;
  const b = build(input, mode, centre);
  const p = (v: unknown) => `$${b.params.push(v)}`;
  const active = FACETS.filter((f) => b.faceted[f]);
  const needAgg = wants.totalCount || wants.facets.length > 0 || (mode === 'fts' && !after && size === 0);
  const dist = b.distance ?? 'NULL::float8';
  const { order, next } = ORDER[sort];
  let cursorSql: string | null | undefined;
  const cursor = () => (cursorSql ??= after ? next(p(after[0]), p(after[1])) : null);
  const ctes: string[] = [];

  // The hit set, once: every filter but the faceted ones, each of which becomes a flag.
  if (needAgg) {
    const cols = new Set<string>(['t.id']);
    for (const f of wants.facets) cols.add(FACET_COLUMNS[f]);
    const keyCols = mode !== 'none' && size > 0 ? [`${sortKeySql(sort, dist)} AS k`, `${dist} AS d`] : [];
    const flags = active.map((f) => `(${b.faceted[f]}) AS "ok_${f}"`);
    ctes.push(
      `h AS MATERIALIZED (SELECT ${[...cols, ...keyCols, ...flags].join(', ')} FROM structure t WHERE ${b.where.join(' AND ')})`,
    );
  }
  const all = (except?: FacetName) =>
    active
      .filter((f) => f !== except)
      .map((f) => `"ok_${f}"`)
      .join(' AND ') || 'true';

  // The page: ranked among the first candidates for relevance (never the whole broad match set),
  // from the hit set when there is one and words bound it, else straight from the indexes.
  if (size > 0) {
    const fromHits = needAgg && mode !== 'none';
    const where = [...b.where, ...Object.values(b.faceted)];
    if (sort === StructureSort.RELEVANCE) {
      const candidates = fromHits
        ? `SELECT x.id, (${b.rank})::real AS k, x.d FROM (SELECT id, d FROM h WHERE ${all()} LIMIT ${RANK_CANDIDATES}) x
             JOIN structure t ON t.id = x.id`
        : `SELECT t.id, (${b.rank})::real AS k, ${dist} AS d FROM structure t WHERE ${where.join(' AND ')} LIMIT ${RANK_CANDIDATES}`;
      ctes.push(`c AS MATERIALIZED (${candidates})`);
      ctes.push(`pg AS (SELECT id, k, d FROM c ${cursor() ? `WHERE ${cursor()}` : ''} ORDER BY ${order} LIMIT ${p(size + 1)})`);
    } else if (fromHits) {
      ctes.push(
        `pg AS (SELECT id, k, d FROM h WHERE ${[all(), ...(cursor() ? [cursor()!] : [])].join(' AND ')} ORDER BY ${order} LIMIT ${p(size + 1)})`,
      );
    } else {
      // Straight from the indexes (name, creation date, or KNN on the location).
      const key = sortKeySql(sort, dist);
      const tOrder =
        sort === StructureSort.DISTANCE
          ? `${dist}, t.id`
          : sort === StructureSort.RECENT
            ? 't.created_at DESC, t.id DESC'
            : 't.search_name, t.id';
      const tCursor = !after
        ? null
        : sort === StructureSort.RECENT
          ? `(t.created_at, t.id) < (${p(after[0])}::timestamptz, ${p(after[1])}::bigint)`
          : sort === StructureSort.DISTANCE
            ? `(${dist} > ${p(after[0])}::float8 OR (${dist} = $${b.params.length}::float8 AND t.id > ${p(after[1])}::bigint))`
            : `(t.search_name, t.id) > (${p(after[0])}, ${p(after[1])}::bigint)`;
      ctes.push(
        `pg AS (SELECT t.id, ${key} AS k, ${dist} AS d FROM structure t WHERE ${[...where, ...(tCursor ? [tCursor] : [])].join(' AND ')}
          ORDER BY ${tOrder} LIMIT ${p(size + 1)})`,
      );
    }
  }

  // Figures of the whole hit set, and the filter codes that do not exist, in one row.
  const aggCols: string[] = [];
  const missing = missingFilterCodesSql(input, b.params);
  aggCols.push(
    missing ? `(SELECT m.kind || ':' || m.code FROM (${missing}) m(kind, code) LIMIT 1) AS "__bad"` : `NULL::text AS "__bad"`,
  );
  if (needAgg) {
    aggCols.push(`(SELECT count(*)::int FROM h WHERE ${all()}) AS "__total"`);
    const facetSql = wants.facets.map((f) => FACET_SQL[f](all(f)));
    aggCols.push(
      facetSql.length
        ? `(SELECT coalesce(json_agg(json_build_array(f.facet, f.value, f.label, f.n)), '[]') FROM (${facetSql.join(' UNION ALL ')}) f(facet, value, label, n)) AS "__facets"`
        : `NULL::json AS "__facets"`,
    );
  }
  ctes.push(`a AS (SELECT ${aggCols.join(', ')})`);
  const cols = columnsOf(ctx.ds, Structure, 't', wants.without);
  const sql =
    size > 0
      ? `WITH ${ctes.join(',\n')}
        SELECT x.*, a.* FROM a LEFT JOIN (SELECT ${cols}, pg.k AS "__k", pg.d AS "__d" FROM pg JOIN structure t ON t.id = pg.id) x ON true
        ORDER BY ${order.replace(/\bk\b/, 'x."__k"').replace(/\bid\b/, 'x.id')}`
      : `WITH ${ctes.join(',\n')} SELECT a.* FROM a`;
  const result: Record<string, unknown>[] = await ctx.ds.query(sql, b.params);
  const head = result[0] ?? {};
  if (head.__bad) {
    const text = String(head.__bad);
    const i = text.indexOf(':');
    throw unknownFilterCode(text.slice(0, i), text.slice(i + 1));
  }
  const rows = result.filter((r) => r.id != null);
  const total = needAgg ? (head.__total as number) : null;
  const facets = needAgg ? facetsOf(head.__facets as Array<[FacetName, string, string | null, number]> | null) : null;
  return { rows, total, facets, empty: total != null ? total === 0 : rows.length === 0 };
}

/** Per facet: the rows `(facet, value, label, n)` of the hits passing the other filters (`ok`). */
const FACET_SQL: Record<FacetName, (ok: string) => string> = {
  essFamily: (ok) =>
    `SELECT 'essFamily' AS facet, ess_family::text AS value, NULL::text AS label, count(*)::int AS n FROM h WHERE ${ok} GROUP BY 2`,
  workforceRange: (ok) =>
    `SELECT 'workforceRange', workforce_range::text, NULL, count(*)::int FROM h WHERE ${ok} AND workforce_range IS NOT NULL GROUP BY 2`,
  commune: (ok) => `SELECT 'commune', g.commune_code::text, c.name, g.n FROM (SELECT commune_code, count(*)::int AS n FROM h
      WHERE ${ok} AND commune_code IS NOT NULL GROUP BY 1) g JOIN commune c ON c.code = g.commune_code`,
  epci: (ok) => `SELECT 'epci', e.siren::text, e.name, sum(g.n)::int FROM (SELECT commune_code, count(*)::int AS n FROM h
      WHERE ${ok} AND commune_code IS NOT NULL GROUP BY 1) g JOIN commune c ON c.code = g.commune_code JOIN epci e ON e.siren = c.epci_siren
      GROUP BY 2, 3`,
  sector: (ok) => `SELECT 'sector', s.slug::text, s.name, g.n FROM (SELECT ss.sector_id, count(*)::int AS n FROM h
      JOIN structure_sector ss ON ss.structure_id = h.id WHERE ${ok} GROUP BY 1) g JOIN sector s ON s.id = g.sector_id`,
  network: (ok) => `SELECT 'network', n.slug::text, n.name, g.n FROM (SELECT m.network_id, count(*)::int AS n FROM h
      JOIN network_membership m ON m.structure_id = h.id WHERE ${ok} GROUP BY 1) g JOIN network n ON n.id = g.network_id`,
  acceptsInterns: (ok) => `SELECT 'acceptsInterns', 'true', NULL, count(*)::int FROM h WHERE ${ok} AND accepts_interns`,
  seeksVolunteers: (ok) => `SELECT 'seeksVolunteers', 'true', NULL, count(*)::int FROM h WHERE ${ok} AND seeks_volunteers`,
};

function emptyFacets(): StructureFacets {
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

function facetsOf(rows: Array<[FacetName, string, string | null, number]> | null): StructureFacets {
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

async function mapPoints(
  ctx: Context,
  input: SearchInput,
  mode: TextMode,
  centre: Centre | null,
  limit: number,
): Promise<MapPoint[]> {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAP_POINTS_MAX) {
    throw new UserInputError(ErrorCode.PAGE_SIZE_OUT_OF_RANGE, `« limit » doit être compris entre 0 et ${MAP_POINTS_MAX}.`, {
      field: 'limit',
    });
  }
  const b = build(input, mode, centre);
  const rows: Array<{ id: string; name: string; latitude: number; longitude: number; ess_family: EssFamily }> =
    await ctx.ds.query(
      `SELECT t.id::text, t.name, t.latitude, t.longitude, t.ess_family FROM structure t
     WHERE ${[...b.where, ...Object.values(b.faceted), 't.latitude IS NOT NULL'].join(' AND ')}
     ORDER BY t.id LIMIT $${b.params.push(limit)}`,
      b.params,
    );
  return rows.map((r) => ({
    id: toGlobalId('Structure', r.id),
    name: r.name,
    latitude: r.latitude,
    longitude: r.longitude,
    essFamily: r.ess_family,
  }));
}

/** Nearest published structures of each structure, one statement for all (KNN per row). */
export async function nearbyStructures(
  ctx: Context,
  ids: readonly string[],
  first: number,
  radiusKm: number,
  without?: ReadonlySet<string>,
): Promise<Map<string, NearbyStructure[]>> {
  // Through queryPrepared: fused with the other lists of the structure page (see common/db/rows).
  const rows = await queryPrepared(
    ctx.ds,
    `SELECT o.id::text AS __key, n.* FROM structure o
     CROSS JOIN LATERAL (
       SELECT ${columnsOf(ctx.ds, Structure, 't', without)}, ${kmOfChordSql('t.location <-> o.location')} AS "__km"
       FROM structure t
       WHERE t.status = 'PUBLISHED' AND t.id <> o.id AND t.location <-> o.location <= $3
       ORDER BY t.location <-> o.location, t.id LIMIT $2
     ) n
     WHERE o.id = ANY($1::bigint[]) AND o.location IS NOT NULL`,
    [ids, first, chordOfKm(radiusKm)],
    KEYED,
  );
  const out = new Map<string, NearbyStructure[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    out
      .get(String(r.__key))
      ?.push({ distanceKm: Math.round((r.__km as number) * 100) / 100, structure: hydrate(ctx.ds, Structure, r) });
  }
  return out;
}
