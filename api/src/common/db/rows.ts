import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Thin SQL helpers. Reads go through hand-written SQL (one statement per list level,
 * shaped to hit the indexes) and rows are hydrated into entity instances using
 * TypeORM's metadata, so the GraphQL types and getters keep working.
 */
interface EntityShape {
  proto: object;
  /** [property, column] of every selected column. */
  columns: Array<[string, string]>;
  sql: Map<string, string>;
}

/** Entity metadata reduced to what reads need, computed once per entity and data source. */
const shapes = new WeakMap<DataSource, Map<unknown, EntityShape>>();
function shapeOf(ds: DataSource, entity: EntityTarget<ObjectLiteral>): EntityShape {
  let byEntity = shapes.get(ds);
  if (!byEntity) shapes.set(ds, (byEntity = new Map()));
  let shape = byEntity.get(entity);
  if (!shape) {
    const meta = ds.getMetadata(entity);
    shape = {
      proto: (meta.target as { prototype: object }).prototype,
      columns: meta.columns.filter((c) => c.isSelect).map((c) => [c.propertyName, c.databaseName]),
      sql: new Map(),
    };
    byEntity.set(entity, shape);
  }
  return shape;
}

export function columnsOf(
  ds: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  without?: ReadonlySet<string>,
): string {
  const shape = shapeOf(ds, entity);
  const key = `${alias}|${without?.size ? [...without].sort().join(',') : ''}`;
  let sql = shape.sql.get(key);
  if (sql === undefined) {
    sql = shape.columns
      .filter(([property]) => !without?.has(property))
      .map(([, column]) => `${alias}.${column} AS "${column}"`)
      .join(', ');
    shape.sql.set(key, sql);
  }
  return sql;
}

export function hydrate<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  const shape = shapeOf(ds, entity);
  const obj = Object.create(shape.proto) as Record<string, unknown>;
  for (const [property, column] of shape.columns) {
    if (column in row) obj[property] = row[column];
  }
  return obj as T;
}

const preparedNames = new Map<string, string>();

/**
 * A read through a named prepared statement: PostgreSQL parses it once per connection and may
 * keep its plan. For the loaders, whose SQL text is fixed (only the keys change). Counted and
 * logged like every statement; ESSOR_PREPARED=0 sends plain queries instead.
 */
export async function queryPrepared(ds: DataSource, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  if (process.env.ESSOR_PREPARED === '0') return ds.query(sql, params);
  let name = preparedNames.get(sql);
  if (!name) {
    name = `essor_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    preparedNames.set(sql, name);
  }
  ds.logger.logQuery(sql, params);
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const started = Date.now();
  try {
    const result = await pool.query({ name, text: sql, values: params });
    const ms = Date.now() - started;
    const slow = ds.options.maxQueryExecutionTime;
    if (slow && ms > slow) ds.logger.logQuerySlow(ms, sql, params);
    return result.rows;
  } catch (e) {
    ds.logger.logQueryError(e as Error, sql, params);
    throw e;
  }
}

export async function queryEntities<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const rows: Record<string, unknown>[] = await ds.query(sql, params);
  return rows.map((r) => hydrate(ds, entity, r));
}

const LOADER_OPTIONS = { maxBatchSize: 1000 };

/** `WHERE key = ANY($1)` loader: one statement for all keys of a tick. */
export function keyLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: { table: string; key: string; keyType: 'bigint' | 'text'; where?: string },
): DataLoader<string, T | null> {
  const keyProp = ds.getMetadata(entity).columns.find((c) => c.databaseName === opts.key)!.propertyName;
  return new DataLoader<string, T | null>(async (keys) => {
    const raw = await queryPrepared(
      ds,
      `SELECT ${columnsOf(ds, entity, 't')} FROM ${opts.table} t
       WHERE t.${opts.key} = ANY($1::${opts.keyType}[])${opts.where ? ` AND ${opts.where}` : ''}`,
      [keys],
    );
    const rows = raw.map((r) => hydrate(ds, entity, r));
    const byKey = new Map(rows.map((r) => [String((r as Record<string, unknown>)[keyProp]).trim(), r]));
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
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await queryPrepared(ds, sql(columnsOf(ds, entity, 't')), [keys]);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) groups.get(String(r.__key))?.push(hydrate(ds, entity, r));
    return keys.map((k) => groups.get(k)!);
  }, LOADER_OPTIONS);
}

/** Loader of counts: `sql` returns `__key` and `n` for keys `$1`. */
export function countLoader(ds: DataSource, sql: string): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const rows = (await queryPrepared(ds, sql, [keys])) as Array<{ __key: string; n: string | number }>;
    const byKey = new Map(rows.map((r) => [String(r.__key), Number(r.n)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  }, LOADER_OPTIONS);
}

/**
 * Rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`: TypeORM's postgres driver answers
 * those with `[rows, affected]` instead of the rows.
 */
export async function updateReturning(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const result = (await m.query(sql, params)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
}
