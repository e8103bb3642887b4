import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
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
  const filter = withArchived(ctx, opts.includeArchived) ? '' : "WHERE t.status = 'ACTIVE'";
  return queryEntities(ctx.ds, Sector, `SELECT t.* FROM sector t ${filter} ORDER BY t.name, t.id`);
}

export async function findSectorBySlug(
  ctx: Context,
  slug: string,
  opts: { includeArchived?: boolean | null } = {},
): Promise<Sector | null> {
  const filter = withArchived(ctx, opts.includeArchived) ? '' : "AND t.status = 'ACTIVE'";
  const [s] = await queryEntities(ctx.ds, Sector, `SELECT t.* FROM sector t WHERE t.slug = $1 ${filter}`, [slug]);
  return s ?? null;
}

/** By row id (`node`): an archived sector only for those who may see archived ones. */
export async function findSectorById(ctx: Context, id: string): Promise<Sector | null> {
  const s = await ctx.loaders.sector.byId.load(id);
  return s && (s.status === 'ACTIVE' || canSeeArchived(ctx)) ? s : null;
}
