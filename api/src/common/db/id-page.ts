import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { decodeCursor, pageSize, toConnection, type Connection } from '../pagination/connection';
import { compile, queryRow, sql, whereOf, type Sql } from '../sql/sql';
import { columnsOf, queryEntities } from './rows';

/**
 * A condition of `idPage` on alias `t`: an `sql` fragment (values become parameters), or a constant
 * text without any value (`'t.is_public'`).
 */
export type IdPageCondition = Sql | string;

/**
 * A root list ordered by id, keyset-paginated: `where` are SQL conditions on alias `t`; the count
 * (run only if asked) reuses them.
 *
 * `params` (deprecated) are the values of conditions written as text with hand-numbered `$1…$n`, for
 * the modules that still write them so (they move to `sql` fragments, issue 14): remove it then.
 */
export async function idPage<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: {
    table: string;
    where?: readonly IdPageCondition[];
    /** @deprecated values of `$n` in text conditions: write `sql` fragments instead. */
    params?: readonly unknown[];
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<T>> {
  const size = pageSize(opts.first);
  const after = decodeCursor(opts.after, ['id']);
  const table = sql.raw(opts.table);
  const where = (opts.where ?? []).map((c) => (typeof c === 'string' ? numbered(c, opts.params ?? []) : c));
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

/** A text condition whose `$n` refer to `params`, as a fragment: each `$n` becomes the value it names. */
function numbered(text: string, params: readonly unknown[]): Sql {
  const parts = text.split(/\$(\d+)/);
  // split with a capture group: even indexes are text, odd ones the numbers between them.
  const texts = parts.filter((_, i) => i % 2 === 0);
  const values = parts.filter((_, i) => i % 2 === 1).map((n) => params[Number(n) - 1]);
  return sql.join(
    texts.map((t, i) => (i < values.length ? sql`${sql.raw(t)}${values[i]}` : sql.raw(t))),
    sql``,
  );
}
