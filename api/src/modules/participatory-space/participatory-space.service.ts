import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import { queryEntities } from '../../common/db/rows';
import { pageSize, type Connection } from '../../common/pagination/connection';
import { compile, queryRow, sql, type Sql } from '../../common/sql/sql';
import { sectorErrors } from '../sector/sector.errors';
import { ParticipatorySpace, SpaceKind, SpaceStatus } from './participatory-space.entity';
import { SpaceSession } from './space-session.entity';

export interface SpaceFilter {
  sector?: string[] | null;
  status?: SpaceStatus[] | null;
  first?: number | null;
  after?: string | null;
}

export async function listSpaces(ctx: Context, kind: SpaceKind, f: SpaceFilter): Promise<Connection<ParticipatorySpace>> {
  const where: Sql[] = [sql`t.kind = ${kind}`, sql`NOT t.archived`];
  if (f.sector?.length) {
    const unknown = await queryRow(
      ctx.ds,
      sql<{ slug: string }>`SELECT c AS slug FROM unnest(${f.sector}::text[]) c
       WHERE NOT EXISTS (SELECT 1 FROM sector WHERE slug = c) LIMIT 1`,
    );
    if (unknown) throw sectorErrors.unknownSlug({ slug: unknown.slug }, { field: 'sector' });
    where.push(sql`t.sector_id IN (SELECT id FROM sector WHERE slug = ANY(${f.sector}::text[]))`);
  }
  if (f.status?.length) where.push(sql`t.status = ANY(${f.status}::text[])`);
  return idPage(ctx.ds, ParticipatorySpace, { table: 'participatory_space', where, first: f.first, after: f.after });
}

export async function findSpace(ctx: Context, kind: SpaceKind, id: string): Promise<ParticipatorySpace | null> {
  const s = await ctx.loaders.space.byId.load(id);
  return s?.kind === kind && (!s.archived || hasRole(ctx.viewer, Role.ADMIN, Role.STEERING, Role.FACILITATOR)) ? s : null;
}

/** Sessions from now on, soonest first. */
export function listUpcomingSessions(ctx: Context, first?: number | null): Promise<SpaceSession[]> {
  const size = pageSize(first ?? 10);
  const { text, values } = compile(
    sql`SELECT t.* FROM space_session t JOIN participatory_space s ON s.id = t.space_id AND NOT s.archived
     WHERE t.starts_at >= now() ORDER BY t.starts_at, t.id LIMIT ${size}`,
  );
  return queryEntities(ctx.ds, SpaceSession, text, values);
}
