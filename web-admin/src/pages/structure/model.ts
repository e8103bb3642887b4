import type {
  CreateStructureInput,
  EssFamily,
  StructureEditFieldsFragment,
  StructurePatch,
  StructureStatus,
} from '../../gql/graphql';
import { changedKeysOf } from '../../lib/entityForm';

/** The form's values: strings as typed, booleans, slugs. */
export interface StructureFormValues {
  name: string;
  siret: string;
  legalCategory: string;
  /** '' = the family follows the legal category (rule). */
  essFamilyOverride: string;
  nafCode: string;
  workforceRange: string;
  volunteerCount: string;
  address: string;
  postalCode: string;
  communeCode: string;
  website: string;
  email: string;
  phone: string;
  description: string;
  services: string;
  values: string;
  acceptsInterns: boolean;
  seeksVolunteers: boolean;
  esus: boolean;
  status: string;
  markVerified: boolean;
  sectors: string[];
  networks: string[];
}

export type FormKey = keyof StructureFormValues;

const TEXT_KEYS = [
  'name',
  'siret',
  'legalCategory',
  'nafCode',
  'workforceRange',
  'address',
  'postalCode',
  'communeCode',
  'website',
  'email',
  'phone',
  'description',
  'services',
  'values',
] as const;

/** Form key → StructurePatch key, where they differ (none today: the API's input names are the form's). */
const PATCH_KEY: Partial<Record<FormKey, keyof StructurePatch>> = {};

/** API property names (errors, conflicts) → form keys. */
export const API_TO_FORM: Record<string, FormKey> = {
  valuesStatement: 'values',
  values: 'values',
  clearEssFamilyOverride: 'essFamilyOverride',
  sectorSlugs: 'sectors',
  codes: 'sectors',
};

export const EMPTY_VALUES: StructureFormValues = {
  name: '',
  siret: '',
  legalCategory: '',
  essFamilyOverride: '',
  nafCode: '',
  workforceRange: '',
  volunteerCount: '',
  address: '',
  postalCode: '',
  communeCode: '',
  website: '',
  email: '',
  phone: '',
  description: '',
  services: '',
  values: '',
  acceptsInterns: false,
  seeksVolunteers: false,
  esus: false,
  status: 'DRAFT',
  markVerified: false,
  sectors: [],
  networks: [],
};

export function valuesOf(s: StructureEditFieldsFragment): StructureFormValues {
  return {
    name: s.name,
    siret: s.siret ?? '',
    legalCategory: s.legalCategory ?? '',
    essFamilyOverride: s.essFamilyOverride ?? '',
    nafCode: s.nafCode ?? '',
    workforceRange: s.workforceRange ?? '',
    volunteerCount: s.volunteerCount == null ? '' : String(s.volunteerCount),
    address: s.address ?? '',
    postalCode: s.postalCode ?? '',
    communeCode: s.communeCode ?? '',
    website: s.website ?? '',
    email: s.email ?? '',
    phone: s.phone ?? '',
    description: s.description ?? '',
    services: s.services ?? '',
    values: s.values ?? '',
    acceptsInterns: s.acceptsInterns,
    seeksVolunteers: s.seeksVolunteers,
    esus: s.esus,
    status: s.status,
    markVerified: false,
    sectors: s.sectors.map((x) => x.slug).sort(),
    networks: s.networks.map((x) => x.slug).sort(),
  };
}

/** The keys the person changed (compared with what was loaded). */
export const changedKeys = (base: StructureFormValues, values: StructureFormValues): FormKey[] => changedKeysOf(base, values);

/** Client-side checks the API would also make (messages in French, per field). */
export function validate(values: StructureFormValues): Partial<Record<FormKey, string[]>> {
  const errors: Partial<Record<FormKey, string[]>> = {};
  if (values.name.trim().length < 2) errors.name = ['Indiquez le nom de la structure (2 caractères au moins).'];
  if (values.volunteerCount.trim() && !/^[0-9]+$/.test(values.volunteerCount.trim())) {
    errors.volunteerCount = ['Indiquez un nombre entier positif.'];
  }
  return errors;
}

/** Only the changed fields, as the API's StructurePatch. */
export function toPatch(base: StructureFormValues, values: StructureFormValues, canPublish: boolean): StructurePatch {
  const patch: StructurePatch = {};
  const set = (k: FormKey, v: unknown) => {
    (patch as Record<string, unknown>)[PATCH_KEY[k] ?? k] = v;
  };
  const changed = new Set(changedKeys(base, values));
  for (const k of TEXT_KEYS) if (changed.has(k)) set(k, values[k].trim());
  if (changed.has('volunteerCount')) {
    const v = values.volunteerCount.trim();
    patch.volunteerCount = v ? Number.parseInt(v, 10) : null;
  }
  if (changed.has('essFamilyOverride')) {
    if (values.essFamilyOverride) patch.essFamilyOverride = values.essFamilyOverride as EssFamily;
    else patch.clearEssFamilyOverride = true;
  }
  for (const k of ['acceptsInterns', 'seeksVolunteers', 'esus'] as const) if (changed.has(k)) patch[k] = values[k];
  if (canPublish && changed.has('status')) patch.status = values.status as StructureStatus;
  if (values.markVerified) patch.markVerified = true;
  return patch;
}

/** A new structure: every filled field. */
export function toCreateInput(values: StructureFormValues, canPublish: boolean): CreateStructureInput {
  const patch = toPatch({ ...EMPTY_VALUES, status: '' }, values, canPublish);
  delete patch.clearEssFamilyOverride;
  return { ...patch, name: values.name.trim() };
}
