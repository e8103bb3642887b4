import type {
  CreateMentorOfferInput,
  MentorOfferEditFieldsFragment,
  MentorOfferPatch,
  MentorOfferStatus,
  MentorTheme,
} from '../../gql/graphql';
import { MentorOfferStatusLabels, MentorThemeLabels } from '../../gql/labels';
import type { PickedPerson } from '../../components/PersonPicker';
import { changedKeysOf } from '../../lib/entityForm';
import { formatValue } from '@essor/web-ui';

export const MENTOR_THEME_LABELS = MentorThemeLabels;
/** In the schema's order (alphabetical, as the labels). */
export const MENTOR_THEMES = Object.keys(MENTOR_THEME_LABELS) as MentorTheme[];

export const MENTOR_OFFER_STATUS_LABELS = MentorOfferStatusLabels;
export const MENTOR_OFFER_STATUSES: MentorOfferStatus[] = ['OPEN', 'FULL', 'CLOSED'];

/** Badge colour of each status (the structure statuses' classes). */
export const MENTOR_OFFER_STATUS_BADGES: Readonly<Record<MentorOfferStatus, string>> = {
  OPEN: 'badge--published',
  FULL: 'badge--draft',
  CLOSED: 'badge--archived',
};

export const themeList = (themes: readonly string[]) => themes.map((t) => MENTOR_THEME_LABELS[t as MentorTheme] ?? t).join(', ');

/** The form's values: text as typed, theme codes, the mentor picked (creation only). */
export interface MentorOfferFormValues {
  mentor: PickedPerson[];
  title: string;
  themes: string[];
  availability: string;
  description: string;
  status: string;
}

export type MentorOfferFormKey = keyof MentorOfferFormValues;

export const MENTOR_OFFER_FORM_KEYS: readonly MentorOfferFormKey[] = [
  'mentor',
  'title',
  'themes',
  'availability',
  'description',
  'status',
];

export const MENTOR_OFFER_FIELD_LABELS: Record<string, string> = {
  mentor: 'Tuteur ou tutrice',
  title: 'Titre',
  themes: 'Thèmes',
  availability: 'Disponibilité',
  description: 'Description',
  status: 'Statut',
};

export const mentorOfferFieldLabel = (field: string) => MENTOR_OFFER_FIELD_LABELS[field] ?? field;

/** API property names (errors) → form keys. */
export const MENTOR_OFFER_API_TO_FORM: Record<string, MentorOfferFormKey> = { mentorId: 'mentor' };

/** A value of a conflict, in French (themes and status by their label). */
export function formatMentorOfferValue(field: string, value: unknown): string {
  if (field === 'themes' && Array.isArray(value)) return value.length ? themeList(value as string[]) : '(aucun)';
  if (field === 'status' && typeof value === 'string') return MENTOR_OFFER_STATUS_LABELS[value as MentorOfferStatus] ?? value;
  return formatValue(value);
}

export const mentorOfferFieldId = (key: MentorOfferFormKey) => `mentor-offer-${key}`;

/** Where a message of the error summary leads: the field, or the first theme of the group. */
export const summaryFieldId = (key: MentorOfferFormKey) =>
  key === 'themes' ? `${mentorOfferFieldId('themes')}-${MENTOR_THEMES[0]}` : mentorOfferFieldId(key);

export const EMPTY_MENTOR_OFFER: MentorOfferFormValues = {
  mentor: [],
  title: '',
  themes: [],
  availability: '',
  description: '',
  status: 'OPEN',
};

export function mentorOfferValuesOf(o: MentorOfferEditFieldsFragment): MentorOfferFormValues {
  return {
    mentor: [{ id: o.mentor.id, displayName: o.mentor.displayName }],
    title: o.title,
    themes: [...o.themes].sort(),
    availability: o.availability ?? '',
    description: o.description ?? '',
    status: o.status,
  };
}

export const mentorOfferChangedKeys = (base: MentorOfferFormValues, values: MentorOfferFormValues) => changedKeysOf(base, values);

/** Client-side checks the API also makes (messages in French, per field). */
export function validateMentorOffer(
  values: MentorOfferFormValues,
  creating: boolean,
): Partial<Record<MentorOfferFormKey, string[]>> {
  const errors: Partial<Record<MentorOfferFormKey, string[]>> = {};
  if (creating && values.mentor.length !== 1) errors.mentor = ['Choisissez le tuteur ou la tutrice.'];
  const title = values.title.trim();
  if (title.length < 2 || title.length > 200) errors.title = ['Le titre doit comporter entre 2 et 200 caractères.'];
  if (!values.themes.length) errors.themes = ['Choisissez au moins un thème.'];
  if (values.availability.trim().length > 300) errors.availability = ['300 caractères au plus.'];
  return errors;
}

/** Only the changed fields, as the API's MentorOfferPatch (the mentor does not change). */
export function toMentorOfferPatch(base: MentorOfferFormValues, values: MentorOfferFormValues): MentorOfferPatch {
  const changed = new Set(mentorOfferChangedKeys(base, values));
  const patch: MentorOfferPatch = {};
  if (changed.has('title')) patch.title = values.title.trim();
  if (changed.has('themes')) patch.themes = values.themes as MentorTheme[];
  if (changed.has('availability')) patch.availability = values.availability.trim();
  if (changed.has('description')) patch.description = values.description.trim();
  if (changed.has('status')) patch.status = values.status as MentorOfferStatus;
  return patch;
}

export function toCreateMentorOfferInput(values: MentorOfferFormValues): CreateMentorOfferInput {
  const input: CreateMentorOfferInput = {
    mentorId: values.mentor[0]?.id ?? '',
    title: values.title.trim(),
    themes: values.themes as MentorTheme[],
    status: values.status as MentorOfferStatus,
  };
  if (values.availability.trim()) input.availability = values.availability.trim();
  if (values.description.trim()) input.description = values.description.trim();
  return input;
}
