import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { queryPrepared } from '../../common/reads';
import { ErrorCode, UserInputError } from '../../common/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { Commune } from './commune.entity';
import { Departement } from './departement.entity';
import { Epci } from './epci.entity';
import { Region } from './region.entity';

const FORMATS = {
  commune: /^[0-9][0-9AB][0-9]{3}$/,
  epci: /^[0-9]{9}$/,
  departement: /^([0-9]{2}|2A|2B|97[1-6])$/,
  region: /^[0-9]{2}$/,
} as const;

const LABELS = { commune: 'commune', epci: 'EPCI', departement: 'département', region: 'région' } as const;
const TABLES = {
  commune: 'commune WHERE code',
  epci: 'epci WHERE siren',
  departement: 'departement WHERE code',
  region: 'region WHERE code',
} as const;

export type TerritoryCodes = Partial<Record<keyof typeof FORMATS, readonly string[] | null | undefined>>;

/** Throws UNKNOWN_TERRITORY_CODE when a code has not the format of its kind (no SQL). */
export function assertTerritoryCodeFormats(codes: TerritoryCodes): void {
  for (const kind of Object.keys(FORMATS) as Array<keyof typeof FORMATS>) {
    const bad = codes[kind]?.find((c) => !FORMATS[kind].test(c));
    if (bad !== undefined) throw unknown(kind, bad);
  }
}

/**
 * SQL rows `(kind, code)` of the codes that do not exist, pushing their parameters; null when
 * there is no code to check. Lets a query check its own filter codes in the same statement.
 */
export function missingTerritoryCodesSql(codes: TerritoryCodes, params: unknown[]): string | null {
  const kinds = (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).filter((k) => codes[k]?.length);
  if (!kinds.length) return null;
  return kinds
    .map(
      (kind) =>
        `SELECT '${kind}' AS kind, c AS code FROM unnest($${params.push(codes[kind])}::text[]) c
         WHERE NOT EXISTS (SELECT 1 FROM ${TABLES[kind]} = c)`,
    )
    .join(' UNION ALL ');
}

/** The error of an unknown territory code (kind: commune, epci, departement, region). */
export function unknownTerritoryCode(kind: string, code: string): UserInputError {
  return unknown(kind as keyof typeof FORMATS, code);
}

/**
 * Checks territory codes, by format then existence, in one statement.
 * Throws UNKNOWN_TERRITORY_CODE naming the first unknown code.
 */
export async function assertTerritoryCodes(ctx: Context, codes: TerritoryCodes): Promise<void> {
  assertTerritoryCodeFormats(codes);
  const params: unknown[] = [];
  const sql = missingTerritoryCodesSql(codes, params);
  if (!sql) return;
  const missing = (await queryPrepared(ctx.ds, `${sql} LIMIT 1`, params)) as Array<{ kind: keyof typeof FORMATS; code: string }>;
  if (missing.length) throw unknown(missing[0].kind, missing[0].code);
}

function unknown(kind: keyof typeof FORMATS, code: string) {
  return new UserInputError(ErrorCode.UNKNOWN_TERRITORY_CODE, `Code ${LABELS[kind]} inconnu : « ${code.slice(0, 20)} ».`, {
    field: kind,
    value: code.slice(0, 20),
  });
}

export interface CommuneFilter {
  epci?: string[] | null;
  departement?: string[] | null;
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

export async function listCommunes(ctx: Context, f: CommuneFilter): Promise<Connection<Commune>> {
  const size = pageSize(f.first);
  await assertTerritoryCodes(ctx, { epci: f.epci, departement: f.departement });
  const after = decodeCursor(f.after, ['text']);
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.epci?.length) where.push(`t.epci_siren = ANY(${p(f.epci)}::text[])`);
  if (f.departement?.length) where.push(`t.departement_code = ANY(${p(f.departement)}::text[])`);
  for (const word of searchWords(f.search)) {
    where.push(`lower(essor_unaccent(t.name)) LIKE '%' || lower(essor_unaccent(${p(word)})) || '%'`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];
  const keyset = after ? `${where.length ? 'AND' : 'WHERE'} t.code > ${p(after[0])}` : '';
  const rows = await queryEntities(
    ctx.ds,
    Commune,
    `SELECT t.* FROM commune t ${filter} ${keyset} ORDER BY t.code LIMIT ${p(size + 1)}`,
    params,
  );
  return toConnection(
    rows,
    size,
    after,
    (c) => [c.code],
    async () => {
      const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM commune t ${filter}`, countParams);
      return n;
    },
  );
}

export async function listEpcis(
  ctx: Context,
  f: { departement?: string[] | null; first?: number | null; after?: string | null },
) {
  const size = pageSize(f.first);
  await assertTerritoryCodes(ctx, { departement: f.departement });
  const after = decodeCursor(f.after, ['text']);
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.departement?.length) {
    where.push(
      `EXISTS (SELECT 1 FROM commune c WHERE c.epci_siren = t.siren AND c.departement_code = ANY(${p(f.departement)}::text[]))`,
    );
  }
  const filter = (w: string[]) => (w.length ? `WHERE ${w.join(' AND ')}` : '');
  const countSql = `SELECT count(*)::int AS n FROM epci t ${filter(where)}`;
  const countParams = [...params];
  const keyset = after ? [...where, `t.siren > ${p(after[0])}`] : where;
  const rows = await queryEntities(
    ctx.ds,
    Epci,
    `SELECT t.* FROM epci t ${filter(keyset)} ORDER BY t.siren LIMIT ${p(size + 1)}`,
    params,
  );
  return toConnection(
    rows,
    size,
    after,
    (e) => [e.siren],
    async () => {
      const [{ n }] = await ctx.ds.query(countSql, countParams);
      return n;
    },
  );
}

export async function listDepartements(ctx: Context, region?: string | null): Promise<Departement[]> {
  if (region) await assertTerritoryCodes(ctx, { region: [region] });
  return queryEntities(
    ctx.ds,
    Departement,
    `SELECT t.* FROM departement t ${region ? 'WHERE t.region_code = $1' : ''} ORDER BY t.code`,
    region ? [region] : [],
  );
}

export async function listRegions(ctx: Context): Promise<Region[]> {
  return queryEntities(ctx.ds, Region, 'SELECT t.* FROM region t ORDER BY t.code');
}

/** Words of a name search, LIKE wildcards escaped (at most 8 words). */
export function searchWords(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => w.replace(/[\\%_]/g, (m) => `\\${m}`));
}
