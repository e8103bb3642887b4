import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/db/rows';
import { ErrorCode, UserInputError } from '../../common/errors';
import { isValidSiret, normaliseIdentifier } from './siret';
import { Structure } from './structure.entity';
import { canSeeStructure } from './structure.permissions';

export async function findStructure(ctx: Context, id: string): Promise<Structure | null> {
  const s = await ctx.loaders.structure.byId.load(id);
  return s && canSeeStructure(ctx, s) ? s : null;
}

export async function findStructureBySiret(ctx: Context, siret: string): Promise<Structure | null> {
  const normalised = assertSiret(siret);
  const [row] = await ctx.ds.query(`SELECT ${columnsOf(ctx.ds, Structure, 't')} FROM structure t WHERE t.siret = $1`, [
    normalised,
  ]);
  const s = row ? hydrate(ctx.ds, Structure, row) : null;
  return s && canSeeStructure(ctx, s) ? s : null;
}

export function assertSiret(value: string): string {
  const normalised = normaliseIdentifier(value);
  if (!isValidSiret(normalised)) {
    throw new UserInputError(
      ErrorCode.INVALID_SIRET,
      'Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.',
      { field: 'siret', value: value.slice(0, 30) },
    );
  }
  return normalised;
}
