import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import type { Connection } from '../../common/pagination/connection';
import { sql } from '../../common/sql/sql';
import { Person, PersonStatus } from './person.entity';
import { canListPrivatePersons, canSeePersonalData } from './person.permissions';

/** Persons by id; anonymous visitors only list the persons who chose to be public. */
export function listPersons(ctx: Context, args: { first?: number | null; after?: string | null }): Promise<Connection<Person>> {
  const where = canListPrivatePersons(ctx) ? [] : [sql`t.is_public`, sql`t.status = 'ACTIVE'`];
  return idPage(ctx.ds, Person, { table: 'person', where, first: args.first, after: args.after });
}

export async function findPerson(ctx: Context, id: string): Promise<Person | null> {
  const p = await ctx.loaders.person.byId.load(id);
  return p && ((p.isPublic && p.status === PersonStatus.ACTIVE) || canListPrivatePersons(ctx)) ? p : null;
}

/**
 * The contact persons of a structure: archived persons are no longer contacts for the public (they
 * would show as nameless entries); the mission and the steering committee still see them.
 */
export async function contactsOf(ctx: Context, structureId: string): Promise<Person[]> {
  const persons = await ctx.loaders.person.byStructureId.load(structureId);
  return canListPrivatePersons(ctx) ? persons : persons.filter((p) => p.status === PersonStatus.ACTIVE);
}

/** A personal field as the viewer may see it. */
export function personalField<K extends 'firstName' | 'lastName' | 'email' | 'phone' | 'bio'>(ctx: Context, p: Person, key: K) {
  return canSeePersonalData(ctx, p) ? p[key] : null;
}

export function displayName(ctx: Context, p: Person): string {
  if (!canSeePersonalData(ctx, p)) return p.jobTitle ? `${p.jobTitle} (coordonnées non publiques)` : 'Contact non public';
  return [p.firstName, p.lastName].filter(Boolean).join(' ') || p.jobTitle || 'Sans nom';
}

/** The status, for the mission and the steering committee; null for the others (who only list public active persons). */
export function personStatus(ctx: Context, p: Person): PersonStatus | null {
  return canListPrivatePersons(ctx) ? p.status : null;
}

/** The start of the retention period, for the mission and the steering committee only. */
export function personLastContactAt(ctx: Context, p: Person): Date | null {
  return canListPrivatePersons(ctx) ? p.lastContactAt : null;
}
