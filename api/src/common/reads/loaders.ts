import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { KEYED, keyedBy, queryPrepared } from './fused-reads';
import { columnsOf, hydrate } from './hydrate';

/**
 * The generic loaders: one keyed read per tick of each kind (`$1` the array of keys), through the
 * fused path (fused-reads.ts), rows hydrated into entities (hydrate.ts).
 */
const withoutKeys = new WeakMap<ReadonlySet<string>, string>();
/** A stable text for a set of left-out columns (computed once per set: it keys the loaders' caches). */
export function withoutKey(w: ReadonlySet<string> | undefined): string {
  if (!w?.size) return '';
  let key = withoutKeys.get(w);
  if (key === undefined) withoutKeys.set(w, (key = [...w].sort().join(',')));
  return key;
}

/**
 * Loaders of one kind, one per set of columns left out (`narrow.ts`), created on first
 * use; `for()` without a set is the loader of every column.
 */
export function perColumnSet<L>(create: (without?: ReadonlySet<string>) => L): (without?: ReadonlySet<string>) => L {
  const loaders = new Map<string, L>();
  return (without) => {
    const key = withoutKey(without);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = create(without?.size ? without : undefined)));
    return loader;
  };
}

/**
 * The keys of a loader's read, for `= ANY(${KEYS.bigint})`: a keyed read's keys are always its first
 * parameter (the key merging of fused-reads.ts unites reads by it), so that one number is written
 * here, once, and nowhere else. Any other value of a loader's SQL goes through `sql` (common/sql).
 */
export const KEYS = { bigint: '$1::bigint[]', text: '$1::text[]' } as const;

const LOADER_OPTIONS = { maxBatchSize: 1000 };
/** `WHERE key = ANY($1)` loader: one statement for all keys of a tick. */
export function keyLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: { table: string; key: string; keyType: 'bigint' | 'text'; where?: string },
  without?: ReadonlySet<string>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const raw = await queryPrepared(
      ds,
      `SELECT ${columnsOf(ds, entity, 't', without)} FROM ${opts.table} t
       WHERE t.${opts.key} = ANY(${KEYS[opts.keyType]})${opts.where ? ` AND ${opts.where}` : ''}`,
      [keys],
      keyedBy(opts.key),
    );
    // Rows of other requests' keys may come too (`mergeKeyed`): only those asked are hydrated.
    const byKey = new Map<string, T | null>(keys.map((k) => [k, null]));
    for (const r of raw) {
      const k = String(r[opts.key]).trim();
      if (byKey.has(k)) byKey.set(k, hydrate(ds, entity, r));
    }
    return keys.map((k) => byKey.get(k) ?? null);
  }, LOADER_OPTIONS);
}

/**
 * Loader of lists grouped by a key. `sql` selects the entity columns (alias `t`)
 * plus the grouping key as `__key`, with `$1` the array of keys; rows keep the SQL order.
 */
export function groupLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: (columns: string) => string,
  without?: ReadonlySet<string>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await queryPrepared(ds, sql(columnsOf(ds, entity, 't', without)), [keys], KEYED);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) groups.get(String(r.__key))?.push(hydrate(ds, entity, r));
    return keys.map((k) => groups.get(k)!);
  }, LOADER_OPTIONS);
}

/**
 * Loader of many-to-many lists (the sectors of structures, their networks): the same child belongs
 * to many parents, so `sql` returns each child ONCE with the array of its parents' keys as `__keys`
 * (`array_agg(link.parent_id::text) … GROUP BY t.id`), in the lists' order. A page of 100 structures
 * with 2 sectors each reads the ≈ 30 distinct sectors, not 200 copies of them: fewer rows to send,
 * parse (dates) and hydrate.
 */
export function linkLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: (columns: string) => string,
  without?: ReadonlySet<string>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await queryPrepared(ds, sql(columnsOf(ds, entity, 't', without)), [keys], keyedBy('__keys'));
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) {
      let child: T | undefined; // hydrated once, and only for a parent asked (`mergeKeyed`)
      for (const key of r.__keys as string[]) groups.get(key)?.push((child ??= hydrate(ds, entity, r)));
    }
    return keys.map((k) => groups.get(k)!);
  }, LOADER_OPTIONS);
}

/** Loader of counts: `sql` returns `__key` and `n` for keys `$1`. */
export function countLoader(ds: DataSource, sql: string): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const rows = (await queryPrepared(ds, sql, [keys], KEYED)) as Array<{ __key: string; n: string | number }>;
    const byKey = new Map(rows.map((r) => [String(r.__key), Number(r.n)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  }, LOADER_OPTIONS);
}
