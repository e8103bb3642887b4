import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * Arguments qui identifient une liste de structures : deux recherches
 * différentes ont chacune leur entrée en cache, tandis que `first`/`after`
 * sont fusionnés page après page (pagination par curseur, style Relay).
 */
export const STRUCTURES_KEY_ARGS = [
  'search',
  'commune',
  'epci',
  'departement',
  'sector',
  'network',
  'essFamily',
  'legalCategory',
  'workforceRange',
  'acceptsInterns',
  'seeksVolunteers',
];

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          structures: relayStylePagination(STRUCTURES_KEY_ARGS),
        },
      },
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
