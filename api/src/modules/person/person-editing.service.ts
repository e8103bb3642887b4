import type { Context } from '../../common/context';
import { createAudited, editVersioned, type EditSpec } from '../../common/db/editing';
import { commonErrors } from '../../common/domain-error';
import { rowIdOf } from '../../common/relay/global-id';
import { PERSONAL_FIELDS } from './person-gdpr.service';
import { Person, PersonStatus } from './person.entity';
import { personErrors } from './person.errors';
import type { PersonPatch } from './person.inputs';

/** Personal fields are redacted in the audit trail, so erasure leaves nothing behind. */
const SPEC: EditSpec<Person> = { entity: Person, table: 'person', entityType: 'Person', redact: PERSONAL_FIELDS };

const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

function structureIdOf(id: string | null | undefined): string | null | undefined {
  if (id === undefined) return undefined;
  if (!id) return null;
  try {
    return rowIdOf(id, 'Structure');
  } catch {
    throw personErrors.notAStructureId({ field: 'structureId' });
  }
}

/**
 * The date of a contact (YYYY-MM-DD, midnight UTC), checked: a real date, not in the future (a day of
 * margin for the time zones). Absent or null: no contact to record.
 */
function contactDateOf(value: string | null | undefined): Date | undefined {
  if (value == null) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw commonErrors.invalidDay({ field: 'lastContactAt' });
  if (date.getTime() > Date.now() + 24 * 3600_000) throw personErrors.futureContact({ field: 'lastContactAt' });
  return date;
}

/**
 * The columns an input writes. The date of last contact (start of the retention period) only when the
 * input records a contact: a correction must not restart the retention clock.
 */
const valuesOf = (p: PersonPatch): Partial<Person> => ({
  firstName: text(p.firstName),
  lastName: text(p.lastName),
  email: text(p.email),
  phone: text(p.phone),
  jobTitle: text(p.jobTitle),
  bio: text(p.bio),
  structureId: structureIdOf(p.structureId),
  isPublic: p.isPublic ?? undefined,
  lastContactAt: contactDateOf(p.lastContactAt),
});

/** The fields that name a person: at least one of them is required. */
const NAMING_FIELDS = ['lastName', 'firstName', 'jobTitle'] as const;

/**
 * Once anonymised, a person's personal fields stay empty and they cannot be made public again:
 * retention and erasure skip anonymised persons, so personal data typed afterwards would never be
 * erased. Clearing (null or empty) is harmless and accepted.
 */
function assertNotAnonymised(current: Person, values: Partial<Person>) {
  if (!current.anonymisedAt) return;
  const refused = [...PERSONAL_FIELDS.filter((k) => values[k] != null), ...(values.isPublic ? ['isPublic'] : [])];
  if (refused.length) throw personErrors.anonymised({ field: refused[0], refusedFields: refused });
}

/** An edit may not leave a person without name, first name or job title (unless they already had none). */
function assertStillNamed(current: Person, values: Partial<Person>) {
  const had = NAMING_FIELDS.some((k) => current[k]);
  const has = NAMING_FIELDS.some((k) => (values[k] === undefined ? current[k] : values[k]));
  if (!had || has) return;
  // The field the edit emptied; once anonymised, the job title is all that names the person.
  const field = NAMING_FIELDS.find((k) => current[k] && values[k] === null)!;
  throw current.anonymisedAt ? personErrors.keepJobTitle({ field }) : personErrors.nameless({ field });
}

export function createPerson(ctx: Context, input: PersonPatch): Promise<Person> {
  const values = valuesOf(input);
  if (!NAMING_FIELDS.some((k) => values[k])) throw personErrors.nameless({ field: 'lastName' });
  // Creating a person records a contact with them: the retention period starts (unless a date is given).
  return createAudited(ctx, SPEC, { ...values, lastContactAt: values.lastContactAt ?? new Date() });
}

/**
 * CONFLICT if `version` is stale; ANONYMISED (nothing written) for personal fields of an anonymised
 * person; the date of last contact only moves when the input gives one.
 */
export function updatePerson(ctx: Context, id: string, version: number, input: PersonPatch): Promise<Person> {
  const values = valuesOf(input);
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Person'), version, (current) => {
    assertNotAnonymised(current, values);
    assertStillNamed(current, values);
    return values;
  });
}

export function archivePerson(ctx: Context, id: string, version: number): Promise<Person> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Person'), version, { status: PersonStatus.ARCHIVED }, 'ARCHIVE');
}

/** Back to the public views (if public) and the lists of facilitators; restoring an active person changes nothing. */
export function restorePerson(ctx: Context, id: string, version: number): Promise<Person> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Person'), version, { status: PersonStatus.ACTIVE }, 'RESTORE');
}
