import type {
  CreateSpaceInput,
  DeliverableKind,
  ParticipantRole,
  SpaceEditFieldsFragment,
  SpaceEditQuery,
  SpaceKind,
  SpacePatch,
  SpaceReferencesQuery,
  SpaceStatus,
} from '../../gql/graphql';
import { DeliverableKindLabels, SpaceKindLabels, SpaceStatusLabels } from '../../gql/labels';
import { formatDate } from '@essor/web-ui';
import { changedKeysOf } from '../../lib/entityForm';

export type Space = SpaceEditFieldsFragment;

export const SPACE_KINDS: SpaceKind[] = ['WORKSHOP', 'CHANTIER', 'STUDY_DAY'];

export const KIND_LABELS = SpaceKindLabels;

/** Plural labels (filter, page titles). */
export const KIND_PLURAL_LABELS: Record<SpaceKind, string> = {
  WORKSHOP: 'Ateliers',
  CHANTIER: 'Chantiers',
  STUDY_DAY: "Journées d'études",
};

/** Kind ↔ value in the URL (?type=), as on the public site (/ateliers, /chantiers, /journees). */
export const KIND_URL: Record<SpaceKind, string> = {
  WORKSHOP: 'ateliers',
  CHANTIER: 'chantiers',
  STUDY_DAY: 'journees',
};

export function kindFromUrl(value: string | null): SpaceKind | null {
  return SPACE_KINDS.find((k) => KIND_URL[k] === value) ?? null;
}

export const SPACE_STATUSES: SpaceStatus[] = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'];

export const SPACE_STATUS_LABELS = SpaceStatusLabels;

/** Existing badge colours. */
export const SPACE_STATUS_BADGE: Record<SpaceStatus, string> = {
  PLANNED: 'badge--draft',
  ACTIVE: 'badge--published',
  COMPLETED: 'badge--archived',
  CANCELLED: 'badge--rejected',
};

export const PARTICIPANT_ROLES: ParticipantRole[] = ['PARTICIPANT', 'CONTRIBUTOR', 'FACILITATOR'];

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  PARTICIPANT: 'Participant·e',
  CONTRIBUTOR: 'Contributeur·rice',
  FACILITATOR: 'Animateur·rice',
};

export const DELIVERABLE_KINDS: DeliverableKind[] = ['REPORT', 'GUIDE', 'TOOL', 'EVENT', 'OTHER'];

export const DELIVERABLE_KIND_LABELS = DeliverableKindLabels;

export const SPACE_TYPENAMES = ['Workshop', 'Chantier', 'StudyDay'] as const;

/** The space of a `node(id:)` answer (null for any other type). */
export function spaceOf(node: SpaceEditQuery['node']): Space | null {
  return node && (SPACE_TYPENAMES as readonly string[]).includes(node.__typename) ? (node as Space) : null;
}

/** The main form of a space (the sessions, participants and deliverables have their own forms). */
export interface SpaceFormValues {
  kind: string;
  sector: string;
  title: string;
  goal: string;
  description: string;
  status: string;
}

export type SpaceFormKey = keyof SpaceFormValues;

export const SPACE_FORM_KEYS: readonly SpaceFormKey[] = ['kind', 'sector', 'title', 'goal', 'description', 'status'];

export const SPACE_FIELD_LABELS: Record<string, string> = {
  kind: "Type d'espace",
  sector: 'Secteur',
  sectorId: 'Secteur',
  sectorSlug: 'Secteur',
  title: 'Titre',
  goal: 'Objectif',
  description: 'Description',
  status: 'État',
  archived: 'Archivé',
};

export const spaceFieldLabel = (field: string) => SPACE_FIELD_LABELS[field] ?? field;

/** API property names (errors, conflicts) → form keys. */
export const API_TO_FORM: Record<string, SpaceFormKey> = {
  sectorSlug: 'sector',
  sectorId: 'sector',
};

export const EMPTY_SPACE: SpaceFormValues = {
  kind: 'WORKSHOP',
  sector: '',
  title: '',
  goal: '',
  description: '',
  status: 'PLANNED',
};

export function valuesOf(s: Space): SpaceFormValues {
  return {
    kind: s.kind,
    sector: s.sector.slug,
    title: s.title,
    goal: s.goal,
    description: s.description ?? '',
    status: s.status,
  };
}

export const changedKeys = (base: SpaceFormValues, values: SpaceFormValues) => changedKeysOf(base, values);

/** Client-side checks the API also makes (same messages). */
export function validate(values: SpaceFormValues): Partial<Record<SpaceFormKey, string[]>> {
  const errors: Partial<Record<SpaceFormKey, string[]>> = {};
  if (!values.sector) errors.sector = ['Choisissez le secteur.'];
  const title = values.title.trim().length;
  if (title < 2 || title > 300) errors.title = ['Le titre doit comporter entre 2 et 300 caractères.'];
  const goal = values.goal.trim().length;
  if (goal < 2 || goal > 2000) errors.goal = ["L'objectif doit comporter entre 2 et 2 000 caractères."];
  return errors;
}

/** Only the changed fields, as the API's SpacePatch. */
export function toPatch(base: SpaceFormValues, values: SpaceFormValues): SpacePatch {
  const changed = new Set(changedKeys(base, values));
  const patch: SpacePatch = {};
  if (changed.has('sector')) patch.sectorSlug = values.sector;
  if (changed.has('title')) patch.title = values.title.trim();
  if (changed.has('goal')) patch.goal = values.goal.trim();
  if (changed.has('description')) patch.description = values.description.trim();
  if (changed.has('status')) patch.status = values.status as SpaceStatus;
  return patch;
}

export function toCreateInput(values: SpaceFormValues): CreateSpaceInput {
  return {
    sectorSlug: values.sector,
    title: values.title.trim(),
    goal: values.goal.trim(),
    description: values.description.trim() || null,
    status: values.status as SpaceStatus,
  };
}

/** « 2026-05-12T14:00 » (datetime-local, the browser's time) → ISO 8601 for the API. */
export function localToIso(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * The sectors a space may be put in: every active sector for the mission, their own sectors for a
 * facilitator (the API refuses the others); the current sector stays listed.
 */
export function sectorOptions(
  refs: SpaceReferencesQuery | undefined,
  admin: boolean,
  current?: { slug: string; name: string },
): Array<readonly [string, string]> {
  const active = (refs?.sectors ?? []).filter((s) => s.status === 'ACTIVE');
  const mine = refs?.viewer?.sectors ?? [];
  const allowed = admin ? active : active.filter((s) => mine.some((m) => m.slug === s.slug));
  const options = allowed.map((s) => [s.slug, s.name] as const);
  if (current && !options.some(([slug]) => slug === current.slug)) options.unshift([current.slug, current.name]);
  return options;
}

/** After a creation or an archiving: the cached pages of the lists are stale (the list reloads when opened). */
export function forgetSpaceLists(cache: { evict: (o: { id: string; fieldName: string }) => boolean; gc: () => unknown }) {
  for (const fieldName of ['workshops', 'chantiers', 'studyDays']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

/**
 * A calendar date of the API (« 2026-03-01 »). Some date columns (participants' `joinedAt`) reach the
 * client as epoch milliseconds today: those are read as such rather than shown raw.
 */
export function formatDay(value: string | null | undefined): string {
  if (value && /^-?\d{9,}$/.test(value)) return formatDate(new Date(Number(value)).toISOString());
  return formatDate(value);
}
