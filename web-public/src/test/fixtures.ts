import type { EssFamily } from '../gql/graphql';

interface StructureInput {
  id: string;
  name: string;
  essFamily: EssFamily;
  commune?: string | null;
  sectors?: string[];
  description?: string | null;
}

/** Nœud `Structure` tel que renvoyé par l'API (avec __typename, ajouté par le cache). */
export function structureNode({ id, name, essFamily, commune = null, sectors = [], description = null }: StructureInput) {
  return {
    __typename: 'Structure' as const,
    id,
    name,
    essFamily,
    description,
    commune: commune ? { __typename: 'Commune' as const, id: `commune-${id}`, name: commune } : null,
    sectors: sectors.map((sectorName, index) => ({
      __typename: 'Sector' as const,
      id: `sector-${sectorName}-${index}`,
      name: sectorName,
    })),
  };
}

export function structuresPage(
  nodes: ReturnType<typeof structureNode>[],
  { totalCount, hasNextPage = false }: { totalCount: number; hasNextPage?: boolean },
) {
  const edges = nodes.map((node) => ({
    __typename: 'StructureEdge' as const,
    cursor: `cursor-${node.id}`,
    node,
  }));
  return {
    data: {
      structures: {
        __typename: 'StructureConnection' as const,
        totalCount,
        edges,
        pageInfo: {
          __typename: 'PageInfo' as const,
          hasNextPage,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      },
    },
  };
}
