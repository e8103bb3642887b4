import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { VIEWER_QUERY } from './auth/viewerQuery';
import introspection from './gql/possible-types';

const SPACE_LISTS = { sessions: { merge: false }, participants: { merge: false }, deliverables: { merge: false } };

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    // Fragments on an interface (workshops, chantiers and study days share ParticipatorySpace):
    // the members of every interface, generated from the schema.
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          // « Voir plus » : les pages successives s'ajoutent à la liste déjà affichée.
          auditLog: relayStylePagination(['entityType', 'entityId', 'actor', 'action']),
          submissions: relayStylePagination(['status']),
          accounts: relayStylePagination([]),
          jobRuns: relayStylePagination(['name']),
        },
      },
      // Pages sans identifiant : elles remplacent la précédente.
      AdminStructurePage: { keyFields: false },
      // Séances, participants, livrables : la liste reçue remplace la précédente (retraits compris).
      Workshop: { fields: SPACE_LISTS },
      Chantier: { fields: SPACE_LISTS },
      StudyDay: { fields: SPACE_LISTS },
    },
  });
}

/** `terminating` is the link that talks to the API (tests give a MockLink). */
export function createApolloClient(
  terminating: ApolloLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
): ApolloClient {
  // A session that ended (expiry, logout elsewhere): the viewer becomes null and the
  // routes behind the login send the person to /connexion, then back where they were.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (
      operation.operationName !== 'Viewer' &&
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      client.writeQuery({ query: VIEWER_QUERY, data: { viewer: null } });
    }
  });
  const client: ApolloClient = new ApolloClient({
    // Chemin absolu : l'API sert /graphql sur la même origine que /admin/ ; le cookie de session
    // (httpOnly) part avec chaque requête.
    link: ApolloLink.from([sessionLink, terminating]),
    cache: createCache(),
  });
  return client;
}
