import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { PersonStatus, type Person } from './person.entity';

/**
 * Personal fields (names, e-mail, phone, bio) are shown when the person chose to be
 * public and is active (archived persons leave the public views, wherever they are
 * reached from: a structure's contacts, a mentor offer…), or to the mission (admin) and
 * the steering committee. Anonymous visitors and partner systems never read a personal
 * field that was not made public.
 */
export function canSeePersonalData(ctx: Context, person: Person): boolean {
  if (person.isPublic && person.status === PersonStatus.ACTIVE) return true;
  return !!ctx.viewer?.roles.some((r) => r === Role.ADMIN || r === Role.STEERING);
}

export function canListPrivatePersons(ctx: Context): boolean {
  return !!ctx.viewer?.roles.some((r) => r === Role.ADMIN || r === Role.STEERING);
}
