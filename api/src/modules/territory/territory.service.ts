import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { queryPrepared } from '../../common/reads';
import type { DomainError } from '../../common/domain-error';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { compile, queryRow, sql, whereOf, type Sql } from '../../common/sql/sql';
import { Commune } from './commune.entity';
import { Departement } from './departement.entity';
import { Epci } from './epci.entity';
import { Region } from './region.entity';
import { territoryErrors } from './territory.errors';

const FORMATS = {
  commune: /^[0-9][0-9AB][0-9]{3}$/,
  epci: /^[0-9]{9}$/,
  departement: /^([0-9]{2}|2A|2B|97[1-6])$/,
  region: /^[0-9]{2}$/,
} as const;

const LABELS = { commune: 'commune', epci: 'EPCI', departement: 'département', region: 'région' } as const;
const TABLES = {
  commune: sql`commune WHERE code`,
  epci: sql`epci WHERE siren`,
  departement: sql`departement WHERE code`,
  region: sql`region WHERE code`,
} as const;

export type TerritoryCodes = Partial<Record<keyof typeof FORMATS, readonly string[] | null | undefined>>;

/** Throws UNKNOWN_TERRITORY_CODE when a code has not the format of its kind (no SQL). */
export function assertTerritoryCodeFormats(codes: TerritoryCodes): void {
  for (const kind of Object.keys(FORMATS) as Array<keyof typeof FORMATS>) {
    const bad = codes[kind]?.find((c) => !FORMATS[kind].test(c));
    if (bad !== undefined) throw unknown(kind, bad);
  }
}

/** A row `(kind, code)` of a code that does not exist. */
export interface MissingTerritoryCode {
  kind: keyof typeof FORMATS;
  code: string;
}

/**
 * SQL rows `(kind, code)` of the codes that do not exist; null when there is no code to check.
 * Lets a query check its own filter codes in the same statement.
 */
export function missingTerritoryCodes(codes: TerritoryCodes): Sql<MissingTerritoryCode> | null {
  const kinds = (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).filter((k) => codes[k]?.length);
  if (!kinds.length) return null;
  return sql<MissingTerritoryCode>`${sql.join(
    kinds.map(
      (kind) =>
        sql`SELECT ${sql.lit(kind)} AS kind, c AS code FROM unnest(${codes[kind]}::text[]) c
         WHERE NOT EXISTS (SELECT 1 FROM ${TABLES[kind]} = c)`,
    ),
    sql` UNION ALL `,
  )}`;
}

/** The error of an unknown territory code (kind: commune, epci, departement, region). */
export function unknownTerritoryCode(kind: string, code: string): DomainError {
  return unknown(kind as keyof typeof FORMATS, code);
}

/**
 * Checks territory codes, by format then existence, in one statement.
 * Throws UNKNOWN_TERRITORY_CODE naming the first unknown code.
 */
export async function assertTerritoryCodes(ctx: Context, codes: TerritoryCodes): Promise<void> {
  assertTerritoryCodeFormats(codes);
  const missing = missingTerritoryCodes(codes);
  if (!missing) return;
  const { text, values } = compile(sql<MissingTerritoryCode>`${missing} LIMIT 1`);
  const [row] = (await queryPrepared(ctx.ds, text, values)) as unknown as MissingTerritoryCode[];
  if (row) throw unknown(row.kind, row.code);
}

function unknown(kind: keyof typeof FORMATS, code: string) {
  return territoryErrors.unknownCode({ label: LABELS[kind], code }, { field: kind, value: code.slice(0, 20) });
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
  const where: Sql[] = [];
  if (f.epci?.length) where.push(sql`t.epci_siren = ANY(${f.epci}::text[])`);
  if (f.departement?.length) where.push(sql`t.departement_code = ANY(${f.departement}::text[])`);
  for (const word of searchWords(f.search)) {
    where.push(sql`lower(essor_unaccent(t.name)) LIKE '%' || lower(essor_unaccent(${word})) || '%'`);
  }
  const keyset = after ? [...where, sql`t.code > ${after[0]}`] : where;
  const page = compile(sql`SELECT t.* FROM commune t ${whereOf(keyset)} ORDER BY t.code LIMIT ${size + 1}`);
  const rows = await queryEntities(ctx.ds, Commune, page.text, page.values);
  return toConnection(
    rows,
    size,
    after,
    (c) => [c.code],
    async () => (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM commune t ${whereOf(where)}`))!.n,
  );
}

export async function listEpcis(
  ctx: Context,
  f: { departement?: string[] | null; first?: number | null; after?: string | null },
) {
  const size = pageSize(f.first);
  await assertTerritoryCodes(ctx, { departement: f.departement });
  const after = decodeCursor(f.after, ['text']);
  const where: Sql[] = [];
  if (f.departement?.length) {
    where.push(
      sql`EXISTS (SELECT 1 FROM commune c WHERE c.epci_siren = t.siren AND c.departement_code = ANY(${f.departement}::text[]))`,
    );
  }
  const keyset = after ? [...where, sql`t.siren > ${after[0]}`] : where;
  const page = compile(sql`SELECT t.* FROM epci t ${whereOf(keyset)} ORDER BY t.siren LIMIT ${size + 1}`);
  const rows = await queryEntities(ctx.ds, Epci, page.text, page.values);
  return toConnection(
    rows,
    size,
    after,
    (e) => [e.siren],
    async () => (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM epci t ${whereOf(where)}`))!.n,
  );
}

export async function listDepartements(ctx: Context, region?: string | null): Promise<Departement[]> {
  if (region) await assertTerritoryCodes(ctx, { region: [region] });
  const { text, values } = compile(
    sql`SELECT t.* FROM departement t ${whereOf(region ? [sql`t.region_code = ${region}`] : [])} ORDER BY t.code`,
  );
  return queryEntities(ctx.ds, Departement, text, values);
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
