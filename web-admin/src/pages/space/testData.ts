import type { MockLink } from '@apollo/client/testing';
import type { SpaceEditFieldsFragment } from '../../gql/graphql';
import { AUDIT_LOG_QUERY } from '../../components/AuditEntries';
import { toGlobalId } from '../../lib/ids';
import { ADMIN_SPACES_QUERY, SPACE_EDIT_QUERY, SPACE_REFERENCES_QUERY } from './operations';

/** Test data of the space pages (mocked GraphQL answers). */

export const SPACE_ID = toGlobalId('Workshop', '7');
export const OTHER_SPACE_ID = toGlobalId('Workshop', '8');

export const SPACE_SECTORS = [
  { __typename: 'Sector' as const, id: toGlobalId('Sector', '1'), slug: 'iae', name: "Insertion par l'activité économique" },
  { __typename: 'Sector' as const, id: toGlobalId('Sector', '2'), slug: 'sap', name: 'Services à la personne' },
];

export function referencesMock(mySectors: string[] = []): MockLink.MockedResponse {
  return {
    request: { query: SPACE_REFERENCES_QUERY },
    maxUsageCount: 5,
    result: {
      data: {
        sectors: SPACE_SECTORS.map((s) => ({ ...s, status: 'ACTIVE' })),
        viewer: {
          __typename: 'Account',
          id: 'QWNjb3VudDox',
          sectors: SPACE_SECTORS.filter((s) => mySectors.includes(s.slug)),
        },
      },
    },
  };
}

export function spaceRow(n: number, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Workshop' as const,
    id: toGlobalId('Workshop', String(n)),
    kind: 'WORKSHOP' as const,
    title: `Atelier ${n}`,
    status: 'ACTIVE' as const,
    sector: SPACE_SECTORS[0]!,
    sessions: [{ __typename: 'SpaceSession' as const, id: `${n}01`, startsAt: '2026-05-12T12:00:00.000Z' }],
    participants: [{ __typename: 'SpaceParticipant' as const, id: `${n}02` }],
    viewerCanEdit: true,
    ...extra,
  };
}

export function listVariables(extra: Record<string, unknown> = {}) {
  return {
    workshops: true,
    chantiers: false,
    studyDays: false,
    sector: null,
    status: null,
    first: 20,
    after: null,
    ...extra,
  };
}

export function listMock(
  variables: Record<string, unknown>,
  nodes: unknown[],
  { totalCount = nodes.length, hasNextPage = false, endCursor = 'c1' } = {},
): MockLink.MockedResponse {
  const field = variables.chantiers ? 'chantiers' : variables.studyDays ? 'studyDays' : 'workshops';
  const typename = { workshops: 'WorkshopConnection', chantiers: 'ChantierConnection', studyDays: 'StudyDayConnection' }[field];
  return {
    request: { query: ADMIN_SPACES_QUERY, variables },
    result: {
      data: {
        [field]: {
          __typename: typename,
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
          nodes,
        },
      },
    },
  };
}

/** A space as the API answers it; `extra` may carry child objects with their __typename. */
export function editableSpace(extra: Record<string, unknown> = {}): SpaceEditFieldsFragment & { __typename: 'Workshop' } {
  return {
    __typename: 'Workshop',
    id: SPACE_ID,
    kind: 'WORKSHOP',
    title: 'Atelier mobilité solidaire',
    goal: 'Organiser le covoiturage vers les chantiers d’insertion.',
    description: null,
    status: 'ACTIVE',
    version: 4,
    archived: false,
    viewerCanEdit: true,
    sector: SPACE_SECTORS[0]!,
    sessions: [
      {
        __typename: 'SpaceSession',
        id: '31',
        startsAt: '2026-05-12T12:00:00.000Z',
        endsAt: null,
        place: 'Maison de l’ESS',
        communeCode: '59392',
        commune: { __typename: 'Commune', id: toGlobalId('Commune', '59392'), name: 'Maubeuge' },
        notes: null,
      },
    ],
    participants: [
      {
        __typename: 'SpaceParticipant',
        id: '41',
        role: 'PARTICIPANT',
        joinedAt: '2026-01-15',
        structure: { __typename: 'Structure', id: toGlobalId('Structure', '12'), name: 'Les Jardins de la Sambre' },
        person: null,
      },
    ],
    deliverables: [
      {
        __typename: 'SpaceDeliverable',
        id: '51',
        title: 'Guide du covoiturage',
        kind: 'GUIDE',
        description: null,
        url: 'https://exemple.org/guide.pdf',
        deliveredAt: '2026-03-01',
      },
    ],
    ...extra,
  } as unknown as SpaceEditFieldsFragment & { __typename: 'Workshop' };
}

export function editMock(space = editableSpace(), id = SPACE_ID): MockLink.MockedResponse {
  return { request: { query: SPACE_EDIT_QUERY, variables: { id } }, result: { data: { node: space } } };
}

export function historyMock(rowId = '7'): MockLink.MockedResponse {
  return {
    request: {
      query: AUDIT_LOG_QUERY,
      variables: { entityType: 'ParticipatorySpace', entityId: rowId, actor: null, action: null, first: 20 },
    },
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
