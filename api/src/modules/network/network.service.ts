import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { compile, sql } from '../../common/sql/sql';
import { canSeeArchived, withArchived } from '../sector/sector.service';
import { Network } from './network.entity';

export function listNetworks(ctx: Context, opts: { includeArchived?: boolean | null } = {}): Promise<Network[]> {
  const filter = withArchived(ctx, opts.includeArchived) ? sql`` : sql`WHERE t.status = 'ACTIVE'`;
  const { text, values } = compile(sql`SELECT t.* FROM network t ${filter} ORDER BY t.name, t.id`);
  return queryEntities(ctx.ds, Network, text, values);
}

export async function findNetworkBySlug(
  ctx: Context,
  slug: string,
  opts: { includeArchived?: boolean | null } = {},
): Promise<Network | null> {
  const filter = withArchived(ctx, opts.includeArchived) ? sql`` : sql`AND t.status = 'ACTIVE'`;
  const { text, values } = compile(sql`SELECT t.* FROM network t WHERE t.slug = ${slug} ${filter}`);
  const [n] = await queryEntities(ctx.ds, Network, text, values);
  return n ?? null;
}

/** By row id (`node`): an archived network only for those who may see archived ones. */
export async function findNetworkById(ctx: Context, id: string): Promise<Network | null> {
  const n = await ctx.loaders.network.byId.load(id);
  return n && (n.status === 'ACTIVE' || canSeeArchived(ctx)) ? n : null;
}
