import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { FieldPolicy } from '@apollo/client/cache';
import { relayStylePagination } from '@apollo/client/utilities';
import introspection from './gql/possible-types';

/**
 * Arguments that identify a search: two different searches each get their own cache entry,
 * while `first`/`after` are merged page after page.
 */
export const SEARCH_KEY_ARGS = ['text', 'filter', 'near', 'nearCommune', 'radiusKm', 'sort'];

interface SearchResultShape {
  edges?: unknown[];
  [field: string]: unknown;
}

/**
 * `searchStructures`: a page loaded by « Voir plus » (`after`) is appended to the results;
 * a request without `after` replaces them. The fields the request does not ask for (the map's
 * points, loaded separately with `first: 0`, or the list) are kept.
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
      // Objects without an id, replaced as a whole.
      FacetValue: { keyFields: false },
      MapPoint: { keyFields: false },
    },
  });
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Same origin: the API serves /graphql next to the applications.
    link: new HttpLink({ uri: '/graphql' }),
    cache: createCache(),
  });
}
