import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { decodeCursor, pageSize, toConnection, type Connection } from '../pagination/connection';
import { compile, queryRow, sql, whereOf, type Sql } from '../sql/sql';
import { columnsOf } from '../reads';
import { queryEntities } from './rows';

/**
 * A root list ordered by id, keyset-paginated: `where` are SQL conditions on alias `t` (`sql`
 * fragments: values become parameters); the count (run only if asked) reuses them. `table` is
 * trusted text (a table name of the code, never input).
 */
export async function idPage<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: {
    table: string;
    where?: readonly Sql[];
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<T>> {
  const size = pageSize(opts.first);
  const after = decodeCursor(opts.after, ['id']);
  const table = sql.raw(opts.table);
  const where = opts.where ?? [];
  const page = after ? [...where, sql`t.id > ${after[0]}::bigint`] : where;
  const { text, values } = compile(
    sql`SELECT ${sql.raw(columnsOf(ds, entity, 't'))} FROM ${table} t ${whereOf(page)} ORDER BY t.id LIMIT ${size + 1}`,
  );
  const rows = await queryEntities(ds, entity, text, values);
  return toConnection(
    rows,
    size,
    after,
    (r) => [r.id],
    async () => (await queryRow(ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM ${table} t ${whereOf(where)}`))!.n,
  );
}
