import type { PersonEditFieldsFragment, PersonPatch } from '../../gql/graphql';
import type { PickedStructure } from '../../components/StructurePicker';
import { formatDate, formatValue } from '@essor/web-ui';
import { changedKeysOf } from '../../lib/entityForm';
import { rowIdOf } from '../../lib/ids';

/**
 * The form's values: text as typed, the public flag, the structure picked (none or one), the date of
 * the last contact (AAAA-MM-JJ, '' when none).
 */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  bio: string;
  isPublic: boolean;
  structure: PickedStructure[];
  lastContactAt: string;
}

export type PersonFormKey = keyof PersonFormValues;

/** Messages per field. */
export type PersonFormErrors = Partial<Record<PersonFormKey, string[]>>;

/** French labels of the person's fields (form, conflicts); API names included. */
export const PERSON_FIELD_LABELS: Record<string, string> = {
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'Courriel',
  phone: 'Téléphone',
  jobTitle: 'Fonction',
  bio: 'Présentation',
  isPublic: 'Profil public',
  structure: 'Structure',
  structureId: 'Structure',
  lastContactAt: 'Date du dernier contact',
  status: 'Statut',
};

export const personFieldLabel = (field: string) => PERSON_FIELD_LABELS[field] ?? field;

/** API property names (errors, conflicts) → form keys. */
export const PERSON_API_TO_FORM: Record<string, PersonFormKey> = { structureId: 'structure' };

/** The structure picker has no field of its own: its search box takes the focus. */
export const personFieldId = (key: PersonFormKey) => (key === 'structure' ? 'person-structure-search' : `person-${key}`);

export const EMPTY_PERSON: PersonFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  jobTitle: '',
  bio: '',
  isPublic: false,
  structure: [],
  lastContactAt: '',
};

export function personValuesOf(p: PersonEditFieldsFragment): PersonFormValues {
  return {
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    jobTitle: p.jobTitle ?? '',
    bio: p.bio ?? '',
    isPublic: p.isPublic,
    structure: p.structure ? [{ id: p.structure.id, name: p.structure.name }] : [],
    // The API keeps a contact date as midnight UTC: its UTC day is the date given.
    lastContactAt: p.lastContactAt ? p.lastContactAt.slice(0, 10) : '',
  };
}

export const personChangedKeys = (base: PersonFormValues, values: PersonFormValues) => changedKeysOf(base, values);

// The API's rules (PersonPatch), checked before sending; the API checks again.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[0-9 +().-]{6,25}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today, as the API dates contacts (UTC day), tomorrow included for the time zones ahead of UTC. */
const latestContactDay = () => new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);

const NAMING_KEYS = ['lastName', 'firstName', 'jobTitle'] as const;
export const NAMELESS_MESSAGE = 'Indiquez au moins un nom, un prénom ou une fonction.';
export const ANONYMISED_NAMELESS_MESSAGE = 'Gardez une fonction : les nom et prénom de cette personne ont été effacés (RGPD).';

/**
 * Client-side checks (messages in French, per field), the API's rules: a new person needs a name, a
 * first name or a job title (the message under the name); an edit (`base`: the values it started
 * from) may not empty the last of them (the message under the field emptied; once anonymised, only
 * the job title is left). A person who had none (older records) may still be edited.
 */
export function validatePerson(
  values: PersonFormValues,
  base: PersonFormValues | null = null,
  anonymised = false,
): PersonFormErrors {
  const errors: PersonFormErrors = {};
  const add = (key: PersonFormKey, message: string) => (errors[key] ??= []).push(message);
  const firstName = values.firstName.trim();
  const lastName = values.lastName.trim();
  const email = values.email.trim();
  const phone = values.phone.trim();
  const contact = values.lastContactAt.trim();
  if (firstName.length > 100) add('firstName', 'Le prénom comporte au plus 100 caractères.');
  if (lastName.length > 100) add('lastName', 'Le nom comporte au plus 100 caractères.');
  const named = (v: PersonFormValues) => NAMING_KEYS.some((k) => v[k].trim());
  if (!named(values)) {
    if (!base) add('lastName', NAMELESS_MESSAGE);
    else if (named(base)) {
      const emptied = NAMING_KEYS.find((k) => base[k].trim()) ?? 'lastName';
      add(emptied, anonymised ? ANONYMISED_NAMELESS_MESSAGE : NAMELESS_MESSAGE);
    }
  }
  if (email && !EMAIL.test(email)) add('email', "L'adresse e-mail n'est pas valide.");
  else if (email.length > 200) add('email', "L'adresse e-mail comporte au plus 200 caractères.");
  if (phone && !PHONE.test(phone)) add('phone', "Le numéro de téléphone n'est pas valide.");
  if (values.jobTitle.trim().length > 200) add('jobTitle', 'La fonction comporte au plus 200 caractères.');
  if (values.bio.trim().length > 5000) add('bio', 'La présentation comporte au plus 5 000 caractères.');
  if (values.structure.length > 1) add('structure', 'Une seule structure.');
  if (contact && !DAY.test(contact)) add('lastContactAt', 'La date du dernier contact a la forme AAAA-MM-JJ.');
  else if (contact > latestContactDay()) add('lastContactAt', 'La date du dernier contact ne peut pas être dans le futur.');
  else if (!contact && base?.lastContactAt)
    add('lastContactAt', 'La date du dernier contact ne s’efface pas : elle fait courir la durée de conservation.');
  return errors;
}

/** Text as the API takes it: trimmed, an emptied field is cleared (null). */
const textOf = (v: string) => v.trim() || null;

/** Only the changed fields, as the API's PersonPatch. */
export function toPersonPatch(base: PersonFormValues, values: PersonFormValues): PersonPatch {
  const patch: PersonPatch = {};
  for (const key of personChangedKeys(base, values)) {
    if (key === 'isPublic') patch.isPublic = values.isPublic;
    else if (key === 'structure') patch.structureId = values.structure[0]?.id ?? null;
    // A contact recorded: the retention period starts again from it (never sent otherwise).
    else if (key === 'lastContactAt') patch.lastContactAt = textOf(values.lastContactAt);
    else patch[key] = textOf(values[key]);
  }
  return patch;
}

/** The filled fields only (without a date of last contact, the API takes the day of the creation). */
export function toCreatePersonInput(values: PersonFormValues): PersonPatch {
  const input: PersonPatch = {};
  for (const key of ['firstName', 'lastName', 'email', 'phone', 'jobTitle', 'bio', 'lastContactAt'] as const) {
    const v = textOf(values[key]);
    if (v) input[key] = v;
  }
  if (values.isPublic) input.isPublic = true;
  if (values.structure[0]) input.structureId = values.structure[0].id;
  return input;
}

/**
 * A value of a conflict, in French. The API gives the structure by its row id: those the page
 * knows (loaded or picked) by their name, the others by their number.
 */
export function personValueFormatter(known: readonly PickedStructure[]) {
  const names = new Map(known.map((s) => [rowIdOf(s.id, 'Structure') ?? s.id, s.name]));
  return (field: string, value: unknown): string => {
    if (field === 'structureId' || field === 'structure')
      return value === null || value === undefined || value === ''
        ? '(aucune)'
        : (names.get(String(value)) ?? `structure n° ${String(value)}`);
    if (field === 'lastContactAt' && typeof value === 'string' && value) return formatDate(value);
    return formatValue(value);
  };
}
