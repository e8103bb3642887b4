import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { decodeCursor, pageSize, toConnection, type Connection } from '../pagination/connection';
import { and, compile, queryRow, sql, type Sql } from '../sql/sql';
import { columnsOf, queryEntities } from './rows';

/**
 * A condition written before typed SQL: text with `$1…$n` numbered into `params`. Only for the
 * callers not yet converted (structure-moderation); remove with them.
 */
function fromNumbered(text: string, params: readonly unknown[]): Sql {
  const parts = text.split(/\$(\d+)/); // text, number, text, number, …, text
  return sql.join(
    parts.map((p, i) => (i % 2 ? sql`${params[Number(p) - 1]}` : sql.raw(p))),
    sql``,
  );
}

/**
 * A root list ordered by id, keyset-paginated: `where` are SQL conditions on alias `t` (`sql`
 * fragments); the count (run only if asked) reuses them. `table` is trusted text.
 */
export async function idPage<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: {
    table: string;
    where?: ReadonlyArray<Sql | string>;
    /** @deprecated the values of `$n` in string conditions; write `sql` fragments instead. */
    params?: unknown[];
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<T>> {
  const size = pageSize(opts.first);
  const after = decodeCursor(opts.after, ['id']);
  const table = sql.raw(opts.table);
  const where = (opts.where ?? []).map((c) => (typeof c === 'string' ? fromNumbered(c, opts.params ?? []) : c));
  const page = after ? [...where, sql`t.id > ${after[0]}::bigint`] : where;
  const { text, values } = compile(
    sql`SELECT ${sql.raw(columnsOf(ds, entity, 't'))} FROM ${table} t WHERE ${and(page)} ORDER BY t.id LIMIT ${size + 1}`,
  );
  const rows = await queryEntities(ds, entity, text, values);
  return toConnection(
    rows,
    size,
    after,
    (r) => [r.id],
    async () => (await queryRow(ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM ${table} t WHERE ${and(where)}`))!.n,
  );
}
