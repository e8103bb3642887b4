import type { MockLink } from '@apollo/client/testing';
import { AUDIT_LOG_QUERY } from '../components/AuditEntries';
import type { StructureEditFieldsFragment } from '../gql/graphql';
import { toGlobalId } from '../lib/ids';

export const STRUCTURE_ID = toGlobalId('Structure', '12');

export function structureRow(n: number, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Structure' as const,
    id: toGlobalId('Structure', String(n)),
    name: `Structure ${n}`,
    status: 'PUBLISHED' as const,
    essFamily: 'ASSOCIATION' as const,
    commune: { __typename: 'Commune' as const, id: toGlobalId('Commune', '59392'), name: 'Maubeuge' },
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-03-04T10:00:00.000Z',
    version: 1,
    viewerCanEdit: true,
    ...extra,
  };
}

export const SECTORS = [
  { __typename: 'Sector' as const, id: 'U2VjdG9yOjE', slug: 'iae', name: "Insertion par l'activité économique" },
  { __typename: 'Sector' as const, id: 'U2VjdG9yOjI', slug: 'sap', name: 'Services à la personne' },
];

export const NETWORKS = [{ __typename: 'Network' as const, id: 'TmV0d29yazox', slug: 'cress', name: 'CRESS Hauts-de-France' }];

export function editableStructure(extra: Partial<StructureEditFieldsFragment> = {}): StructureEditFieldsFragment & {
  __typename: 'Structure';
} {
  return {
    __typename: 'Structure',
    id: STRUCTURE_ID,
    name: 'Les Jardins de la Sambre',
    siret: null,
    siren: null,
    legalCategory: '9220',
    essFamily: 'ASSOCIATION',
    essFamilyOverride: null,
    essFamilyExplanation: 'Catégorie juridique 9220 : association (règle v1).',
    nafCode: '88.99B',
    workforceRange: '11',
    volunteerCount: 12,
    address: '1 rue de la Paix',
    postalCode: '59600',
    communeCode: '59392',
    commune: { __typename: 'Commune', id: toGlobalId('Commune', '59392'), name: 'Maubeuge' },
    website: 'https://jardins.example',
    email: 'contact@jardins.example',
    phone: '03 27 00 00 01',
    description: 'Maraîchage biologique et insertion.',
    services: 'Paniers de légumes',
    values: null,
    acceptsInterns: true,
    seeksVolunteers: false,
    esus: false,
    status: 'PUBLISHED',
    lastVerifiedAt: null,
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-03-04T10:00:00.000Z',
    version: 2,
    viewerCanEdit: true,
    sectors: [SECTORS[0]!],
    networks: [],
    ...extra,
  } as StructureEditFieldsFragment & { __typename: 'Structure' };
}

/** The « Historique » of an entity without any audit entry (asked again after each change). */
export function emptyHistoryMock(entityType: string, entityId: string): MockLink.MockedResponse {
  return {
    request: { query: AUDIT_LOG_QUERY, variables: { entityType, entityId, actor: null, action: null, first: 20 } },
    maxUsageCount: 10,
    result: {
      data: {
        auditLog: {
          __typename: 'AuditEntryConnection',
          totalCount: 0,
          edges: [],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      },
    },
  };
}
