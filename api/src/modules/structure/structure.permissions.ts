import type { Context } from '../../common/context';
import { hasRole, Role } from '../../common/auth/roles';
import { StructureStatus, type Structure } from './structure.entity';

/** Who may read a structure that is not published (drafts, archives). */
export function canSeeUnpublishedStructures(ctx: Context): boolean {
  return hasRole(ctx.viewer, Role.ADMIN, Role.STEERING);
}

export function canSeeStructure(ctx: Context, s: Structure): boolean {
  return s.status === StructureStatus.PUBLISHED || canSeeUnpublishedStructures(ctx) || canEditStructure(ctx, s);
}

/** Mission admins edit every structure; a structure editor edits the structures an admin linked to them. */
export function canEditStructure(ctx: Context, s: Pick<Structure, 'id'>): boolean {
  if (hasRole(ctx.viewer, Role.ADMIN)) return true;
  return hasRole(ctx.viewer, Role.STRUCTURE_EDITOR) && ctx.viewer!.structureIds.includes(s.id);
}

/** Publishing, archiving and creating stay with the mission. */
export function canManageStructures(ctx: Context): boolean {
  return hasRole(ctx.viewer, Role.ADMIN);
}
