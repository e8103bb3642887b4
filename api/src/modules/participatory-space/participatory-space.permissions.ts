import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';

/** The mission edits every space; a sector facilitator edits the spaces of their own sectors. */
export function canEditSpacesOfSector(ctx: Context, sectorId: string): boolean {
  if (hasRole(ctx.viewer, Role.ADMIN)) return true;
  return hasRole(ctx.viewer, Role.FACILITATOR) && ctx.viewer!.sectorIds.includes(sectorId);
}
