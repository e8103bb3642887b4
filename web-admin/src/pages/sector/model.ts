import type { CreateSectorInput, SectorEditFieldsFragment, SectorPatch } from '../../gql/graphql';
import type { PickedPerson } from '../../components/PersonPicker';
import { SLUG_PATTERN, changedKeysOf } from '../../lib/entityForm';
import { formatValue } from '@essor/web-ui';
import { rowIdOf } from '../../lib/ids';

/** The form's values: text as typed, the facilitators picked. */
export interface SectorFormValues {
  slug: string;
  name: string;
  description: string;
  facilitators: PickedPerson[];
}

export type SectorFormKey = keyof SectorFormValues;

export const SECTOR_FORM_KEYS: readonly SectorFormKey[] = ['slug', 'name', 'description', 'facilitators'];

/** French labels of the sector's fields (form, conflicts). */
export const SECTOR_FIELD_LABELS: Record<string, string> = {
  slug: 'Code',
  name: 'Nom',
  description: 'Description',
  facilitators: 'Animateurs et animatrices',
  status: 'Statut',
};

export const sectorFieldLabel = (field: string) => SECTOR_FIELD_LABELS[field] ?? field;

/**
 * A value of a conflict, in French. The API lists the facilitators by person row id: those the
 * page knows (loaded or picked) by their name, the others by their number.
 */
export function sectorValueFormatter(known: readonly PickedPerson[]) {
  const names = new Map(known.map((p) => [rowIdOf(p.id, 'Person') ?? p.id, p.displayName]));
  return (field: string, value: unknown): string =>
    field === 'facilitators' && Array.isArray(value)
      ? value.length
        ? value.map((id) => names.get(String(id)) ?? `personne n° ${String(id)}`).join(', ')
        : '(aucun)'
      : formatValue(value);
}

/** API property names (errors) → form keys. */
export const SECTOR_API_TO_FORM: Record<string, SectorFormKey> = { personIds: 'facilitators' };

export const sectorFieldId = (key: SectorFormKey) => `sector-${key}`;

export const EMPTY_SECTOR: SectorFormValues = { slug: '', name: '', description: '', facilitators: [] };

export function sectorValuesOf(s: SectorEditFieldsFragment): SectorFormValues {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description ?? '',
    facilitators: s.facilitators.map((p) => ({ id: p.id, displayName: p.displayName })),
  };
}

export const sectorChangedKeys = (base: SectorFormValues, values: SectorFormValues) => changedKeysOf(base, values);

/** Client-side checks the API also makes (messages in French, per field). */
export function validateSector(values: SectorFormValues, creating: boolean): Partial<Record<SectorFormKey, string[]>> {
  const errors: Partial<Record<SectorFormKey, string[]>> = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = ['Le nom doit comporter entre 2 et 120 caractères.'];
  if (creating && !SLUG_PATTERN.test(values.slug.trim())) {
    errors.slug = ['Le code ne contient que des minuscules, chiffres et tirets (ex. services-a-la-personne).'];
  }
  if (values.facilitators.length > 20) errors.facilitators = ['Au plus 20 animateurs.'];
  return errors;
}

/** Only the changed fields, as the API's SectorPatch (the facilitators have their own mutation). */
export function toSectorPatch(base: SectorFormValues, values: SectorFormValues): SectorPatch {
  const changed = new Set(sectorChangedKeys(base, values));
  const patch: SectorPatch = {};
  if (changed.has('name')) patch.name = values.name.trim();
  if (changed.has('description')) patch.description = values.description.trim();
  return patch;
}

export function toCreateSectorInput(values: SectorFormValues): CreateSectorInput {
  const input: CreateSectorInput = { slug: values.slug.trim(), name: values.name.trim() };
  if (values.description.trim()) input.description = values.description.trim();
  return input;
}
