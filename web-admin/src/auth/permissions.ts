import type { Role } from '../gql/graphql';

/** The admin sections, in navigation order. */
export type Section =
  | 'dashboard'
  | 'structures'
  | 'newStructure'
  | 'sectors'
  | 'newSector'
  | 'networks'
  | 'newNetwork'
  | 'mentorOffers'
  | 'newMentorOffer'
  | 'carrierProjects'
  | 'newCarrierProject'
  | 'spaces'
  | 'newSpace'
  | 'observatory'
  | 'plan'
  | 'moderation'
  | 'audit'
  | 'accounts'
  | 'import'
  | 'persons'
  | 'newPerson'
  | 'outbox'
  | 'jobs';

/** Roles that may open each section (the API checks again: this only shapes the UI). */
const SECTION_ROLES: Record<Section, readonly Role[] | 'any-but-editor-only'> = {
  dashboard: 'any-but-editor-only',
  structures: ['ADMIN', 'STEERING', 'STRUCTURE_EDITOR'],
  newStructure: ['ADMIN'],
  // Sectors, networks and mentor offers: the mission edits, the steering committee and facilitators read.
  sectors: ['ADMIN', 'STEERING', 'FACILITATOR'],
  newSector: ['ADMIN'],
  networks: ['ADMIN', 'STEERING', 'FACILITATOR'],
  newNetwork: ['ADMIN'],
  mentorOffers: ['ADMIN', 'STEERING', 'FACILITATOR'],
  newMentorOffer: ['ADMIN'],
  // Carriers' projects (personal data): the mission edits, the steering committee reads; no one else.
  carrierProjects: ['ADMIN', 'STEERING'],
  newCarrierProject: ['ADMIN'],
  // Workshops, chantiers, study days: facilitators edit those of their sectors (the API decides per space).
  spaces: ['ADMIN', 'STEERING', 'FACILITATOR'],
  newSpace: ['ADMIN', 'FACILITATOR'],
  observatory: ['ADMIN', 'STEERING'],
  plan: ['ADMIN', 'STEERING'],
  moderation: ['ADMIN', 'STEERING'],
  audit: ['ADMIN', 'STEERING'],
  accounts: ['ADMIN'],
  import: ['ADMIN'],
  // Persons (personal data): the mission edits; the steering committee reads (the API lets it list them).
  persons: ['ADMIN', 'STEERING'],
  newPerson: ['ADMIN'],
  outbox: ['ADMIN'],
  jobs: ['ADMIN'],
};

export function hasRole(roles: readonly Role[] | undefined, ...wanted: Role[]): boolean {
  return !!roles && roles.some((r) => wanted.includes(r));
}

export function canSee(roles: readonly Role[] | undefined, section: Section): boolean {
  if (!roles) return false;
  const allowed = SECTION_ROLES[section];
  if (allowed === 'any-but-editor-only') {
    // A structure editor sees their structures only.
    return !(roles.length > 0 && roles.every((r) => r === 'STRUCTURE_EDITOR'));
  }
  return hasRole(roles, ...allowed);
}

export const isAdmin = (roles: readonly Role[] | undefined) => hasRole(roles, 'ADMIN');

export interface NavItem {
  section: Section;
  to: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'dashboard', to: '/', label: 'Tableau de bord' },
  { section: 'structures', to: '/structures', label: 'Structures' },
  { section: 'sectors', to: '/secteurs', label: 'Secteurs' },
  { section: 'networks', to: '/reseaux', label: 'Réseaux' },
  { section: 'mentorOffers', to: '/tutorat', label: 'Tutorat' },
  { section: 'carrierProjects', to: '/accompagnement', label: 'Accompagnement' },
  { section: 'spaces', to: '/espaces', label: 'Ateliers et chantiers' },
  { section: 'observatory', to: '/observatoire', label: 'Observatoire' },
  { section: 'plan', to: '/plan', label: "Plan d'action" },
  { section: 'moderation', to: '/moderation', label: 'Modération' },
  { section: 'audit', to: '/audit', label: "Journal d'audit" },
  { section: 'accounts', to: '/comptes', label: 'Comptes' },
  { section: 'import', to: '/import', label: 'Import CSV' },
  { section: 'persons', to: '/personnes', label: 'Personnes' },
  { section: 'outbox', to: '/boite-d-envoi', label: "Boîte d'envoi" },
  { section: 'jobs', to: '/taches', label: 'Tâches planifiées' },
];

/** Where a viewer lands after logging in. */
export function homeOf(roles: readonly Role[] | undefined): string {
  return canSee(roles, 'dashboard') ? '/' : '/structures';
}
