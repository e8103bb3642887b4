import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/db/rows';
import { ErrorCode, UserInputError } from '../../common/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination/connection';
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
import { assertFilterCodes, FACETS, filterConditions, type FacetName, type StructureFilter } from './structure.service';
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
export const MAP_POINTS_MAX = 5000;
/** ts_rank_cd weights for D, C, B, A: name (A) first, then services (B), then description (C). */
const RANK_WEIGHTS = `'{0.05, 0.2, 0.5, 1.0}'`;

type TextMode = 'none' | 'fts' | 'fuzzy';
interface Centre {
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
    distance = `(t.location <-> ${c})`;
  }
  return { params, where, faceted, rank, distance };
}

async function textMode(ctx: Context, text: string | null | undefined): Promise<TextMode> {
  if (!text?.trim()) return 'none';
  const [{ found }] = await ctx.ds.query(
    `SELECT EXISTS (SELECT 1 FROM structure t WHERE t.status = 'PUBLISHED' AND t.search_vector @@ ${tsquery('$1')}) AS found`,
    [text],
  );
  return found ? 'fts' : 'fuzzy';
}

async function resolveCentre(ctx: Context, input: SearchInput): Promise<Centre | null> {
  if (input.near && input.nearCommune) {
    throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Choisissez soit un point, soit une commune, pas les deux.', {
      field: 'near',
    });
  }
  if (input.near) {
    return { latitude: input.near.latitude, longitude: input.near.longitude, radiusKm: input.near.radiusKm ?? DEFAULT_RADIUS_KM };
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

/** Directory search: full text (or typo-tolerant names), filters, radius, facets and map points. */
export async function searchStructures(ctx: Context, input: SearchInput): Promise<StructureSearchResult> {
  const size = pageSize(input.first);
  await assertFilterCodes(ctx, input);
  const centre = await resolveCentre(ctx, input);
  const mode = await textMode(ctx, input.text);
  const sort = effectiveSort(input, mode, centre);
  const after = decodeCursor(input.after, 2);

  const b = build(input, mode, centre);
  const p = (v: unknown) => `$${b.params.push(v)}`;
  const where = [...b.where, ...Object.values(b.faceted)];
  const cols = columnsOf(ctx.ds, Structure, 't');
  const dist = b.distance ?? 'NULL::float8';
  let sql: string;
  switch (sort) {
    case StructureSort.RELEVANCE: {
      const afterSql = after
        ? `WHERE (c.k < ${p(after[0])}::real OR (c.k = $${b.params.length}::real AND t.id > ${p(after[1])}::bigint))`
        : '';
      sql = `WITH c AS MATERIALIZED (
          SELECT t.id, (${b.rank})::real AS k FROM structure t WHERE ${where.join(' AND ')} LIMIT ${RANK_CANDIDATES})
        SELECT ${cols}, c.k AS "__k", ${dist} AS "__d" FROM c JOIN structure t ON t.id = c.id ${afterSql}
        ORDER BY c.k DESC, t.id LIMIT ${p(size + 1)}`;
      break;
    }
    case StructureSort.DISTANCE: {
      if (after)
        where.push(
          `(${dist} > ${p(after[0])}::float8 OR (${dist} = $${b.params.length}::float8 AND t.id > ${p(after[1])}::bigint))`,
        );
      sql = `SELECT ${cols}, ${dist} AS "__k", ${dist} AS "__d" FROM structure t WHERE ${where.join(' AND ')}
        ORDER BY ${dist}, t.id LIMIT ${p(size + 1)}`;
      break;
    }
    case StructureSort.RECENT: {
      if (after) where.push(`(t.created_at, t.id) < (${p(after[0])}::timestamptz, ${p(after[1])}::bigint)`);
      sql = `SELECT ${cols}, to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "__k", ${dist} AS "__d"
        FROM structure t WHERE ${where.join(' AND ')} ORDER BY t.created_at DESC, t.id DESC LIMIT ${p(size + 1)}`;
      break;
    }
    default: {
      if (after) where.push(`(t.search_name, t.id) > (${p(after[0])}, ${p(after[1])}::bigint)`);
      sql = `SELECT ${cols}, t.search_name AS "__k", ${dist} AS "__d" FROM structure t WHERE ${where.join(' AND ')}
        ORDER BY t.search_name, t.id LIMIT ${p(size + 1)}`;
    }
  }
  const rows: Record<string, unknown>[] = await ctx.ds.query(sql, b.params);
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((r) => {
    const node = hydrate(ctx.ds, Structure, r);
    const chord = r.__d as number | null;
    return {
      cursor: encodeCursor([r.__k as string | number, node.id]),
      node,
      distanceKm: chord == null ? null : Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2)) * 100) / 100,
    };
  });

  let count: Promise<number> | undefined;
  let facets: Promise<StructureFacets> | undefined;
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
    get totalCount() {
      return (count ??= countHits(ctx, input, mode, centre)) as unknown as number;
    },
    get facets() {
      return (facets ??= facetCounts(ctx, input, mode, centre)) as unknown as StructureFacets;
    },
    loadMapPoints: (limit: number) => mapPoints(ctx, input, mode, centre, limit),
  };
}

async function countHits(ctx: Context, input: SearchInput, mode: TextMode, centre: Centre | null): Promise<number> {
  const b = build(input, mode, centre);
  const [{ n }] = await ctx.ds.query(
    `SELECT count(*)::int AS n FROM structure t WHERE ${[...b.where, ...Object.values(b.faceted)].join(' AND ')}`,
    b.params,
  );
  return n;
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

/**
 * All facets in one statement: the hits of the common conditions, each row flagged by
 * every faceted filter; a facet counts the rows that pass all the other filters.
 */
async function facetCounts(ctx: Context, input: SearchInput, mode: TextMode, centre: Centre | null): Promise<StructureFacets> {
  const b = build(input, mode, centre);
  const flags = FACETS.map((f) => `(${b.faceted[f] ?? 'true'}) AS "ok_${f}"`).join(', ');
  const others = (f: FacetName) =>
    FACETS.filter((o) => o !== f)
      .map((o) => `h."ok_${o}"`)
      .join(' AND ');
  const sql = `WITH h AS MATERIALIZED (
      SELECT t.id, t.ess_family, t.commune_code, c.epci_siren, t.workforce_range, t.accepts_interns, t.seeks_volunteers, ${flags}
      FROM structure t LEFT JOIN commune c ON c.code = t.commune_code
      WHERE ${b.where.join(' AND ')})
    SELECT 'essFamily' AS facet, h.ess_family AS value, NULL AS label, count(*)::int AS n FROM h WHERE ${others('essFamily')} GROUP BY 2
    UNION ALL
    SELECT 'workforceRange', h.workforce_range, NULL, count(*)::int FROM h WHERE ${others('workforceRange')} AND h.workforce_range IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'commune', h.commune_code, c.name, count(*)::int FROM h JOIN commune c ON c.code = h.commune_code WHERE ${others('commune')} GROUP BY 2, 3
    UNION ALL
    SELECT 'epci', h.epci_siren, e.name, count(*)::int FROM h JOIN epci e ON e.siren = h.epci_siren WHERE ${others('epci')} GROUP BY 2, 3
    UNION ALL
    SELECT 'sector', s.slug, s.name, count(*)::int FROM h JOIN structure_sector ss ON ss.structure_id = h.id
      JOIN sector s ON s.id = ss.sector_id WHERE ${others('sector')} GROUP BY 2, 3
    UNION ALL
    SELECT 'network', n.slug, n.name, count(*)::int FROM h JOIN network_membership m ON m.structure_id = h.id
      JOIN network n ON n.id = m.network_id WHERE ${others('network')} GROUP BY 2, 3
    UNION ALL
    SELECT 'acceptsInterns', 'true', NULL, count(*)::int FROM h WHERE ${others('acceptsInterns')} AND h.accepts_interns
    UNION ALL
    SELECT 'seeksVolunteers', 'true', NULL, count(*)::int FROM h WHERE ${others('seeksVolunteers')} AND h.seeks_volunteers`;
  const rows: Array<{ facet: FacetName; value: string; label: string | null; n: number }> = await ctx.ds.query(sql, b.params);
  const out: StructureFacets = {
    essFamily: [],
    sector: [],
    network: [],
    epci: [],
    commune: [],
    workforceRange: [],
    acceptsInterns: 0,
    seeksVolunteers: 0,
  };
  for (const r of rows) {
    if (r.facet === 'acceptsInterns' || r.facet === 'seeksVolunteers') {
      out[r.facet] = r.n;
      continue;
    }
    const label =
      r.facet === 'essFamily'
        ? ESS_FAMILY_LABELS[r.value as EssFamily]
        : r.facet === 'workforceRange'
          ? (WORKFORCE_RANGE_LABELS[r.value] ?? r.value)
          : (r.label ?? r.value);
    (out[r.facet] as FacetValue[]).push({ value: r.value, label, count: r.n });
  }
  for (const f of FACETS) {
    const list = out[f];
    if (Array.isArray(list)) list.sort((a, b2) => b2.count - a.count || a.label.localeCompare(b2.label, 'fr'));
  }
  return out;
}

/** Nearest published structures of each structure, one statement for all (KNN per row). */
export async function nearbyStructures(
  ctx: Context,
  ids: readonly string[],
  first: number,
  radiusKm: number,
): Promise<Map<string, NearbyStructure[]>> {
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT o.id::text AS __key, n.* FROM structure o
     CROSS JOIN LATERAL (
       SELECT ${columnsOf(ctx.ds, Structure, 't')}, ${kmOfChordSql('t.location <-> o.location')} AS "__km"
       FROM structure t
       WHERE t.status = 'PUBLISHED' AND t.id <> o.id AND t.location <-> o.location <= $3
       ORDER BY t.location <-> o.location, t.id LIMIT $2
     ) n
     WHERE o.id = ANY($1::bigint[]) AND o.location IS NOT NULL`,
    [ids, first, chordOfKm(radiusKm)],
  );
  const out = new Map<string, NearbyStructure[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    out
      .get(String(r.__key))
      ?.push({ distanceKm: Math.round((r.__km as number) * 100) / 100, structure: hydrate(ctx.ds, Structure, r) });
  }
  return out;
}
