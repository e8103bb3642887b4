import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { Network } from './network.entity';

export function listNetworks(ctx: Context): Promise<Network[]> {
  return queryEntities(ctx.ds, Network, "SELECT t.* FROM network t WHERE t.status = 'ACTIVE' ORDER BY t.name, t.id");
}

export async function findNetworkBySlug(ctx: Context, slug: string): Promise<Network | null> {
  const [n] = await queryEntities(ctx.ds, Network, "SELECT t.* FROM network t WHERE t.slug = $1 AND t.status = 'ACTIVE'", [slug]);
  return n ?? null;
}
