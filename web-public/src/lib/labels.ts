import type {
  DeliverableKind,
  MentorOfferStatus,
  MentorTheme,
  NetworkKind,
  NetworkScope,
  ParticipantRole,
  SpaceKind,
  SpaceStatus,
} from '../gql/graphql';

export const MENTOR_THEME_LABELS: Readonly<Record<MentorTheme, string>> = {
  BUSINESS_MODEL: 'Modèle économique',
  COMMUNICATION: 'Communication',
  DIGITAL: 'Numérique',
  FUNDING: 'Financement',
  GOVERNANCE: 'Gouvernance',
  GROWTH: 'Croissance, changement d’échelle',
  HUMAN_RESOURCES: 'Ressources humaines',
  IMPACT: "Mesure d'impact",
  LEGAL: 'Juridique',
};

export const MENTOR_THEMES = Object.keys(MENTOR_THEME_LABELS) as MentorTheme[];

export function isMentorTheme(value: string): value is MentorTheme {
  return Object.prototype.hasOwnProperty.call(MENTOR_THEME_LABELS, value);
}

export const MENTOR_OFFER_STATUS_LABELS: Readonly<Record<MentorOfferStatus, string>> = {
  OPEN: 'Disponible',
  FULL: 'Complet',
  CLOSED: 'Clos',
};

export const SPACE_KIND_LABELS: Readonly<Record<SpaceKind, string>> = {
  WORKSHOP: 'Atelier',
  CHANTIER: 'Chantier',
  STUDY_DAY: "Journée d'études",
};

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

export const SPACE_STATUS_LABELS: Readonly<Record<SpaceStatus, string>> = {
  PLANNED: 'Prévu',
  ACTIVE: 'En cours',
  COMPLETED: 'Terminé',
  CANCELLED: 'Annulé',
};

export const PARTICIPANT_ROLE_LABELS: Readonly<Record<ParticipantRole, string>> = {
  FACILITATOR: 'Animation',
  CONTRIBUTOR: 'Contribution',
  PARTICIPANT: 'Participation',
};

export const DELIVERABLE_KIND_LABELS: Readonly<Record<DeliverableKind, string>> = {
  EVENT: 'Événement',
  GUIDE: 'Guide',
  REPORT: 'Rapport',
  TOOL: 'Outil',
  OTHER: 'Autre',
};

export const NETWORK_KIND_LABELS: Readonly<Record<NetworkKind, string>> = {
  REGIONAL_CHAMBER: 'Chambre régionale',
  FEDERATION: 'Fédération',
  NATIONAL_NETWORK: 'Réseau national',
  LOCAL_NETWORK: 'Réseau local',
  OTHER: 'Autre réseau',
};

export const NETWORK_SCOPE_LABELS: Readonly<Record<NetworkScope, string>> = {
  LOCAL: 'Local',
  DEPARTEMENT: 'Départemental',
  REGION: 'Régional',
  NATIONAL: 'National',
};

export const EPCI_KIND_LABELS: Readonly<Record<string, string>> = {
  CA: "Communauté d'agglomération",
  CC: 'Communauté de communes',
  CU: 'Communauté urbaine',
  METRO: 'Métropole',
  MET69: 'Métropole de Lyon',
};
