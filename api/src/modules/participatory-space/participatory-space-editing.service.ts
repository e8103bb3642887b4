import type { EntityManager } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { insertAudited, lockRow, typedDbErrors, updateVersioned, type EditSpec } from '../../common/db/editing';
import { fromGlobalId, rowIdOf } from '../../common/relay/global-id';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { sectorErrors } from '../sector/sector.errors';
import { assertTerritoryCodes } from '../territory/territory.service';
import type {
  CreateSpaceInput,
  DeliverableInput,
  ParticipantInput,
  SessionInput,
  SpacePatch,
} from './participatory-space.inputs';
import { ParticipatorySpace, SPACE_TYPENAME, SpaceKind, SpaceStatus } from './participatory-space.entity';
import { spaceErrors } from './participatory-space.errors';
import { canEditSpacesOfSector } from './participatory-space.permissions';

const SPEC: EditSpec<ParticipatorySpace> = {
  entity: ParticipatorySpace,
  table: 'participatory_space',
  entityType: 'ParticipatorySpace',
};

/** Row id of a Workshop, Chantier or StudyDay global id. */
export function spaceRowId(id: string): string {
  const { type, key } = fromGlobalId(id);
  if (!Object.values(SPACE_TYPENAME).includes(type as never) || !/^[0-9]{1,18}$/.test(key)) {
    throw spaceErrors.notASpaceId({ field: 'id' });
  }
  return key;
}

/** Row id of an active sector by its code (slug); UNKNOWN_REFERENCE on `sectorSlug` otherwise. */
export async function sectorIdOf(m: EntityManager, slug: string): Promise<string> {
  const row = await queryRow(m, sql<{ id: string }>`SELECT id::text FROM sector WHERE slug = ${slug} AND status = 'ACTIVE'`);
  if (!row) throw sectorErrors.unknownSlug({ slug }, { field: 'sectorSlug' });
  return row.id;
}

/** Locks a space the viewer may edit. */
async function editableSpace(ctx: Context, m: EntityManager, id: string): Promise<ParticipatorySpace> {
  const space = await lockRow(m, SPEC, spaceRowId(id));
  if (!canEditSpacesOfSector(ctx, space.sectorId)) throw spaceErrors.outsideOwnSectors();
  return space;
}

export function createSpace(ctx: Context, kind: SpaceKind, input: CreateSpaceInput): Promise<ParticipatorySpace> {
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m) => {
      const sectorId = await sectorIdOf(m, input.sectorSlug);
      if (!canEditSpacesOfSector(ctx, sectorId)) throw spaceErrors.outsideOwnSectors();
      return insertAudited(ctx, m, SPEC, {
        kind,
        sectorId,
        title: input.title.trim(),
        goal: input.goal.trim(),
        description: input.description ?? null,
        status: input.status ?? SpaceStatus.PLANNED,
      });
    }),
  );
}

export function updateSpace(ctx: Context, id: string, version: number, input: SpacePatch): Promise<ParticipatorySpace> {
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m) => {
      const space = await editableSpace(ctx, m, id);
      let sectorId: string | undefined;
      if (input.sectorSlug) {
        sectorId = await sectorIdOf(m, input.sectorSlug);
        if (!canEditSpacesOfSector(ctx, sectorId)) throw spaceErrors.outsideOwnSectors();
      }
      return updateVersioned(ctx, m, SPEC, space, version, {
        sectorId,
        title: input.title?.trim() ?? undefined,
        goal: input.goal?.trim() ?? undefined,
        description: input.description ?? undefined,
        status: input.status ?? undefined,
      });
    }),
  );
}

export function archiveSpace(ctx: Context, id: string, version: number): Promise<ParticipatorySpace> {
  return ctx.ds.transaction(async (m) =>
    updateVersioned(ctx, m, SPEC, await editableSpace(ctx, m, id), version, { archived: true }, 'ARCHIVE'),
  );
}

/** What the audit entry of a child's change records (`after`). */
type ChildChange = { [field: string]: string | null | Date | undefined };

/** Adds or removes a child row (session, participant, deliverable): audited on the space. */
async function changeChild(
  ctx: Context,
  spaceId: string,
  action: string,
  fn: (m: EntityManager, space: ParticipatorySpace) => Promise<ChildChange>,
): Promise<ParticipatorySpace> {
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m) => {
      const space = await editableSpace(ctx, m, spaceId);
      const detail = await fn(m, space);
      await audit(m, ctx, { action, entityType: SPEC.entityType, entityId: space.id, after: detail });
      return space;
    }),
  );
}

export function addSession(ctx: Context, spaceId: string, s: SessionInput) {
  return changeChild(ctx, spaceId, 'ADD_SESSION', async (m, space) => {
    if (s.endsAt && s.endsAt < s.startsAt) throw spaceErrors.endsBeforeStart({ field: 'endsAt' });
    if (s.communeCode) await assertTerritoryCodes(ctx, { commune: [s.communeCode] });
    const row = (await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO space_session (space_id, starts_at, ends_at, place, commune_code, notes)
       VALUES (${space.id}, ${s.startsAt}, ${s.endsAt ?? null}, ${s.place ?? null}, ${s.communeCode ?? null}, ${s.notes ?? null})
       RETURNING id::text`,
    ))!;
    return { sessionId: row.id, startsAt: s.startsAt, place: s.place ?? null };
  });
}

export function addParticipant(ctx: Context, spaceId: string, p: ParticipantInput) {
  return changeChild(ctx, spaceId, 'ADD_PARTICIPANT', async (m, space) => {
    if (!!p.structureId === !!p.personId) {
      throw spaceErrors.structureOrPerson({ field: 'structureId' });
    }
    const structureId = p.structureId ? rowIdOf(p.structureId, 'Structure') : null;
    const personId = p.personId ? rowIdOf(p.personId, 'Person') : null;
    const row = await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO space_participant (space_id, structure_id, person_id, role, joined_at)
       VALUES (${space.id}, ${structureId}, ${personId}, ${p.role ?? 'PARTICIPANT'}, current_date) ON CONFLICT DO NOTHING RETURNING id::text`,
    );
    // Already there: nothing changed, so nothing is audited, and the answer says so.
    if (!row) {
      throw spaceErrors.alreadyParticipant({ structure: !!structureId }, { field: structureId ? 'structureId' : 'personId' });
    }
    return { participantId: row.id, structureId, personId, role: p.role ?? 'PARTICIPANT' };
  });
}

export function addDeliverable(ctx: Context, spaceId: string, d: DeliverableInput) {
  return changeChild(ctx, spaceId, 'ADD_DELIVERABLE', async (m, space) => {
    const row = (await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO space_deliverable (space_id, title, kind, description, url, delivered_at)
       VALUES (${space.id}, ${d.title.trim()}, ${d.kind ?? 'OTHER'}, ${d.description ?? null}, ${d.url || null}, ${d.deliveredAt ?? null})
       RETURNING id::text`,
    ))!;
    return { deliverableId: row.id, title: d.title.trim() };
  });
}

const CHILD_TABLES = {
  session: sql`space_session`,
  participant: sql`space_participant`,
  deliverable: sql`space_deliverable`,
} as const;

/** Removes a session, participant or deliverable (by row id) of a space. */
export function removeChild(ctx: Context, spaceId: string, kind: keyof typeof CHILD_TABLES, childId: string) {
  if (!/^[0-9]{1,18}$/.test(childId)) throw spaceErrors.invalidChildId({ field: 'childId' });
  return changeChild(ctx, spaceId, `REMOVE_${kind.toUpperCase()}`, async (m, space) => {
    const removed = await queryRows(
      m,
      sql<{ id: string }>`DELETE FROM ${CHILD_TABLES[kind]} WHERE id = ${childId} AND space_id = ${space.id} RETURNING id::text`,
    );
    if (!removed.length) throw spaceErrors.childNotFound({ field: 'childId' });
    return { [`${kind}Id`]: childId };
  });
}
