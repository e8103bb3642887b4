import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/reads';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { and, queryRow, queryRows, sql } from '../../common/sql/sql';
import { Structure } from '../structure/structure.entity';
import { allConditions, assertFilterCodes, filterConditions, type StructureFilter } from './structure-filter';

interface ListedRow extends Record<string, unknown> {
  __sort: string;
}

/** Published structures, alphabetical (accent-insensitive), keyset-paginated on (search_name, id). */
export async function listStructures(
  ctx: Context,
  a: { filter?: StructureFilter | null; first?: number | null; after?: string | null },
): Promise<Connection<Structure>> {
  const f = a.filter ?? {};
  const size = pageSize(a.first);
  const after = decodeCursor(a.after, ['text', 'id']);
  await assertFilterCodes(ctx, f);
  const where = allConditions(filterConditions(f));
  const page = after ? [...where, sql`(t.search_name, t.id) > (${after[0]}, ${after[1]}::bigint)`] : where;
  const rows = await queryRows(
    ctx.ds,
    sql<ListedRow>`SELECT ${sql.raw(columnsOf(ctx.ds, Structure, 't'))}, t.search_name AS "__sort" FROM structure t
     WHERE ${and(page)} ORDER BY t.search_name, t.id LIMIT ${size + 1}`,
  );
  const sortKeys = new Map<Structure, unknown[]>();
  const nodes = rows.map((r) => {
    const s = hydrate(ctx.ds, Structure, r);
    sortKeys.set(s, [r.__sort, s.id]);
    return s;
  });
  return toConnection(
    nodes,
    size,
    after,
    (s) => sortKeys.get(s)!,
    async () => (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM structure t WHERE ${and(where)}`))!.n,
  );
}
