import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { TERRITORY_EPCIS } from './territory';

export const TERRITORY_COMMUNES_QUERY = graphql(`
  query TerritoryCommunes($epci: [String!], $after: String) {
    communes(epci: $epci, first: 100, after: $after) {
      edges {
        cursor
        node {
          id
          code
          name
          latitude
          longitude
          postalCodes
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** All the communes of the territory (in pages of 100), sorted by name. */
export function useTerritoryCommunes() {
  const { data, error, fetchMore, loading } = useQuery(TERRITORY_COMMUNES_QUERY, {
    variables: { epci: [...TERRITORY_EPCIS] },
  });
  const pageInfo = data?.communes.pageInfo;

  useEffect(() => {
    if (pageInfo?.hasNextPage && pageInfo.endCursor) {
      void fetchMore({ variables: { after: pageInfo.endCursor } }).catch(() => undefined);
    }
  }, [pageInfo?.hasNextPage, pageInfo?.endCursor, fetchMore]);

  const communes = (data?.communes.edges ?? []).map((edge) => edge.node).sort((a, b) => collator.compare(a.name, b.name));
  return { communes, loading: loading || Boolean(pageInfo?.hasNextPage), error };
}
