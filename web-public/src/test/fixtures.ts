import type { EssFamily } from '../gql/graphql';
import { TERRITORY_COMMUNES_QUERY } from '../lib/useTerritoryCommunes';
import { TERRITORY_EPCIS } from '../lib/territory';
import type { MockLink } from '@apollo/client/testing';

interface StructureInput {
  id: string;
  name: string;
  essFamily: EssFamily;
  commune?: string | null;
  sectors?: string[];
  description?: string | null;
}

function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

/** A `Structure` node (StructureCard fragment) as the API returns it. */
export function structureNode({ id, name, essFamily, commune = null, sectors = [], description = null }: StructureInput) {
  return {
    __typename: 'Structure' as const,
    id,
    name,
    essFamily,
    description,
    commune: commune ? { __typename: 'Commune' as const, id: `commune-${id}`, code: `59${id.length}00`, name: commune } : null,
    sectors: sectors.map((sectorName) => ({
      __typename: 'Sector' as const,
      id: `sector-${slugify(sectorName)}`,
      slug: slugify(sectorName),
      name: sectorName,
    })),
  };
}

export type StructureNode = ReturnType<typeof structureNode>;

export interface FacetInput {
  value: string;
  label: string;
  count: number;
}

export interface FacetsInput {
  essFamily?: FacetInput[];
  sector?: FacetInput[];
  network?: FacetInput[];
  epci?: FacetInput[];
  commune?: FacetInput[];
  workforceRange?: FacetInput[];
  acceptsInterns?: number;
  seeksVolunteers?: number;
}

const facetList = (values: FacetInput[] = []) => values.map((v) => ({ __typename: 'FacetValue' as const, ...v }));

export function facets(input: FacetsInput = {}) {
  return {
    __typename: 'StructureFacets' as const,
    essFamily: facetList(input.essFamily),
    sector: facetList(input.sector),
    network: facetList(input.network),
    epci: facetList(input.epci),
    commune: facetList(input.commune),
    workforceRange: facetList(input.workforceRange),
    acceptsInterns: input.acceptsInterns ?? 0,
    seeksVolunteers: input.seeksVolunteers ?? 0,
  };
}

/** An answer of `searchStructures` (SearchStructures query). */
export function searchResult(
  nodes: StructureNode[],
  {
    totalCount,
    hasNextPage = false,
    facets: facetInput = {},
    fuzzy = false,
    distances = [],
  }: { totalCount: number; hasNextPage?: boolean; facets?: FacetsInput; fuzzy?: boolean; distances?: number[] },
) {
  const edges = nodes.map((node, index) => ({
    __typename: 'StructureSearchEdge' as const,
    cursor: `cursor-${node.id}`,
    distanceKm: distances[index] ?? null,
    node,
  }));
  return {
    data: {
      searchStructures: {
        __typename: 'StructureSearchResult' as const,
        totalCount,
        fuzzy,
        pageInfo: {
          __typename: 'PageInfo' as const,
          hasNextPage,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        edges,
        facets: facets(facetInput),
      },
    },
  };
}

/** Communes of the territory for the « Autour de la commune » selector. */
export const territoryCommunesMock: MockLink.MockedResponse = {
  request: { query: TERRITORY_COMMUNES_QUERY, variables: { epci: [...TERRITORY_EPCIS] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      communes: {
        __typename: 'CommuneConnection',
        edges: [
          ['59392', 'Maubeuge', 50.2775, 3.9734],
          ['59036', 'Avesnes-sur-Helpe', 50.1233, 3.9275],
          ['59249', 'Fourmies', 50.0156, 4.0539],
        ].map(([code, name, latitude, longitude]) => ({
          __typename: 'CommuneEdge',
          cursor: `c-${code}`,
          node: {
            __typename: 'Commune',
            id: `commune-${code}`,
            code,
            name,
            latitude,
            longitude,
            postalCodes: ['59600'],
          },
        })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c-59249' },
      },
    },
  },
};
