import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export function createCache(): InMemoryCache {
  return new InMemoryCache();
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Chemin absolu : l'API sert /graphql sur la même origine que /admin/.
    link: new HttpLink({ uri: '/graphql' }),
    cache: createCache(),
  });
}
