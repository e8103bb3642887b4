import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/reads';
import { queryRow, sql } from '../../common/sql/sql';
import { isValidSiret, normaliseIdentifier } from './siret';
import { Structure } from './structure.entity';
import { structureErrors } from './structure.errors';
import { canSeeStructure } from './structure.permissions';

export async function findStructure(ctx: Context, id: string): Promise<Structure | null> {
  const s = await ctx.loaders.structure.byId.load(id);
  return s && canSeeStructure(ctx, s) ? s : null;
}

export async function findStructureBySiret(ctx: Context, siret: string): Promise<Structure | null> {
  const normalised = assertSiret(siret);
  const row = await queryRow(
    ctx.ds,
    sql<
      Record<string, unknown>
    >`SELECT ${sql.raw(columnsOf(ctx.ds, Structure, 't'))} FROM structure t WHERE t.siret = ${normalised}`,
  );
  const s = row ? hydrate(ctx.ds, Structure, row) : null;
  return s && canSeeStructure(ctx, s) ? s : null;
}

/** The SIRET, normalised (digits only); INVALID_SIRET unless 14 digits with a right Luhn key. */
export function assertSiret(value: string): string {
  const normalised = normaliseIdentifier(value);
  if (!isValidSiret(normalised)) throw structureErrors.invalidSiret({ field: 'siret', value: value.slice(0, 30) });
  return normalised;
}
