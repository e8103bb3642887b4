import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Rows become entity instances through TypeORM's metadata, so the GraphQL types and getters keep
 * working. Rows of a fused statement come as JSON (fused-reads.ts marks them with `JSON_ROW`):
 * their values are typed back from the column types of the entity, so that a fused row is
 * identical to the same row read alone (what node-postgres gives):
 *
 * | column type                         | alone (node-postgres)      | in JSON          | revived      |
 * |-------------------------------------|----------------------------|------------------|--------------|
 * | bigint / int8                       | string                     | number           | string (*)   |
 * | numeric / decimal                   | string                     | number           | string (**)  |
 * | timestamptz / timestamp             | Date                       | ISO string       | Date         |
 * | date                                | 'YYYY-MM-DD' (data-source) | 'YYYY-MM-DD'     | as is        |
 * | arrays of the above                 | arrays of the above        | JSON arrays      | each element |
 * | jsonb / json                        | parsed JSON                | JSON             | as is        |
 * | boolean, integer, double, text…     | same as JSON               | same             | as is        |
 *
 * (*) a bigint beyond 2^53 cannot survive JSON as a number: fused-reads.ts sees the unsafe integer
 * and retries that read alone (and the revival throws `LossyFusedRowError` if one still came).
 * (**) a JSON number would lose a numeric's trailing zeros ('1.50' → 1.5): `columnsOf` selects
 * numeric columns as text (`t.amount::text AS "amount"`), the string node-postgres gives anyway.
 * (A date[] column stays an array of 'YYYY-MM-DD' strings, as a date does: data-source.ts.)
 */
export const JSON_ROW = Symbol('essor.jsonRow');

/** A fused row whose JSON cannot give back what the row read alone gives. */
export class LossyFusedRowError extends Error {
  constructor(column: string, value: unknown) {
    super(`read runtime: column ${column} (${String(value)}) cannot be typed back from JSON`);
    this.name = 'LossyFusedRowError';
  }
}

type Reviver = (v: unknown, column: string) => unknown;

const bigintReviver: Reviver = (v, column) => {
  if (v == null || typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  throw new LossyFusedRowError(column, v);
};
const numericReviver: Reviver = (v) => (v == null || typeof v === 'string' ? v : String(v));
const timestampReviver: Reviver = (v) => (v == null ? v : new Date(v as string));

function isNumeric(type: unknown): boolean {
  return type === 'numeric' || type === 'decimal';
}

/** How the JSON value of a column becomes what node-postgres gives for it (null: as is). */
export function jsonReviver(column: Pick<ColumnMetadata, 'type' | 'isArray'>): Reviver | null {
  const t = typeof column.type === 'string' ? column.type.toLowerCase() : column.type;
  let one: Reviver | null = null;
  if (t === 'bigint' || t === 'int8') one = bigintReviver;
  else if (isNumeric(t)) one = numericReviver;
  else if (
    t === 'timestamptz' ||
    t === 'timestamp' ||
    t === 'timestamp with time zone' ||
    t === 'timestamp without time zone' ||
    t === Date
  ) {
    one = timestampReviver;
  }
  if (!one || !column.isArray) return one;
  const element = one;
  return (v, name) => (Array.isArray(v) ? v.map((e) => element(e, name)) : v);
}

interface EntityShape {
  proto: object;
  /** [property, column, selected as text] of every selected column. */
  columns: Array<[string, string, boolean]>;
  /** Column → property. */
  propertyOf: Map<string, string>;
  /** [property, column, reviver] of the columns whose JSON value needs typing back. */
  revived: Array<[string, string, Reviver]>;
  /** [property, prefixed column, reviver] per prefix of joined columns (`hydratePrefixed`). */
  prefixed: Map<string, Array<[string, string, Reviver | null]>>;
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
    const selected = meta.columns.filter((c) => c.isSelect);
    shape = {
      proto: (meta.target as { prototype: object }).prototype,
      columns: selected.map((c) => [c.propertyName, c.databaseName, isNumeric(c.type)]),
      revived: selected.flatMap((c): Array<[string, string, Reviver]> => {
        const revive = jsonReviver(c);
        return revive ? [[c.propertyName, c.databaseName, revive]] : [];
      }),
      prefixed: new Map(),
      propertyOf: new Map(selected.map((c) => [c.databaseName, c.propertyName])),
      sql: new Map(),
    };
    byEntity.set(entity, shape);
  }
  return shape;
}

/** The SELECT list of an entity's columns under `alias` (each `AS "column"`), without the properties `without`. */
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
      .map(([, column, asText]) => `${alias}.${column}${asText ? '::text' : ''} AS "${column}"`)
      .join(', ');
    shape.sql.set(key, sql);
  }
  return sql;
}

/** The entity joined into `row` under `<prefix><column>` names (`e__siren`…), hydrated. */
export function hydratePrefixed<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
): T {
  const shape = shapeOf(ds, entity);
  let names = shape.prefixed.get(prefix);
  if (!names) {
    const revivers = new Map(shape.revived.map(([property, , revive]) => [property, revive]));
    names = shape.columns.map(([property, column]) => [property, prefix + column, revivers.get(property) ?? null]);
    shape.prefixed.set(prefix, names);
  }
  const obj = Object.create(shape.proto) as Record<string, unknown>;
  const json = (row as Record<symbol, unknown>)[JSON_ROW];
  for (const [property, name, revive] of names) {
    if (name in row) obj[property] = json && revive ? revive(row[name], name) : row[name];
  }
  return obj as T;
}

export function hydrate<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  const shape = shapeOf(ds, entity);
  const obj = Object.create(shape.proto) as Record<string, unknown>;
  // Over the row's columns (a list row may hold 4 of an entity's 40), keys like `__key` skipped.
  for (const column in row) {
    const property = shape.propertyOf.get(column);
    if (property !== undefined) obj[property] = row[column];
  }
  if ((row as Record<symbol, unknown>)[JSON_ROW]) {
    for (const [property, column, revive] of shape.revived) if (column in row) obj[property] = revive(row[column], column);
  }
  return obj as T;
}
