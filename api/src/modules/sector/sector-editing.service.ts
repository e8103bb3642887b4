import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { createAudited, editVersioned, lockRow, type EditSpec } from '../../common/db/editing';
import { ErrorCode, UserInputError } from '../../common/errors';
import { rowIdOf } from '../../common/relay/global-id';
import type { CreateSectorInput, SectorPatch } from './sector.inputs';
import { Sector } from './sector.entity';

const SPEC: EditSpec<Sector> = { entity: Sector, table: 'sector', entityType: 'Sector' };

export async function uniqueSlug<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Ce code est déjà utilisé.', { field: 'slug' });
    }
    throw e;
  }
}

export function createSector(ctx: Context, input: CreateSectorInput): Promise<Sector> {
  return uniqueSlug(() =>
    createAudited(ctx, SPEC, { slug: input.slug, name: input.name.trim(), description: input.description ?? null }),
  );
}

export function updateSector(ctx: Context, id: string, version: number, input: SectorPatch): Promise<Sector> {
  const values = { name: input.name?.trim() ?? undefined, description: input.description ?? undefined };
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Sector'), version, values);
}

export function archiveSector(ctx: Context, id: string, version: number): Promise<Sector> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Sector'), version, { status: 'ARCHIVED' }, 'ARCHIVE');
}

export function setSectorFacilitators(ctx: Context, id: string, personIds: string[]): Promise<Sector> {
  if (personIds.length > 20) throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Au plus 20 animateurs.', { field: 'personIds' });
  const ids = personIds.map((p) => rowIdOf(p, 'Person'));
  return ctx.ds.transaction(async (m) => {
    const sector = await lockRow(m, SPEC, rowIdOf(id, 'Sector'));
    const [{ found, before }] = await m.query(
      `SELECT (SELECT count(*)::int FROM person WHERE id = ANY($1::bigint[])) AS found,
              ARRAY(SELECT person_id::text FROM sector_facilitator WHERE sector_id = $2 ORDER BY 1) AS before`,
      [ids, sector.id],
    );
    if (found !== new Set(ids).size)
      throw new UserInputError(ErrorCode.UNKNOWN_REFERENCE, 'Une des personnes n’existe pas.', { field: 'personIds' });
    await m.query('DELETE FROM sector_facilitator WHERE sector_id = $1', [sector.id]);
    await m.query(
      'INSERT INTO sector_facilitator (sector_id, person_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
      [sector.id, ids],
    );
    await audit(m, ctx, {
      action: 'SET_FACILITATORS',
      entityType: 'Sector',
      entityId: sector.id,
      before: { facilitators: before },
      after: { facilitators: [...new Set(ids)].sort() },
    });
    return sector;
  });
}
