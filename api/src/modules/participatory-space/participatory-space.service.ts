import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { ErrorCode, UserInputError } from '../../common/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { ParticipatorySpace, SpaceKind, SpaceStatus } from './participatory-space.entity';

export interface SpaceFilter {
  sector?: string[] | null;
  status?: SpaceStatus[] | null;
  first?: number | null;
  after?: string | null;
}

export async function listSpaces(ctx: Context, kind: SpaceKind, f: SpaceFilter): Promise<Connection<ParticipatorySpace>> {
  const size = pageSize(f.first);
  const after = decodeCursor(f.after, 1);
  const params: unknown[] = [kind];
  const where = ['t.kind = $1'];
  if (f.sector?.length) {
    const unknown: Array<{ slug: string }> = await ctx.ds.query(
      'SELECT c AS slug FROM unnest($1::text[]) c WHERE NOT EXISTS (SELECT 1 FROM sector WHERE slug = c) LIMIT 1',
      [f.sector],
    );
    if (unknown.length) {
      throw new UserInputError(ErrorCode.UNKNOWN_REFERENCE, `Secteur inconnu : « ${unknown[0].slug.slice(0, 80)} ».`, {
        field: 'sector',
      });
    }
    where.push(`t.sector_id IN (SELECT id FROM sector WHERE slug = ANY($${params.push(f.sector)}::text[]))`);
  }
  if (f.status?.length) where.push(`t.status = ANY($${params.push(f.status)}::text[])`);
  const countWhere = [...where];
  const countParams = [...params];
  if (after) where.push(`t.id > $${params.push(after[0])}::bigint`);
  const rows = await queryEntities(
    ctx.ds,
    ParticipatorySpace,
    `SELECT t.* FROM participatory_space t WHERE ${where.join(' AND ')} ORDER BY t.id LIMIT $${params.push(size + 1)}`,
    params,
  );
  return toConnection(
    rows,
    size,
    after,
    (s) => [s.id],
    async () => {
      const [{ n }] = await ctx.ds.query(
        `SELECT count(*)::int AS n FROM participatory_space t WHERE ${countWhere.join(' AND ')}`,
        countParams,
      );
      return n;
    },
  );
}

export async function findSpace(ctx: Context, kind: SpaceKind, id: string): Promise<ParticipatorySpace | null> {
  const s = await ctx.loaders.space.byId.load(id);
  return s?.kind === kind ? s : null;
}
