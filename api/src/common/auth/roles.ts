import { registerEnumType } from 'type-graphql';

export enum Role {
  /** Mission territoriale: everything. */
  ADMIN = 'ADMIN',
  /** Comité de pilotage: reads the dashboards and every list, edits nothing. */
  STEERING = 'STEERING',
  /** Animateur·rice de secteur: edits the spaces of their own sectors and their participants. */
  FACILITATOR = 'FACILITATOR',
  /** Edits their own structures once an admin linked them. */
  STRUCTURE_EDITOR = 'STRUCTURE_EDITOR',
  /** Partner systems (CRESS, APES) reading through API keys. */
  PARTNER = 'PARTNER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Rôles des comptes Essor',
  valuesConfig: {
    ADMIN: { description: 'Mission territoriale (administration)' },
    STEERING: { description: 'Comité de pilotage (lecture)' },
    FACILITATOR: { description: 'Animateur·rice de secteur' },
    STRUCTURE_EDITOR: { description: 'Éditeur·rice de structure' },
    PARTNER: { description: 'Partenaire (CRESS, APES)' },
  },
});

/** The authenticated principal of a request; null for anonymous visitors. */
export interface Viewer {
  accountId: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** Structures a structure editor may edit. */
  structureIds: string[];
  /** Sectors a facilitator animates. */
  sectorIds: string[];
}

export const hasRole = (viewer: Viewer | null | undefined, ...roles: Role[]): boolean =>
  !!viewer && viewer.roles.some((r) => roles.includes(r));
