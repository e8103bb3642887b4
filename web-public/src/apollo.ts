import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { FieldPolicy } from '@apollo/client/cache';
import { relayStylePagination } from '@apollo/client/utilities';
import introspection from './gql/possible-types';

/**
 * Arguments qui identifient une recherche : deux recherches différentes ont chacune
 * leur entrée en cache, tandis que `first`/`after` sont fusionnés page après page.
 */
export const SEARCH_KEY_ARGS = ['text', 'filter', 'near', 'nearCommune', 'radiusKm', 'sort'];

interface SearchResultShape {
  edges?: unknown[];
  [field: string]: unknown;
}

/**
 * `searchStructures` : une page chargée par « Voir plus » (`after`) s'ajoute aux résultats ;
 * une requête sans `after` remplace les résultats. Les champs que la requête ne demande pas
 * (les points de la carte, chargés à part avec `first: 0`, ou la liste) sont conservés.
 */
export const searchStructuresPolicy: FieldPolicy<SearchResultShape> = {
  keyArgs: SEARCH_KEY_ARGS,
  merge(existing, incoming, { args }) {
    if (!existing) return incoming;
    if (args?.after && incoming.edges) {
      return { ...existing, ...incoming, edges: [...(existing.edges ?? []), ...incoming.edges] };
    }
    return { ...existing, ...incoming };
  },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    // Members of the interfaces (Node, ParticipatorySpace), generated from the schema.
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          searchStructures: searchStructuresPolicy,
          communes: relayStylePagination(['epci', 'departement', 'search']),
          mentorOffers: relayStylePagination(['theme', 'status']),
        },
      },
      Sector: { fields: { structures: relayStylePagination() } },
      Network: { fields: { members: relayStylePagination() } },
      StructureFacets: { merge: true },
      // Objets sans identifiant, remplacés en bloc.
      FacetValue: { keyFields: false },
      MapPoint: { keyFields: false },
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Même origine : l'API sert /graphql à côté des applications.
    link: new HttpLink({ uri: '/graphql' }),
    cache: createCache(),
  });
}
