import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/db/rows';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { Structure } from '../structure/structure.entity';
import { assertFilterCodes, filterConditions, type StructureFilter } from './structure-filter';

/** WHERE clause of the public structure list; pushes its parameters. */
function whereOf(f: StructureFilter, params: unknown[]): string[] {
  const { common, faceted } = filterConditions(f, params);
  return [...common, ...Object.values(faceted)];
}

/** Published structures, alphabetical (accent-insensitive), keyset-paginated on (search_name, id). */
export async function listStructures(
  ctx: Context,
  f: StructureFilter & { first?: number | null; after?: string | null },
): Promise<Connection<Structure>> {
  const size = pageSize(f.first);
  const after = decodeCursor(f.after, ['text', 'id']);
  await assertFilterCodes(ctx, f);
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const countParams = [...params];
  const countWhere = [...where];
  if (after) {
    where.push(`(t.search_name, t.id) > ($${params.push(after[0])}, $${params.push(after[1])}::bigint)`);
  }
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT ${columnsOf(ctx.ds, Structure, 't')}, t.search_name AS "__sort" FROM structure t
     WHERE ${where.join(' AND ')} ORDER BY t.search_name, t.id LIMIT $${params.push(size + 1)}`,
    params,
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
    async () => {
      const [{ n }] = await ctx.ds.query(
        `SELECT count(*)::int AS n FROM structure t WHERE ${countWhere.join(' AND ')}`,
        countParams,
      );
      return n;
    },
  );
}
