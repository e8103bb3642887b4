import type { Context } from '../../common/context';
import { createAudited, editVersioned, type EditSpec } from '../../common/db/editing';
import { rowIdOf } from '../../common/relay/global-id';
import { PERSONAL_FIELDS } from './person-gdpr.service';
import { Person } from './person.entity';
import type { PersonPatch } from './person.inputs';

/** Personal fields are redacted in the audit trail, so erasure leaves nothing behind. */
const SPEC: EditSpec<Person> = { entity: Person, table: 'person', entityType: 'Person', redact: PERSONAL_FIELDS };

const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

const valuesOf = (p: PersonPatch): Partial<Person> => ({
  firstName: text(p.firstName),
  lastName: text(p.lastName),
  email: text(p.email),
  phone: text(p.phone),
  jobTitle: text(p.jobTitle),
  bio: text(p.bio),
  structureId: p.structureId === undefined ? undefined : p.structureId ? rowIdOf(p.structureId, 'Structure') : null,
  isPublic: p.isPublic ?? undefined,
  lastContactAt: new Date(),
});

export function createPerson(ctx: Context, input: PersonPatch): Promise<Person> {
  return createAudited(ctx, SPEC, valuesOf(input));
}

export function updatePerson(ctx: Context, id: string, version: number, input: PersonPatch): Promise<Person> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Person'), version, valuesOf(input));
}

export function archivePerson(ctx: Context, id: string, version: number): Promise<Person> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Person'), version, { status: 'ARCHIVED' }, 'ARCHIVE');
}
