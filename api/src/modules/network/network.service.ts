import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { canSeeArchived, withArchived } from '../sector/sector.service';
import { Network } from './network.entity';

export function listNetworks(ctx: Context, opts: { includeArchived?: boolean | null } = {}): Promise<Network[]> {
  const filter = withArchived(ctx, opts.includeArchived) ? '' : "WHERE t.status = 'ACTIVE'";
  return queryEntities(ctx.ds, Network, `SELECT t.* FROM network t ${filter} ORDER BY t.name, t.id`);
}

export async function findNetworkBySlug(
  ctx: Context,
  slug: string,
  opts: { includeArchived?: boolean | null } = {},
): Promise<Network | null> {
  const filter = withArchived(ctx, opts.includeArchived) ? '' : "AND t.status = 'ACTIVE'";
  const [n] = await queryEntities(ctx.ds, Network, `SELECT t.* FROM network t WHERE t.slug = $1 ${filter}`, [slug]);
  return n ?? null;
}

/** By row id (`node`): an archived network only for those who may see archived ones. */
export async function findNetworkById(ctx: Context, id: string): Promise<Network | null> {
  const n = await ctx.loaders.network.byId.load(id);
  return n && (n.status === 'ACTIVE' || canSeeArchived(ctx)) ? n : null;
}
