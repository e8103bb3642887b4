import type { EntityManager } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { insertAudited, lockRow, updateVersioned, type EditSpec } from '../../common/db/editing';
import { columnsOf, hydrate } from '../../common/reads';
import { ErrorCode, ForbiddenError, UserInputError } from '../../common/errors';
import { assertOffsetPage } from '../../common/pagination/connection';
import { rowIdOf } from '../../common/relay/global-id';
import { assertTerritoryCodes, searchWords } from '../territory/territory.service';
import { perimeterOf } from '../observatory/perimeter';
import { deriveEssFamily } from './ess-family';
import { Structure, StructureStatus } from './structure.entity';
import { canEditStructure, canManageStructures, canSeeUnpublishedStructures } from './structure.permissions';
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
    throw new ForbiddenError('Seule la mission territoriale peut publier ou archiver une structure.');
  }
  if ((patch.perimeterDecision !== undefined || patch.perimeterReason !== undefined) && !canManageStructures(ctx)) {
    throw new ForbiddenError('Seule la mission territoriale décide du périmètre de l’ESS.');
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
    throw new UserInputError(ErrorCode.UNKNOWN_REFERENCE, `Tranche d'effectifs inconnue : « ${v.workforceRange} ».`, {
      field: 'workforceRange',
    });
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
      const [c] = communeCode ? await m.query('SELECT latitude, longitude FROM commune WHERE code = $1', [communeCode]) : [];
      v.latitude = c?.latitude ?? null;
      v.longitude = c?.longitude ?? null;
    }
  }
  if (patch.latitude != null || patch.longitude != null) {
    if (patch.latitude == null || patch.longitude == null) {
      throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Indiquez la latitude et la longitude ensemble.', { field: 'latitude' });
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
    throw new UserInputError(ErrorCode.BAD_USER_INPUT, 'Indiquez la raison de la décision de périmètre.', {
      field: 'perimeterReason',
    });
  }
  v.inPerimeter = perimeterOf(merged).inPerimeter;
  if (merged.status === StructureStatus.PUBLISHED && merged.diffusible === false) {
    throw new UserInputError(
      ErrorCode.BAD_USER_INPUT,
      'Cette unité est non diffusible (SIRENE) : elle ne peut pas être publiée.',
      {
        field: 'status',
      },
    );
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
      throw new UserInputError(ErrorCode.SIRET_TAKEN, 'Une autre structure porte déjà ce SIRET.', { field: 'siret' });
    }
    throw e;
  }
}

export async function createStructure(ctx: Context, patch: StructurePatch & { name: string }): Promise<Structure> {
  if (!canManageStructures(ctx)) throw new ForbiddenError();
  return guardUnique(() =>
    ctx.ds.transaction(async (m) => {
      const values = await toValues(m, ctx, patch, null);
      return insertAudited(ctx, m, STRUCTURE_SPEC, { status: StructureStatus.DRAFT, ...values });
    }),
  );
}

export async function updateStructure(ctx: Context, id: string, version: number, patch: StructurePatch): Promise<Structure> {
  const rowId = rowIdOf(id, 'Structure');
  if (!canEditStructure(ctx, { id: rowId }))
    throw new ForbiddenError('Vous ne pouvez modifier que les structures qui vous sont confiées.');
  return guardUnique(() =>
    ctx.ds.transaction(async (m) => {
      const current = await lockRow(m, STRUCTURE_SPEC, rowId);
      return updateVersioned(ctx, m, STRUCTURE_SPEC, current, version, await toValues(m, ctx, patch, current));
    }),
  );
}

export async function archiveStructure(ctx: Context, id: string, version: number): Promise<Structure> {
  if (!canManageStructures(ctx)) throw new ForbiddenError();
  return ctx.ds.transaction(async (m) => {
    const current = await lockRow(m, STRUCTURE_SPEC, rowIdOf(id, 'Structure'));
    return updateVersioned(ctx, m, STRUCTURE_SPEC, current, version, { status: StructureStatus.ARCHIVED }, 'ARCHIVE');
  });
}

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
  if (!canEditStructure(ctx, { id: rowId }))
    throw new ForbiddenError('Vous ne pouvez modifier que les structures qui vous sont confiées.');
  const [table, link, col] =
    kind === 'sector' ? ['sector', 'structure_sector', 'sector_id'] : ['network', 'network_membership', 'network_id'];
  return ctx.ds.transaction(async (m) => {
    const current = await lockRow(m, STRUCTURE_SPEC, rowId);
    const [{ ids, missing }] = await m.query(
      `SELECT ARRAY(SELECT id FROM ${table} WHERE slug = ANY($1::text[])) AS ids,
              ARRAY(SELECT s FROM unnest($1::text[]) s WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE slug = s)) AS missing`,
      [slugs],
    );
    if (missing.length) {
      throw new UserInputError(
        ErrorCode.UNKNOWN_REFERENCE,
        `${kind === 'sector' ? 'Secteur' : 'Réseau'} inconnu : « ${missing[0]} ».`,
        {
          field: kind === 'sector' ? 'sectors' : 'networks',
        },
      );
    }
    const [before]: Array<{ slugs: string[]; archived: string[] }> = await m.query(
      `SELECT ARRAY(SELECT t.slug FROM ${link} l JOIN ${table} t ON t.id = l.${col} WHERE l.structure_id = $1 ORDER BY 1) AS slugs,
              ARRAY(SELECT t.slug FROM ${link} l JOIN ${table} t ON t.id = l.${col}
                    WHERE l.structure_id = $1 AND t.status <> 'ACTIVE') AS archived`,
      [rowId],
    );
    await m.query(
      `DELETE FROM ${link} l WHERE l.structure_id = $1 AND NOT (l.${col} = ANY($2::bigint[]))
         AND EXISTS (SELECT 1 FROM ${table} t WHERE t.id = l.${col} AND t.status = 'ACTIVE')`,
      [rowId, ids],
    );
    await m.query(`INSERT INTO ${link} (structure_id, ${col}) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`, [
      rowId,
      ids,
    ]);
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

export type AdminStructureSort = 'NAME' | 'UPDATED_AT' | 'CREATED_AT';

/** Admin table: every status, offset pagination with sorting (TanStack Table asks for pages). */
export async function adminListStructures(
  ctx: Context,
  a: {
    text?: string | null;
    status?: StructureStatus[] | null;
    sort?: AdminStructureSort | null;
    descending?: boolean | null;
    page: number;
    pageSize: number;
  },
): Promise<{ totalCount: number; items: Structure[] }> {
  if (!canSeeUnpublishedStructures(ctx) && !ctx.viewer?.structureIds.length) throw new ForbiddenError();
  assertOffsetPage(a.page, a.pageSize);
  const params: unknown[] = [];
  const where: string[] = [];
  if (!canSeeUnpublishedStructures(ctx)) where.push(`t.id = ANY($${params.push(ctx.viewer!.structureIds)}::bigint[])`);
  if (a.status?.length) where.push(`t.status = ANY($${params.push(a.status)}::text[])`);
  for (const w of searchWords(a.text)) where.push(`t.search_name LIKE '%' || lower(essor_unaccent($${params.push(w)})) || '%'`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = { NAME: 't.search_name', UPDATED_AT: 't.updated_at', CREATED_AT: 't.created_at' }[a.sort ?? 'NAME'];
  const dir = a.descending ? 'DESC' : 'ASC';
  const rows: Record<string, unknown>[] = await ctx.ds.query(
    `SELECT ${columnsOf(ctx.ds, Structure, 't')}, count(*) OVER () AS __total FROM structure t ${filter}
     ORDER BY ${order} ${dir}, t.id ${dir} LIMIT $${params.push(a.pageSize)} OFFSET $${params.push(a.page * a.pageSize)}`,
    params,
  );
  let totalCount = Number(rows[0]?.__total ?? 0);
  if (!rows.length && a.page > 0) {
    const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM structure t ${filter}`, params.slice(0, -2));
    totalCount = n;
  }
  return { totalCount, items: rows.map((r) => hydrate(ctx.ds, Structure, r)) };
}
