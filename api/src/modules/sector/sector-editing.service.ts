import type { Context } from '../../common/context';
import { createAudited, editVersioned, lockRow, typedDbErrors, updateVersioned, type EditSpec } from '../../common/db/editing';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { rowIdOf } from '../../common/relay/global-id';
import type { CreateSectorInput, SectorPatch } from './sector.inputs';
import { Sector } from './sector.entity';
import { sectorErrors } from './sector.errors';

const SPEC: EditSpec<Sector> = { entity: Sector, table: 'sector', entityType: 'Sector' };

export async function uniqueSlug<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw sectorErrors.slugTaken({ field: 'slug' });
    }
    throw e;
  }
}

/** An optional text of a patch: undefined leaves it, null or blank clears it, otherwise trimmed. */
export const optionalText = (v: string | null | undefined): string | null | undefined =>
  v === undefined ? undefined : v?.trim() || null;

export function createSector(ctx: Context, input: CreateSectorInput): Promise<Sector> {
  return uniqueSlug(() =>
    createAudited(ctx, SPEC, { slug: input.slug, name: input.name.trim(), description: optionalText(input.description) ?? null }),
  );
}

export function updateSector(ctx: Context, id: string, version: number, input: SectorPatch): Promise<Sector> {
  const values = { name: input.name?.trim() ?? undefined, description: optionalText(input.description) };
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Sector'), version, values);
}

export function archiveSector(ctx: Context, id: string, version: number): Promise<Sector> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Sector'), version, { status: 'ARCHIVED' }, 'ARCHIVE');
}

/** Back to the public views; restoring an active sector changes nothing. */
export function restoreSector(ctx: Context, id: string, version: number): Promise<Sector> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Sector'), version, { status: 'ACTIVE' }, 'RESTORE');
}

interface FacilitatorCheck {
  found: number;
  before: string[];
}

const byNumber = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => Number(a) - Number(b));

/**
 * Replaces the facilitators of a sector, under the sector's version: a stale version is refused
 * with CONFLICT (listing `facilitators`, as person row ids, when they differ); a change bumps the
 * version and writes one audit entry; the same list again writes nothing.
 */
export function setSectorFacilitators(ctx: Context, id: string, version: number, personIds: string[]): Promise<Sector> {
  if (personIds.length > 20) throw sectorErrors.tooManyFacilitators({ field: 'personIds' });
  const ids = byNumber(personIds.map((p) => rowIdOf(p, 'Person')));
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m) => {
      const sector = await lockRow(m, SPEC, rowIdOf(id, 'Sector'));
      const { found, before } = (await queryRow(
        m,
        sql<FacilitatorCheck>`SELECT (SELECT count(*)::int FROM person WHERE id = ANY(${ids}::bigint[])) AS found,
                ARRAY(SELECT person_id::text FROM sector_facilitator WHERE sector_id = ${sector.id}) AS before`,
      ))!;
      if (found !== ids.length) throw sectorErrors.unknownPerson({ field: 'personIds' });
      return updateVersioned(ctx, m, SPEC, sector, version, {}, 'SET_FACILITATORS', {
        current: { facilitators: byNumber(before) },
        submitted: { facilitators: ids },
        async write() {
          await queryRows(
            m,
            sql`DELETE FROM sector_facilitator WHERE sector_id = ${sector.id} AND NOT (person_id = ANY(${ids}::bigint[]))`,
          );
          await queryRows(
            m,
            sql`INSERT INTO sector_facilitator (sector_id, person_id) SELECT ${sector.id}, unnest(${ids}::bigint[]) ON CONFLICT DO NOTHING`,
          );
        },
      });
    }),
  );
}
