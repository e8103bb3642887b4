import type { EntityManager } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { insertAudited, lockRow, updateVersioned, type EditSpec } from '../../common/db/editing';
import { commonErrors } from '../../common/domain-error';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { rowIdOf } from '../../common/relay/global-id';
import { assertTerritoryCodes } from '../territory/territory.service';
import { perimeterOf } from './perimeter';
import { deriveEssFamily } from './ess-family';
import { Structure, StructureStatus } from './structure.entity';
import { canEditStructure, canManageStructures } from './structure.permissions';
import { structureErrors } from './structure.errors';
import { assertSiret } from './structure.service';
import type { StructurePatch } from './structure.inputs';
import { WORKFORCE_RANGES } from './workforce-range';

export const STRUCTURE_SPEC: EditSpec<Structure> = { entity: Structure, table: 'structure', entityType: 'Structure' };

const blankToNull = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();

/** Validates a patch against the current row and turns it into column values (derived fields included). */
export async function toValues(
  m: EntityManager,
  ctx: Context,
  patch: StructurePatch,
  current: Structure | null,
): Promise<Partial<Structure>> {
  if (patch.status != null && !canManageStructures(ctx)) {
    throw structureErrors.statusByMissionOnly();
  }
  if ((patch.perimeterDecision !== undefined || patch.perimeterReason !== undefined) && !canManageStructures(ctx)) {
    throw structureErrors.perimeterByMissionOnly();
  }
  const v: Partial<Structure> = {
    name: patch.name?.trim() ?? undefined,
    legalCategory: blankToNull(patch.legalCategory),
    nafCode: blankToNull(patch.nafCode),
    workforceRange: blankToNull(patch.workforceRange),
    volunteerCount: patch.volunteerCount ?? undefined,
    address: blankToNull(patch.address),
    postalCode: blankToNull(patch.postalCode),
    website: blankToNull(patch.website),
    email: blankToNull(patch.email),
    phone: blankToNull(patch.phone),
    description: blankToNull(patch.description),
    services: blankToNull(patch.services),
    valuesStatement: blankToNull(patch.values),
    acceptsInterns: patch.acceptsInterns ?? undefined,
    seeksVolunteers: patch.seeksVolunteers ?? undefined,
    esus: patch.esus ?? undefined,
    status: patch.status ?? undefined,
    essFamilyOverride: patch.clearEssFamilyOverride ? null : (patch.essFamilyOverride ?? undefined),
    lastVerifiedAt: patch.markVerified ? new Date() : undefined,
    employeesDeclared: patch.employeesDeclared ?? undefined,
    perimeterDecision:
      patch.perimeterDecision === undefined
        ? undefined
        : ((blankToNull(patch.perimeterDecision) as 'INCLUDE' | 'EXCLUDE' | null) ?? null),
    perimeterReason: blankToNull(patch.perimeterReason),
  };
  if (v.workforceRange && !WORKFORCE_RANGES.includes(v.workforceRange)) {
    throw structureErrors.unknownWorkforceRange({ code: v.workforceRange }, { field: 'workforceRange' });
  }
  if (patch.siret !== undefined) {
    const siret = blankToNull(patch.siret);
    v.siret = siret ? assertSiret(siret) : null;
    v.siren = v.siret ? v.siret.slice(0, 9) : null;
  }
  const communeCode = blankToNull(patch.communeCode);
  if (communeCode !== undefined) {
    if (communeCode) await assertTerritoryCodes(ctx, { commune: [communeCode] });
    v.communeCode = communeCode;
    if (communeCode !== current?.communeCode && patch.latitude == null && patch.longitude == null) {
      // A new commune without coordinates: place the structure at the commune's centroid (if known).
      const c = communeCode
        ? await queryRow(
            m,
            sql<{
              latitude: number | null;
              longitude: number | null;
            }>`SELECT latitude, longitude FROM commune WHERE code = ${communeCode}`,
          )
        : null;
      v.latitude = c?.latitude ?? null;
      v.longitude = c?.longitude ?? null;
    }
  }
  if (patch.latitude != null || patch.longitude != null) {
    if (patch.latitude == null || patch.longitude == null) {
      throw structureErrors.latitudeWithoutLongitude({ field: 'latitude' });
    }
    v.latitude = patch.latitude;
    v.longitude = patch.longitude;
  }
  const merged = { ...current, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) } as Structure;
  v.essFamily = deriveEssFamily({
    legalCategory: merged.legalCategory,
    override: merged.essFamilyOverride,
    essFlag: !!merged.esus || !!merged.sireneEssFlag,
  }).family;
  if (merged.perimeterDecision && !merged.perimeterReason) {
    throw structureErrors.perimeterReasonRequired({ field: 'perimeterReason' });
  }
  v.inPerimeter = perimeterOf(merged).inPerimeter;
  if (merged.status === StructureStatus.PUBLISHED && merged.diffusible === false) {
    throw structureErrors.notDiffusible({ field: 'status' });
  }
  return v;
}

/** Unique violations become typed errors. */
export async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = e as { code?: string; constraint?: string };
    if (err.code === '23505' && err.constraint === 'structure_siret_key') {
      throw structureErrors.siretTaken({ field: 'siret' });
    }
    throw e;
  }
}

export async function createStructure(ctx: Context, patch: StructurePatch & { name: string }): Promise<Structure> {
  if (!canManageStructures(ctx)) throw commonErrors.forbidden();
  return guardUnique(() =>
    ctx.ds.transaction(async (m) => {
      const values = await toValues(m, ctx, patch, null);
      return insertAudited(ctx, m, STRUCTURE_SPEC, { status: StructureStatus.DRAFT, ...values });
    }),
  );
}

export async function updateStructure(ctx: Context, id: string, version: number, patch: StructurePatch): Promise<Structure> {
  const rowId = rowIdOf(id, 'Structure');
  if (!canEditStructure(ctx, { id: rowId })) throw structureErrors.notEntrusted();
  return guardUnique(() =>
    ctx.ds.transaction(async (m) => {
      const current = await lockRow(m, STRUCTURE_SPEC, rowId);
      return updateVersioned(ctx, m, STRUCTURE_SPEC, current, version, await toValues(m, ctx, patch, current));
    }),
  );
}

export async function archiveStructure(ctx: Context, id: string, version: number): Promise<Structure> {
  if (!canManageStructures(ctx)) throw commonErrors.forbidden();
  return ctx.ds.transaction(async (m) => {
    const current = await lockRow(m, STRUCTURE_SPEC, rowIdOf(id, 'Structure'));
    return updateVersioned(ctx, m, STRUCTURE_SPEC, current, version, { status: StructureStatus.ARCHIVED }, 'ARCHIVE');
  });
}

/** The link table of each kind (constant identifiers). */
const LINKS = {
  sector: { table: sql.raw('sector'), link: sql.raw('structure_sector'), col: sql.raw('sector_id') },
  network: { table: sql.raw('network'), link: sql.raw('network_membership'), col: sql.raw('network_id') },
} as const;

/**
 * Replaces the sectors (slugs) or the networks (slugs) of a structure; audited as one change.
 * Links to archived sectors or networks are kept: the structure's lists show only active ones,
 * so a list read, edited and written back must not drop them.
 */
export async function setStructureLinks(
  ctx: Context,
  id: string,
  kind: 'sector' | 'network',
  slugs: string[],
): Promise<Structure> {
  const rowId = rowIdOf(id, 'Structure');
  if (!canEditStructure(ctx, { id: rowId })) throw structureErrors.notEntrusted();
  const { table, link, col } = LINKS[kind];
  return ctx.ds.transaction(async (m) => {
    const current = await lockRow(m, STRUCTURE_SPEC, rowId);
    const found = (await queryRow(
      m,
      sql<{ ids: string[]; missing: string[] }>`SELECT ARRAY(SELECT id FROM ${table} WHERE slug = ANY(${slugs}::text[])) AS ids,
              ARRAY(SELECT s FROM unnest(${slugs}::text[]) s WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE slug = s)) AS missing`,
    ))!;
    if (found.missing.length) {
      throw structureErrors.unknownLink({ kind, code: found.missing[0] }, { field: kind === 'sector' ? 'sectors' : 'networks' });
    }
    const before = (await queryRow(
      m,
      sql<{ slugs: string[]; archived: string[] }>`SELECT
         ARRAY(SELECT t.slug FROM ${link} l JOIN ${table} t ON t.id = l.${col} WHERE l.structure_id = ${rowId} ORDER BY 1) AS slugs,
         ARRAY(SELECT t.slug FROM ${link} l JOIN ${table} t ON t.id = l.${col}
               WHERE l.structure_id = ${rowId} AND t.status <> 'ACTIVE') AS archived`,
    ))!;
    await queryRows(
      m,
      sql`DELETE FROM ${link} l WHERE l.structure_id = ${rowId} AND NOT (l.${col} = ANY(${found.ids}::bigint[]))
         AND EXISTS (SELECT 1 FROM ${table} t WHERE t.id = l.${col} AND t.status = 'ACTIVE')`,
    );
    await queryRows(
      m,
      sql`INSERT INTO ${link} (structure_id, ${col}) SELECT ${rowId}, unnest(${found.ids}::bigint[]) ON CONFLICT DO NOTHING`,
    );
    await audit(m, ctx, {
      action: kind === 'sector' ? 'SET_SECTORS' : 'SET_NETWORKS',
      entityType: 'Structure',
      entityId: rowId,
      before: { [kind === 'sector' ? 'sectors' : 'networks']: before.slugs },
      after: { [kind === 'sector' ? 'sectors' : 'networks']: [...new Set([...slugs, ...before.archived])].sort() },
    });
    return current;
  });
}
