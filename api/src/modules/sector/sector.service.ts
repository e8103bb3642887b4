import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { compile, sql } from '../../common/sql/sql';
import { Sector } from './sector.entity';

/**
 * Archived sectors and networks leave the public views: only the mission and the steering
 * committee see them, and only when they ask (`includeArchived`). Anonymous answers thus depend
 * on the data and the arguments alone, as the shared response cache requires.
 */
export const canSeeArchived = (ctx: Context): boolean => hasRole(ctx.viewer, Role.ADMIN, Role.STEERING);

/** Whether a list or a look-up includes archived rows for this viewer. */
export const withArchived = (ctx: Context, includeArchived?: boolean | null): boolean => !!includeArchived && canSeeArchived(ctx);

export function listSectors(ctx: Context, opts: { includeArchived?: boolean | null } = {}): Promise<Sector[]> {
  const filter = withArchived(ctx, opts.includeArchived) ? sql`` : sql`WHERE t.status = 'ACTIVE'`;
  const { text, values } = compile(sql`SELECT t.* FROM sector t ${filter} ORDER BY t.name, t.id`);
  return queryEntities(ctx.ds, Sector, text, values);
}

export async function findSectorBySlug(
  ctx: Context,
  slug: string,
  opts: { includeArchived?: boolean | null } = {},
): Promise<Sector | null> {
  const filter = withArchived(ctx, opts.includeArchived) ? sql`` : sql`AND t.status = 'ACTIVE'`;
  const { text, values } = compile(sql`SELECT t.* FROM sector t WHERE t.slug = ${slug} ${filter}`);
  const [s] = await queryEntities(ctx.ds, Sector, text, values);
  return s ?? null;
}

/** By row id (`node`): an archived sector only for those who may see archived ones. */
export async function findSectorById(ctx: Context, id: string): Promise<Sector | null> {
  const s = await ctx.loaders.sector.byId.load(id);
  return s && (s.status === 'ACTIVE' || canSeeArchived(ctx)) ? s : null;
}
