import type { DataSource } from 'typeorm';

/**
 * What the response cache needs to know of the database's relations (public schema), read from
 * PostgreSQL's catalogue: no list to maintain by hand.
 */
export interface RelationCatalogue {
  /** Plain tables. */
  tables: ReadonlySet<string>;
  /** Tables whose writes invalidate cached answers (they carry the `essor_note_table_write` trigger). */
  versioned: ReadonlySet<string>;
  /**
   * Names whose reads do not show the tables behind them in the SQL text: views, materialized
   * views, partitioned or inherited tables, foreign tables, and the functions of the schema that
   * may read tables (neither immutable nor a trigger nor part of an extension).
   */
  opaque: ReadonlySet<string>;
}

const CATALOGUE_SQL = `
  SELECT c.relname AS name,
    CASE WHEN c.relkind = 'r' AND NOT c.relhassubclass AND NOT c.relispartition THEN 'table' ELSE 'opaque' END AS kind,
    EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgfoid = to_regproc('essor_note_table_write')) AS versioned
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  UNION ALL
  SELECT p.proname, 'opaque', false
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.provolatile <> 'i' AND p.prorettype <> 'trigger'::regtype
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`;

export async function loadRelationCatalogue(ds: DataSource): Promise<RelationCatalogue> {
  const rows: Array<{ name: string; kind: 'table' | 'opaque'; versioned: boolean }> = await ds.query(CATALOGUE_SQL);
  return {
    tables: new Set(rows.filter((r) => r.kind === 'table').map((r) => r.name)),
    versioned: new Set(rows.filter((r) => r.kind === 'table' && r.versioned).map((r) => r.name)),
    opaque: new Set(rows.filter((r) => r.kind === 'opaque').map((r) => r.name)),
  };
}

/** The catalogue is read again after this long (a migration of another replica may add tables). */
const CATALOGUE_MAX_AGE_MS = 10 * 60_000;
const catalogues = new WeakMap<DataSource, { at: number; catalogue: Promise<RelationCatalogue> }>();

/** The catalogue of a data source, read once every few minutes (a failed read is tried again next time). */
export function relationCatalogueOf(ds: DataSource): Promise<RelationCatalogue> {
  const cached = catalogues.get(ds);
  if (cached && Date.now() - cached.at < CATALOGUE_MAX_AGE_MS) return cached.catalogue;
  const catalogue = loadRelationCatalogue(ds);
  catalogues.set(ds, { at: Date.now(), catalogue });
  catalogue.catch(() => catalogues.delete(ds));
  return catalogue;
}

/** Words of SQL text that can name a relation or a function (unquoted, or inside double quotes). */
const WORD = /[a-z_][a-z0-9_$]*/g;

/** Known words per statement text: the loaders' statements are few and fixed, searches repeat theirs. */
const MAX_MEMO = 2000;
const memo = new WeakMap<RelationCatalogue, Map<string, string[] | null>>();

/**
 * The tables one SQL statement reads or writes, or null when it cannot tell (it names a view, a
 * function that may read tables…: the caller then assumes every table).
 *
 * Hand-written rather than a SQL parser (none is a dependency, and none would see through views or
 * functions either): every word of the text is looked up among the relation names of the schema.
 * A statement cannot read a table without writing its name (`structure`, `s.structure`,
 * `public.structure`, `"structure"`), so no table it reads is missed; a word that merely equals a
 * table name (an alias, a column, a string) only adds a table, which costs an eviction, never a stale
 * answer. Names in other schemas are not looked up: public queries read the public schema only.
 * `response-cache.spec.ts` checks this against PostgreSQL's plans of every statement the public
 * operations run.
 */
export function tablesOfStatement(sql: string, catalogue: RelationCatalogue): string[] | null {
  let known = memo.get(catalogue);
  if (!known) memo.set(catalogue, (known = new Map()));
  const hit = known.get(sql);
  if (hit !== undefined) return hit;
  const found = new Set<string>();
  let tables: string[] | null = null;
  let opaque = false;
  for (const [word] of sql.toLowerCase().matchAll(WORD)) {
    if (catalogue.opaque.has(word)) {
      opaque = true;
      break;
    }
    if (catalogue.tables.has(word)) found.add(word);
  }
  if (!opaque) tables = [...found].sort();
  if (known.size >= MAX_MEMO) known.clear();
  known.set(sql, tables);
  return tables;
}

/** The tables a list of statements read (sorted), or null when one of them cannot tell. */
export function tablesOfStatements(statements: readonly string[], catalogue: RelationCatalogue): string[] | null {
  const all = new Set<string>();
  for (const sql of statements) {
    const tables = tablesOfStatement(sql, catalogue);
    if (!tables) return null;
    for (const t of tables) all.add(t);
  }
  return [...all].sort();
}
