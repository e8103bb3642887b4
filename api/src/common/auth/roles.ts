import { registerEnumType } from 'type-graphql';

export enum Role {
  /** Mission territoriale: everything. */
  ADMIN = 'ADMIN',
  /** Comité de pilotage: reads dashboards and lists, edits nothing. */
  STEERING = 'STEERING',
  /** Animateur·rice de secteur: edits the spaces of their own sector. */
  FACILITATOR = 'FACILITATOR',
  /** Edits their own structure once linked to it. */
  STRUCTURE_EDITOR = 'STRUCTURE_EDITOR',
  /** Partner systems (CRESS, APES) reading through API keys. */
  PARTNER = 'PARTNER',
}
registerEnumType(Role, { name: 'Role', description: 'Rôles des comptes Essor' });

/** The authenticated principal of a request; null for anonymous visitors. */
export interface Viewer {
  accountId: string;
  roles: Role[];
}
