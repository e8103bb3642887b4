import type { EssFamily, Role, StructureStatus } from '../gql/graphql';
import { EssFamilyLabels, RoleLabels, StructureStatusLabels } from '../gql/labels';

// The enums' labels come from the schema's value descriptions (src/gql/labels.ts, generated).

export const STATUS_LABELS = StructureStatusLabels;

export const STATUSES: StructureStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];

export const ESS_FAMILY_LABELS = EssFamilyLabels;

export const ESS_FAMILIES: EssFamily[] = ['ASSOCIATION', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ENTREPRISE_ESS', 'OTHER'];

export const ROLE_LABELS = RoleLabels;

export const ROLES: Role[] = ['ADMIN', 'STEERING', 'FACILITATOR', 'STRUCTURE_EDITOR', 'PARTNER'];

/** INSEE workforce ranges (tranches d'effectifs salariés). */
export const WORKFORCE_RANGE_LABELS: ReadonlyArray<[string, string]> = [
  ['NN', 'Non employeuse'],
  ['00', '0 salarié'],
  ['01', '1 ou 2 salariés'],
  ['02', '3 à 5 salariés'],
  ['03', '6 à 9 salariés'],
  ['11', '10 à 19 salariés'],
  ['12', '20 à 49 salariés'],
  ['21', '50 à 99 salariés'],
  ['22', '100 à 199 salariés'],
  ['31', '200 à 249 salariés'],
  ['32', '250 à 499 salariés'],
  ['41', '500 à 999 salariés'],
  ['42', '1 000 à 1 999 salariés'],
  ['51', '2 000 à 4 999 salariés'],
  ['52', '5 000 à 9 999 salariés'],
  ['53', '10 000 salariés et plus'],
];

/** French labels of structure fields (form, conflicts, audit log, moderation). */
export const STRUCTURE_FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  siret: 'SIRET',
  siren: 'SIREN',
  legalCategory: 'Catégorie juridique (INSEE)',
  essFamily: 'Famille ESS (calculée)',
  essFamilyOverride: 'Famille ESS imposée',
  nafCode: 'Code NAF',
  workforceRange: "Tranche d'effectifs",
  volunteerCount: 'Nombre de bénévoles',
  address: 'Adresse',
  postalCode: 'Code postal',
  communeCode: 'Code commune (INSEE)',
  latitude: 'Latitude',
  longitude: 'Longitude',
  website: 'Site web',
  email: 'Courriel de contact',
  phone: 'Téléphone',
  description: 'Description',
  services: 'Services proposés',
  values: 'Valeurs',
  valuesStatement: 'Valeurs',
  acceptsInterns: 'Accueille des stagiaires',
  seeksVolunteers: 'Cherche des bénévoles',
  esus: 'Agrément ESUS',
  status: 'Statut de publication',
  lastVerifiedAt: 'Dernière vérification',
  markVerified: 'Données vérifiées',
  sectors: 'Secteurs',
  networks: 'Réseaux',
  // Sectors, networks, mentor offers (audit trail).
  slug: 'Code',
  facilitators: 'Animateurs et animatrices',
  acronym: 'Sigle',
  kind: 'Type de réseau',
  scope: 'Échelle',
  title: 'Titre',
  themes: 'Thèmes',
  availability: 'Disponibilité',
  // Workshops, chantiers, study days (audit trail).
  goal: 'Objectif',
  sectorId: 'Secteur',
  archived: 'Archivé',
  version: 'Version',
  createdAt: 'Création',
  updatedAt: 'Dernière modification',
};

export function fieldLabel(field: string): string {
  return STRUCTURE_FIELD_LABELS[field] ?? field;
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  CREATE: 'Création',
  UPDATE: 'Modification',
  ARCHIVE: 'Archivage',
  SET_SECTORS: 'Secteurs modifiés',
  SET_NETWORKS: 'Réseaux modifiés',
  SET_FACILITATORS: 'Animateurs modifiés',
  ADD_SESSION: 'Séance ajoutée',
  REMOVE_SESSION: 'Séance retirée',
  ADD_PARTICIPANT: 'Participant ajouté',
  REMOVE_PARTICIPANT: 'Participant retiré',
  ADD_DELIVERABLE: 'Livrable ajouté',
  REMOVE_DELIVERABLE: 'Livrable retiré',
  ADD_MILESTONE: 'Jalon ajouté',
  MILESTONE_DONE: 'Jalon mis à jour',
  CREATE_FROM_SUBMISSION: 'Création (proposition acceptée)',
  APPLY_CORRECTION: 'Correction appliquée',
  ACCEPT: 'Proposition acceptée',
  REJECT: 'Proposition refusée',
  PASSWORD_RESET: 'Mot de passe réinitialisé',
  LOGIN: 'Connexion',
  IMPORT: 'Import CSV',
  ERASE: 'Anonymisation',
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  Structure: 'Structure',
  Account: 'Compte',
  StructureSubmission: 'Proposition',
  Sector: 'Secteur',
  Network: 'Réseau',
  MentorOffer: 'Offre de tutorat',
  ParticipatorySpace: 'Espace (atelier, chantier, journée)',
  PlanAction: "Action du plan d'action",
  Person: 'Personne',
  Consent: 'Consentement',
};
