import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';

/**
 * Who reads the carriers' projects. They are personal data (who carries which project, where, the
 * mission's opinion of it): the mission (ADMIN) edits them and the steering committee (STEERING) reads
 * them, as it reads the persons' personal fields (person.permissions.ts). Facilitators, structure
 * editors, partners and anonymous visitors never see them, not even through `node(id:)` or
 * `Person.carrierProjects`.
 */
export const CARRIER_PROJECT_READERS = [Role.ADMIN, Role.STEERING] as const;

export const canReadCarrierProjects = (ctx: Context): boolean => hasRole(ctx.viewer, ...CARRIER_PROJECT_READERS);
