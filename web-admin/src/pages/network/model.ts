import type { CreateNetworkInput, NetworkEditFieldsFragment, NetworkKind, NetworkPatch, NetworkScope } from '../../gql/graphql';
import { NetworkKindLabels, NetworkScopeLabels } from '../../gql/labels';
import { SLUG_PATTERN, changedKeysOf } from '../../lib/entityForm';
import { formatValue } from '@essor/web-ui';

export const NETWORK_KIND_LABELS = NetworkKindLabels;
export const NETWORK_KINDS: NetworkKind[] = ['REGIONAL_CHAMBER', 'FEDERATION', 'NATIONAL_NETWORK', 'LOCAL_NETWORK', 'OTHER'];

export const NETWORK_SCOPE_LABELS = NetworkScopeLabels;
export const NETWORK_SCOPES: NetworkScope[] = ['LOCAL', 'DEPARTEMENT', 'REGION', 'NATIONAL'];

/** The form's values: text as typed, codes of the lists. */
export interface NetworkFormValues {
  slug: string;
  name: string;
  acronym: string;
  kind: string;
  scope: string;
  description: string;
  website: string;
}

export type NetworkFormKey = keyof NetworkFormValues;

export const NETWORK_FORM_KEYS: readonly NetworkFormKey[] = [
  'slug',
  'name',
  'acronym',
  'kind',
  'scope',
  'description',
  'website',
];

export const NETWORK_FIELD_LABELS: Record<string, string> = {
  slug: 'Code',
  name: 'Nom',
  acronym: 'Sigle',
  kind: 'Type de réseau',
  scope: 'Échelle',
  description: 'Description',
  website: 'Site web',
  status: 'Statut',
};

export const networkFieldLabel = (field: string) => NETWORK_FIELD_LABELS[field] ?? field;

/** A value of a conflict, in French (kinds and scopes by their label). */
export function formatNetworkValue(field: string, value: unknown): string {
  if (field === 'kind' && typeof value === 'string') return NETWORK_KIND_LABELS[value as NetworkKind] ?? value;
  if (field === 'scope' && typeof value === 'string') return NETWORK_SCOPE_LABELS[value as NetworkScope] ?? value;
  return formatValue(value);
}

export const networkFieldId = (key: NetworkFormKey) => `network-${key}`;

export const EMPTY_NETWORK: NetworkFormValues = {
  slug: '',
  name: '',
  acronym: '',
  kind: 'LOCAL_NETWORK',
  scope: 'LOCAL',
  description: '',
  website: '',
};

export function networkValuesOf(n: NetworkEditFieldsFragment): NetworkFormValues {
  return {
    slug: n.slug,
    name: n.name,
    acronym: n.acronym ?? '',
    kind: n.kind,
    scope: n.scope,
    description: n.description ?? '',
    website: n.website ?? '',
  };
}

export const networkChangedKeys = (base: NetworkFormValues, values: NetworkFormValues) => changedKeysOf(base, values);

/** Client-side checks the API also makes (messages in French, per field). */
export function validateNetwork(values: NetworkFormValues, creating: boolean): Partial<Record<NetworkFormKey, string[]>> {
  const errors: Partial<Record<NetworkFormKey, string[]>> = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 200) errors.name = ['Le nom doit comporter entre 2 et 200 caractères.'];
  if (creating && !SLUG_PATTERN.test(values.slug.trim())) {
    errors.slug = ['Le code ne contient que des minuscules, chiffres et tirets (ex. cress-hdf).'];
  }
  if (values.acronym.trim().length > 30) errors.acronym = ['Le sigle comporte 30 caractères au plus.'];
  const website = values.website.trim();
  if (website && !/^https?:\/\/\S+$/.test(website)) {
    errors.website = ["L'adresse du site doit commencer par http:// ou https://."];
  }
  return errors;
}

/** Only the changed fields, as the API's NetworkPatch (an emptied sigle or site is removed). */
export function toNetworkPatch(base: NetworkFormValues, values: NetworkFormValues): NetworkPatch {
  const changed = new Set(networkChangedKeys(base, values));
  const patch: NetworkPatch = {};
  if (changed.has('name')) patch.name = values.name.trim();
  if (changed.has('acronym')) patch.acronym = values.acronym.trim();
  if (changed.has('kind')) patch.kind = values.kind as NetworkKind;
  if (changed.has('scope')) patch.scope = values.scope as NetworkScope;
  if (changed.has('description')) patch.description = values.description.trim();
  if (changed.has('website')) patch.website = values.website.trim();
  return patch;
}

export function toCreateNetworkInput(values: NetworkFormValues): CreateNetworkInput {
  const input: CreateNetworkInput = {
    slug: values.slug.trim(),
    name: values.name.trim(),
    kind: values.kind as NetworkKind,
    scope: values.scope as NetworkScope,
  };
  if (values.acronym.trim()) input.acronym = values.acronym.trim();
  if (values.description.trim()) input.description = values.description.trim();
  if (values.website.trim()) input.website = values.website.trim();
  return input;
}
