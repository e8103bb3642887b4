import { graphql } from '../gql';

export const VIEWER_QUERY = graphql(`
  query Viewer {
    viewer {
      id
      email
      displayName
      roles
    }
  }
`);
