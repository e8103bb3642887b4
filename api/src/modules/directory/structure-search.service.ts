import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/reads';
import { decodeCursor, encodeCursor, invalidCursor, pageSize } from '../../common/pagination/connection';
import { toGlobalId } from '../../common/relay/global-id';
import { and, queryRows, sql, type Sql } from '../../common/sql/sql';
import { assertTerritoryCodes } from '../territory/territory.service';
import type { EssFamily } from '../structure/ess-family';
import { Structure } from '../structure/structure.entity';
import { directoryErrors } from './directory.errors';
import { kmOfChord } from './geo';
import { emptyFacets, FACET_SQL, facetsOf, type FacetRow } from './search-facets';
import {
  build,
  CURSOR_KEY_FITS,
  FACET_COLUMNS,
  flagsBut,
  ORDER,
  RANK_CANDIDATES,
  sortKeySql,
  type Centre,
  type TextMode,
} from './search-sql';
import {
  assertFilterFormats,
  FACETS,
  missingFilterCodes,
  unknownFilterCode,
  type FacetName,
  type StructureFilter,
} from './structure-filter';
import {
  DEFAULT_RADIUS_KM,
  type MapPoint,
  type StructureFacets,
  type StructureSearchResult,
  StructureSort,
} from './structure-search.types';

export interface SearchInput {
  filter?: StructureFilter | null;
  text?: string | null;
  near?: { latitude: number; longitude: number; radiusKm?: number | null } | null;
  nearCommune?: string | null;
  radiusKm?: number | null;
  sort?: StructureSort | null;
  first?: number | null;
  after?: string | null;
}

export const MAP_POINTS_DEFAULT = 2000;
export const MAP_POINTS_MAX = 5000;

/**
 * A coordinate to 1e-7 degree (about 1 cm): a subnormal such as 5e-324, within the bounds, would
 * underflow in PostgreSQL's float8 arithmetic.
 */
const microdegrees = (v: number) => Math.round(v * 1e7) / 1e7;

async function resolveCentre(ctx: Context, input: SearchInput): Promise<Centre | null> {
  if (input.near && input.nearCommune) throw directoryErrors.pointAndCommune({ field: 'near' });
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
    throw directoryErrors.communeWithoutPosition({ name: commune?.name ?? input.nearCommune }, { field: 'nearCommune' });
  }
  return { latitude: commune.latitude, longitude: commune.longitude, radiusKm: input.radiusKm ?? DEFAULT_RADIUS_KM };
}

function effectiveSort(input: SearchInput, mode: TextMode, centre: Centre | null): StructureSort {
  const sort = input.sort ?? (mode !== 'none' ? StructureSort.RELEVANCE : centre ? StructureSort.DISTANCE : StructureSort.NAME);
  if (sort === StructureSort.DISTANCE && !centre) throw directoryErrors.distanceWithoutCentre({ field: 'sort' });
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
  const filter = input.filter ?? {};
  const size = pageSize(input.first);
  assertFilterFormats(filter);
  const after = decodeCursor(input.after, ['key', 'id', 'flag']);
  const centre = await resolveCentre(ctx, input);
  let mode: TextMode = !input.text?.trim() ? 'none' : after?.[2] === 1 ? 'fuzzy' : 'fts';
  const sort = effectiveSort(input, mode, centre);
  if (after && !CURSOR_KEY_FITS[sort](after[0])) throw invalidCursor();
  let run = await runSearch(ctx, { filter, text: input.text, wants, mode, centre, sort, size, after });
  if (mode === 'fts' && !after && run.empty) {
    mode = 'fuzzy';
    run = await runSearch(ctx, { filter, text: input.text, wants, mode, centre, sort, size, after });
  }
  const { rows, total, facets } = run;
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((r) => {
    const node = hydrate(ctx.ds, Structure, r);
    return {
      cursor: encodeCursor([r.__k as string | number, node.id, mode === 'fuzzy' ? 1 : 0]),
      node,
      distanceKm: r.__d == null ? null : kmOfChord(r.__d),
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
    loadMapPoints: (limit: number) => mapPoints(ctx, filter, input.text, mode, centre, limit),
  };
}

interface SearchRun {
  filter: StructureFilter;
  text: string | null | undefined;
  wants: SearchWants;
  mode: TextMode;
  centre: Centre | null;
  sort: StructureSort;
  size: number;
  after: unknown[] | null;
}

/** A row of the search statement: a structure of the page (or none), and the figures of the whole hit set. */
interface SearchRow extends Record<string, unknown> {
  id: string | null;
  __k: string | number | null;
  __d: number | null;
  __bad: string | null;
  __total?: number;
  __facets?: FacetRow[] | null;
}

async function runSearch(
  ctx: Context,
  run: SearchRun,
): Promise<{ rows: SearchRow[]; total: number | null; facets: StructureFacets | null; empty: boolean }> {
  const { filter, text, wants, mode, centre, sort, size, after } = run;
  const b = build(filter, text, mode, centre);
  const active = FACETS.filter((f) => b.faceted[f]);
  const needAgg = wants.totalCount || wants.facets.length > 0 || (mode === 'fts' && !after && size === 0);
  const dist = b.distance ?? sql`NULL::float8`;
  const { order, next } = ORDER[sort];
  const cursor = after ? next(after[0], after[1]) : null;
  const ctes: Sql[] = [];

  // The hit set, once: every filter but the faceted ones, each of which becomes a flag.
  if (needAgg) {
    const cols = new Set<string>(['t.id']);
    for (const f of wants.facets) cols.add(FACET_COLUMNS[f]);
    const keyCols = mode !== 'none' && size > 0 ? [sql`${sortKeySql(sort, dist)} AS k`, sql`${dist} AS d`] : [];
    const flags = active.map((f) => sql`(${b.faceted[f]!}) AS ${sql.raw(`"ok_${f}"`)}`);
    ctes.push(
      sql`h AS MATERIALIZED (SELECT ${sql.join([...[...cols].map((c) => sql.raw(c)), ...keyCols, ...flags])} FROM structure t WHERE ${sql.join(b.where, sql` AND `)})`,
    );
  }
  const all = (except?: FacetName) => flagsBut(active, except);

  // The page: ranked among the first candidates for relevance (never the whole broad match set),
  // from the hit set when there is one and words bound it, else straight from the indexes.
  if (size > 0) {
    const fromHits = needAgg && mode !== 'none';
    const where = [...b.where, ...Object.values(b.faceted)];
    const orderSql = sql.raw(order);
    if (sort === StructureSort.RELEVANCE) {
      const candidates = fromHits
        ? sql`SELECT x.id, (${b.rank!})::real AS k, x.d FROM (SELECT id, d FROM h WHERE ${all()} LIMIT ${sql.raw(String(RANK_CANDIDATES))}) x
             JOIN structure t ON t.id = x.id`
        : sql`SELECT t.id, (${b.rank!})::real AS k, ${dist} AS d FROM structure t WHERE ${sql.join(where, sql` AND `)} LIMIT ${sql.raw(String(RANK_CANDIDATES))}`;
      ctes.push(sql`c AS MATERIALIZED (${candidates})`);
      ctes.push(
        sql`pg AS (SELECT id, k, d FROM c ${cursor ? sql`WHERE ${cursor}` : sql``} ORDER BY ${orderSql} LIMIT ${size + 1})`,
      );
    } else if (fromHits) {
      ctes.push(
        sql`pg AS (SELECT id, k, d FROM h WHERE ${sql.join([all(), ...(cursor ? [cursor] : [])], sql` AND `)} ORDER BY ${orderSql} LIMIT ${size + 1})`,
      );
    } else {
      // Straight from the indexes (name, creation date, or KNN on the location).
      const key = sortKeySql(sort, dist);
      const tOrder =
        sort === StructureSort.DISTANCE
          ? sql`${dist}, t.id`
          : sort === StructureSort.RECENT
            ? sql`t.created_at DESC, t.id DESC`
            : sql`t.search_name, t.id`;
      const tCursor = !after
        ? null
        : sort === StructureSort.RECENT
          ? sql`(t.created_at, t.id) < (${after[0]}::timestamptz, ${after[1]}::bigint)`
          : sort === StructureSort.DISTANCE
            ? sql`(${dist} > ${after[0]}::float8 OR (${dist} = ${after[0]}::float8 AND t.id > ${after[1]}::bigint))`
            : sql`(t.search_name, t.id) > (${after[0]}, ${after[1]}::bigint)`;
      ctes.push(
        sql`pg AS (SELECT t.id, ${key} AS k, ${dist} AS d FROM structure t WHERE ${sql.join([...where, ...(tCursor ? [tCursor] : [])], sql` AND `)}
          ORDER BY ${tOrder} LIMIT ${size + 1})`,
      );
    }
  }

  // Figures of the whole hit set, and the filter codes that do not exist, in one row.
  const aggCols: Sql[] = [];
  const missing = missingFilterCodes(filter);
  aggCols.push(
    missing
      ? sql`(SELECT m.kind || ':' || m.code FROM (${missing}) m(kind, code) LIMIT 1) AS "__bad"`
      : sql`NULL::text AS "__bad"`,
  );
  if (needAgg) {
    aggCols.push(sql`(SELECT count(*)::int FROM h WHERE ${all()}) AS "__total"`);
    const facetSql = wants.facets.map((f) => FACET_SQL[f](all(f)));
    aggCols.push(
      facetSql.length
        ? sql`(SELECT coalesce(json_agg(json_build_array(f.facet, f.value, f.label, f.n)), '[]') FROM (${sql.join(facetSql, sql` UNION ALL `)}) f(facet, value, label, n)) AS "__facets"`
        : sql`NULL::json AS "__facets"`,
    );
  }
  ctes.push(sql`a AS (SELECT ${sql.join(aggCols)})`);
  const cols = sql.raw(columnsOf(ctx.ds, Structure, 't', wants.without));
  const withCtes = sql.join(ctes, sql`,\n`);
  const statement =
    size > 0
      ? sql<SearchRow>`WITH ${withCtes}
        SELECT x.*, a.* FROM a LEFT JOIN (SELECT ${cols}, pg.k AS "__k", pg.d AS "__d" FROM pg JOIN structure t ON t.id = pg.id) x ON true
        ORDER BY ${sql.raw(order.replace(/\bk\b/, 'x."__k"').replace(/\bid\b/, 'x.id'))}`
      : sql<SearchRow>`WITH ${withCtes} SELECT a.* FROM a`;
  const result = await queryRows(ctx.ds, statement);
  const head: Partial<SearchRow> = result[0] ?? {};
  if (head.__bad) {
    const i = head.__bad.indexOf(':');
    throw unknownFilterCode(head.__bad.slice(0, i), head.__bad.slice(i + 1));
  }
  const rows = result.filter((r) => r.id != null);
  const total = needAgg ? head.__total! : null;
  const facets = needAgg ? facetsOf(head.__facets ?? null) : null;
  return { rows, total, facets, empty: total != null ? total === 0 : rows.length === 0 };
}

interface MapPointRow {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  ess_family: EssFamily;
}

async function mapPoints(
  ctx: Context,
  filter: StructureFilter,
  text: string | null | undefined,
  mode: TextMode,
  centre: Centre | null,
  limit: number,
): Promise<MapPoint[]> {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAP_POINTS_MAX) {
    throw directoryErrors.mapLimitOutOfRange({ max: MAP_POINTS_MAX }, { field: 'limit' });
  }
  const b = build(filter, text, mode, centre);
  const rows = await queryRows(
    ctx.ds,
    sql<MapPointRow>`SELECT t.id::text, t.name, t.latitude, t.longitude, t.ess_family FROM structure t
     WHERE ${and([...b.where, ...Object.values(b.faceted), sql`t.latitude IS NOT NULL`])}
     ORDER BY t.id LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    id: toGlobalId('Structure', r.id),
    name: r.name,
    latitude: r.latitude,
    longitude: r.longitude,
    essFamily: r.ess_family,
  }));
}
