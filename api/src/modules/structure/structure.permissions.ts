import type { Context } from '../../common/context';
import { Role } from '../../common/auth/roles';
import { StructureStatus, type Structure } from './structure.entity';

/** Who may read a structure that is not published (drafts, archives). */
export function canSeeUnpublishedStructures(ctx: Context): boolean {
  return !!ctx.viewer?.roles.some((r) => r === Role.ADMIN || r === Role.STEERING);
}

export function canSeeStructure(ctx: Context, s: Structure): boolean {
  return s.status === StructureStatus.PUBLISHED || canSeeUnpublishedStructures(ctx);
}
