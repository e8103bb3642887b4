import type { MentorTheme, ParticipantRole, SpaceKind } from '../gql/graphql';
import {
  DeliverableKindLabels,
  MentorOfferStatusLabels,
  MentorThemeLabels,
  NetworkKindLabels,
  NetworkScopeLabels,
  SpaceKindLabels,
  SpaceStatusLabels,
} from '../gql/labels';

// The enums' labels come from the schema's value descriptions (src/gql/labels.ts, generated).

export const MENTOR_THEME_LABELS = MentorThemeLabels;

/** In the schema's order (alphabetical, as the labels). */
export const MENTOR_THEMES = Object.keys(MENTOR_THEME_LABELS) as MentorTheme[];

export function isMentorTheme(value: string): value is MentorTheme {
  return Object.prototype.hasOwnProperty.call(MENTOR_THEME_LABELS, value);
}

export const MENTOR_OFFER_STATUS_LABELS = MentorOfferStatusLabels;

export const SPACE_KIND_LABELS = SpaceKindLabels;

export const SPACE_KIND_PLURAL_LABELS: Readonly<Record<SpaceKind, string>> = {
  WORKSHOP: 'Ateliers',
  CHANTIER: 'Chantiers',
  STUDY_DAY: "Journées d'études",
};

/** Segment d'URL de chaque type d'espace participatif. */
export const SPACE_KIND_PATHS: Readonly<Record<SpaceKind, string>> = {
  WORKSHOP: 'ateliers',
  CHANTIER: 'chantiers',
  STUDY_DAY: 'journees',
};

export const SPACE_STATUS_LABELS = SpaceStatusLabels;

export const PARTICIPANT_ROLE_LABELS: Readonly<Record<ParticipantRole, string>> = {
  FACILITATOR: 'Animation',
  CONTRIBUTOR: 'Contribution',
  PARTICIPANT: 'Participation',
};

export const DELIVERABLE_KIND_LABELS = DeliverableKindLabels;

export const NETWORK_KIND_LABELS = NetworkKindLabels;

export const NETWORK_SCOPE_LABELS = NetworkScopeLabels;

export const EPCI_KIND_LABELS: Readonly<Record<string, string>> = {
  CA: "Communauté d'agglomération",
  CC: 'Communauté de communes',
  CU: 'Communauté urbaine',
  METRO: 'Métropole',
  MET69: 'Métropole de Lyon',
};
