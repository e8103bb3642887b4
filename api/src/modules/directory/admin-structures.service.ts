import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/db/rows';
import { ForbiddenError } from '../../common/errors';
import { assertOffsetPage } from '../../common/pagination/connection';
import { searchWords } from '../territory/territory.service';
import { Structure, type StructureStatus } from '../structure/structure.entity';
import { canSeeUnpublishedStructures } from '../structure/structure.permissions';

export type AdminStructureSort = 'NAME' | 'UPDATED_AT' | 'CREATED_AT';

/** Admin table: every status, offset pagination with sorting (TanStack Table asks for pages). */
export async function adminListStructures(
  ctx: Context,
  a: {
    text?: string | null;
    status?: StructureStatus[] | null;
    sort?: AdminStructureSort | null;
    descending?: boolean | null;
    page: number;
    pageSize: number;
  },
): Promise<{ totalCount: number; items: Structure[] }> {
  if (!canSeeUnpublishedStructures(ctx) && !ctx.viewer?.structureIds.length) throw new ForbiddenError();
  assertOffsetPage(a.page, a.pageSize);
  const params: unknown[] = [];
  const where: string[] = [];
  if (!canSeeUnpublishedStructures(ctx)) where.push(`t.id = ANY($${params.push(ctx.viewer!.structureIds)}::bigint[])`);
  if (a.status?.length) where.push(`t.status = ANY($${params.push(a.status)}::text[])`);
  for (const w of searchWords(a.text)) where.push(`t.search_name LIKE '%' || lower(essor_unaccent($${params.push(w)})) || '%'`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = { NAME: 't.search_name', UPDATED_AT: 't.updated_at', CREATED_AT: 't.created_at' }[a.sort ?? 'NAME'];
  const dir = a.descending ? 'DESC' : 'ASC';
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT ${columnsOf(ctx.ds, Structure, 't')}, count(*) OVER () AS __total FROM structure t ${filter}
     ORDER BY ${order} ${dir}, t.id ${dir} LIMIT $${params.push(a.pageSize)} OFFSET $${params.push(a.page * a.pageSize)}`,
    params,
  );
  let totalCount = Number(rows[0]?.__total ?? 0);
  if (!rows.length && a.page > 0) {
    const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM structure t ${filter}`, params.slice(0, -2));
    totalCount = n;
  }
  return { totalCount, items: rows.map((r) => hydrate(ctx.ds, Structure, r)) };
}
