import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { Sector } from './sector.entity';

export function listSectors(ctx: Context): Promise<Sector[]> {
  return queryEntities(ctx.ds, Sector, "SELECT t.* FROM sector t WHERE t.status = 'ACTIVE' ORDER BY t.name, t.id");
}

export async function findSectorBySlug(ctx: Context, slug: string): Promise<Sector | null> {
  const [s] = await queryEntities(ctx.ds, Sector, "SELECT t.* FROM sector t WHERE t.slug = $1 AND t.status = 'ACTIVE'", [slug]);
  return s ?? null;
}
