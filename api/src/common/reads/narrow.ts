import { getMetadataArgsStorage } from 'typeorm';
import { readSwitches } from './switches';

/**
 * Loaders that read only the columns the selection needs (what `structure.selection.ts` does for
 * lists of structures, for the entities a page or a list reads beside them: sectors, networks,
 * communes). A structure page asking for `sectors { name }` reads a sector's id, status and name,
 * not its description and dates: less JSON to build in PostgreSQL, to parse and to type back.
 */
export interface Narrowing {
  /** The entity class (TypeORM's decorators give its column properties). */
  entity: Function;
  /** Properties every row keeps (the key, what visibility checks read). */
  always: readonly string[];
  /**
   * Fields of the GraphQL type that are not a column property of the same name, with the
   * properties they read. A field that is neither loads every column (fails safe); a test checks
   * that every field is one or the other.
   */
  reads: Readonly<Record<string, readonly string[]>>;
}

const columnsOfEntity = new Map<Function, ReadonlySet<string>>();
/** Properties of an entity mapped to a column (from TypeORM's decorators, computed once). */
export function columnProperties(entity: Function): ReadonlySet<string> {
  let columns = columnsOfEntity.get(entity);
  if (!columns) {
    columns = new Set(
      getMetadataArgsStorage()
        .columns.filter((c) => c.target === entity)
        .map((c) => c.propertyName),
    );
    columnsOfEntity.set(entity, columns);
  }
  return columns;
}

/**
 * Properties a read may leave out, given the names of the fields selected on its rows (the
 * GraphQL side, `common/graphql/narrowing.ts`, reads them from the selection). `ESSOR_NARROW=0`:
 * none (every read loads every column).
 */
export function unneededColumns(n: Narrowing, fields: ReadonlySet<string>): Set<string> {
  if (!readSwitches.narrow()) return new Set();
  const columns = columnProperties(n.entity);
  const needed = new Set<string>(n.always);
  for (const f of fields) {
    const reads = n.reads[f] ?? (columns.has(f) ? [f] : null);
    if (!reads) return new Set(); // unknown field: every column
    for (const p of reads) needed.add(p);
  }
  return new Set([...columns].filter((p) => !needed.has(p)));
}
