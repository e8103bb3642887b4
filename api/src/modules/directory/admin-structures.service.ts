import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/reads';
import { commonErrors } from '../../common/domain-error';
import { assertOffsetPage } from '../../common/pagination/connection';
import { queryRow, queryRows, sql, whereOf } from '../../common/sql/sql';
import { Structure, type StructureStatus } from '../structure/structure.entity';
import { canSeeUnpublishedStructures } from '../structure/structure.permissions';
import { allConditions, assertFilterCodes, filterConditions, type StructureFilter } from './structure-filter';

export type AdminStructureSort = 'NAME' | 'UPDATED_AT' | 'CREATED_AT';

const ORDER_COLUMN: Record<AdminStructureSort, string> = {
  NAME: 't.search_name',
  UPDATED_AT: 't.updated_at',
  CREATED_AT: 't.created_at',
};

interface AdminRow extends Record<string, unknown> {
  __total: string;
}

/** Admin table: every status, offset pagination with sorting (TanStack Table asks for pages). */
export async function adminListStructures(
  ctx: Context,
  a: {
    filter?: StructureFilter | null;
    status?: StructureStatus[] | null;
    sort?: AdminStructureSort | null;
    descending?: boolean | null;
    page: number;
    pageSize: number;
  },
): Promise<{ totalCount: number; items: Structure[] }> {
  if (!canSeeUnpublishedStructures(ctx) && !ctx.viewer?.structureIds.length) throw commonErrors.forbidden();
  assertOffsetPage(a.page, a.pageSize);
  const f = a.filter ?? {};
  await assertFilterCodes(ctx, f);
  const structureIds = canSeeUnpublishedStructures(ctx) ? null : ctx.viewer!.structureIds;
  const where = whereOf(allConditions(filterConditions(f, { status: a.status, structureIds })));
  const order = sql.raw(ORDER_COLUMN[a.sort ?? 'NAME']);
  const dir = sql.raw(a.descending ? 'DESC' : 'ASC');
  const rows = await queryRows(
    ctx.ds,
    sql<AdminRow>`SELECT ${sql.raw(columnsOf(ctx.ds, Structure, 't'))}, count(*) OVER () AS __total FROM structure t ${where}
     ORDER BY ${order} ${dir}, t.id ${dir} LIMIT ${a.pageSize} OFFSET ${a.page * a.pageSize}`,
  );
  let totalCount = Number(rows[0]?.__total ?? 0);
  if (!rows.length && a.page > 0) {
    totalCount = (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM structure t ${where}`))!.n;
  }
  return { totalCount, items: rows.map((r) => hydrate(ctx.ds, Structure, r)) };
}
