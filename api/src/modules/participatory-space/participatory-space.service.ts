import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import { queryEntities } from '../../common/db/rows';
import { ErrorCode, UserInputError } from '../../common/errors';
import { pageSize, type Connection } from '../../common/pagination/connection';
import { ParticipatorySpace, SpaceKind, SpaceStatus } from './participatory-space.entity';
import { SpaceSession } from './space-session.entity';

export interface SpaceFilter {
  sector?: string[] | null;
  status?: SpaceStatus[] | null;
  first?: number | null;
  after?: string | null;
}

export async function listSpaces(ctx: Context, kind: SpaceKind, f: SpaceFilter): Promise<Connection<ParticipatorySpace>> {
  const params: unknown[] = [kind];
  const where = ['t.kind = $1', 'NOT t.archived'];
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
  return idPage(ctx.ds, ParticipatorySpace, { table: 'participatory_space', where, params, first: f.first, after: f.after });
}

export async function findSpace(ctx: Context, kind: SpaceKind, id: string): Promise<ParticipatorySpace | null> {
  const s = await ctx.loaders.space.byId.load(id);
  return s?.kind === kind && (!s.archived || hasRole(ctx.viewer, Role.ADMIN, Role.STEERING, Role.FACILITATOR)) ? s : null;
}

/** Sessions from now on, soonest first. */
export function listUpcomingSessions(ctx: Context, first?: number | null): Promise<SpaceSession[]> {
  const size = pageSize(first ?? 10);
  return queryEntities(
    ctx.ds,
    SpaceSession,
    `SELECT t.* FROM space_session t JOIN participatory_space s ON s.id = t.space_id AND NOT s.archived
     WHERE t.starts_at >= now() ORDER BY t.starts_at, t.id LIMIT $1`,
    [size],
  );
}
