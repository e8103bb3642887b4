import type {
  CarrierProjectEditFieldsFragment,
  CarrierProjectPatch,
  CarrierProjectStage,
  CreateCarrierProjectInput,
  ReferralStatus,
  TechnicalOpinionVerdict,
} from '../../gql/graphql';
import { TechnicalOpinionVerdictLabels } from '../../gql/labels';
import type { PickedPerson } from '../../components/PersonPicker';
import { changedKeysOf } from '../../lib/entityForm';
import { formatValue } from '@essor/web-ui';

export const CARRIER_PROJECTS_LIST = { to: '/accompagnement', label: 'Accompagnement' };

/** The pipeline, in order. */
export const STAGE_LABELS: Readonly<Record<CarrierProjectStage, string>> = {
  RECEIVED: 'Accueil',
  DIAGNOSIS: 'Diagnostic',
  REFERRED: 'Orienté',
  SUPPORTED: 'Accompagné',
  LAUNCHED: 'Créé, lancé',
  ABANDONED: 'Abandonné',
};
export const STAGES = Object.keys(STAGE_LABELS) as CarrierProjectStage[];

export const STAGE_BADGES: Readonly<Record<CarrierProjectStage, string>> = {
  RECEIVED: 'badge--pending',
  DIAGNOSIS: 'badge--pending',
  REFERRED: 'badge--draft',
  SUPPORTED: 'badge--published',
  LAUNCHED: 'badge--published',
  ABANDONED: 'badge--archived',
};

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  PROPOSED: 'Proposée',
  ACCEPTED: 'Acceptée',
  DECLINED: 'Déclinée',
  DONE: 'Terminée',
};
export const REFERRAL_STATUSES = Object.keys(REFERRAL_STATUS_LABELS) as ReferralStatus[];

export const VERDICT_LABELS = TechnicalOpinionVerdictLabels;
export const VERDICTS: TechnicalOpinionVerdict[] = ['FAVORABLE', 'RESERVED', 'UNFAVORABLE'];

/** Today in the browser's calendar (YYYY-MM-DD), the default of the forms' dates. */
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** « 12 octobre 2026 » from « 2026-10-12 » (a calendar day, no time zone). */
export function formatDay(day: string | null | undefined): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!parts) return day || '—';
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return date.toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
}

/** The project's own fields as typed; the carrier and the first day only at creation. */
export interface CarrierProjectFormValues {
  person: PickedPerson[];
  title: string;
  description: string;
  communeCode: string;
  sectorSlug: string;
  receivedOn: string;
}

export type CarrierProjectFormKey = keyof CarrierProjectFormValues;

export const CARRIER_PROJECT_FIELD_LABELS: Record<string, string> = {
  person: 'Porteur ou porteuse du projet',
  personId: 'Porteur ou porteuse du projet',
  title: 'Titre du projet',
  description: 'Description',
  communeCode: 'Code commune (INSEE)',
  sectorSlug: 'Secteur',
  sectorId: 'Secteur',
  receivedOn: 'Date d’accueil',
  stageChangedOn: 'Date d’accueil',
};

export const carrierProjectFieldLabel = (field: string) => CARRIER_PROJECT_FIELD_LABELS[field] ?? field;
export const carrierProjectFieldId = (key: CarrierProjectFormKey) => `carrier-project-${key}`;

/** API property names (errors) → form keys. */
export const CARRIER_PROJECT_API_TO_FORM: Record<string, CarrierProjectFormKey> = {
  personId: 'person',
  stageChangedOn: 'receivedOn',
  sector: 'sectorSlug',
  commune: 'communeCode',
};

/** A value of a conflict, in French. */
export const formatCarrierProjectValue = (_field: string, value: unknown): string => formatValue(value);

export const EMPTY_CARRIER_PROJECT: CarrierProjectFormValues = {
  person: [],
  title: '',
  description: '',
  communeCode: '',
  sectorSlug: '',
  receivedOn: '',
};

export function carrierProjectValuesOf(p: CarrierProjectEditFieldsFragment): CarrierProjectFormValues {
  return {
    person: [{ id: p.person.id, displayName: p.person.displayName }],
    title: p.title,
    description: p.description ?? '',
    communeCode: p.communeCode ?? '',
    sectorSlug: p.sector?.slug ?? '',
    receivedOn: '',
  };
}

/** Client-side checks the API also makes (messages in French, per field). */
export function validateCarrierProject(
  values: CarrierProjectFormValues,
  creating: boolean,
): Partial<Record<CarrierProjectFormKey, string[]>> {
  const errors: Partial<Record<CarrierProjectFormKey, string[]>> = {};
  if (creating && values.person.length !== 1) errors.person = ['Choisissez le porteur ou la porteuse du projet.'];
  const title = values.title.trim();
  if (title.length < 2 || title.length > 200) errors.title = ['Le titre doit comporter entre 2 et 200 caractères.'];
  if (values.description.trim().length > 5000) errors.description = ['La description comporte au plus 5 000 caractères.'];
  if (values.communeCode.trim() && !/^[0-9][0-9AB][0-9]{3}$/.test(values.communeCode.trim()))
    errors.communeCode = ['Le code commune INSEE comporte 5 caractères (ex. 59392).'];
  if (creating && values.receivedOn && values.receivedOn > todayIso())
    errors.receivedOn = ['Cette date ne peut pas être dans le futur.'];
  return errors;
}

/** Only the changed fields, as the API's CarrierProjectPatch (an emptied field is cleared). */
export function toCarrierProjectPatch(base: CarrierProjectFormValues, values: CarrierProjectFormValues): CarrierProjectPatch {
  const changed = new Set(changedKeysOf(base, values));
  const patch: CarrierProjectPatch = {};
  if (changed.has('title')) patch.title = values.title.trim();
  if (changed.has('description')) patch.description = values.description.trim();
  if (changed.has('communeCode')) patch.communeCode = values.communeCode.trim();
  if (changed.has('sectorSlug')) patch.sectorSlug = values.sectorSlug || null;
  return patch;
}

export function toCreateCarrierProjectInput(values: CarrierProjectFormValues): CreateCarrierProjectInput {
  const input: CreateCarrierProjectInput = { personId: values.person[0]?.id ?? '', title: values.title.trim() };
  if (values.description.trim()) input.description = values.description.trim();
  if (values.communeCode.trim()) input.communeCode = values.communeCode.trim();
  if (values.sectorSlug) input.sectorSlug = values.sectorSlug;
  if (values.receivedOn) input.stageChangedOn = values.receivedOn;
  return input;
}
