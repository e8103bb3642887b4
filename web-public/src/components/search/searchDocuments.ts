import { graphql } from '../../gql';

export const SEARCH_PAGE_SIZE = 20;

export const SEARCH_STRUCTURES_QUERY = graphql(`
  query SearchStructures(
    $text: String
    $filter: StructureFilter
    $near: NearInput
    $nearCommune: String
    $radiusKm: Float
    $sort: StructureSort
    $first: Int!
    $after: String
  ) {
    searchStructures(
      text: $text
      filter: $filter
      near: $near
      nearCommune: $nearCommune
      radiusKm: $radiusKm
      sort: $sort
      first: $first
      after: $after
    ) {
      totalCount
      fuzzy
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        distanceKm
        node {
          id
          ...StructureCard
        }
      }
      facets {
        essFamily {
          value
          label
          count
        }
        sector {
          value
          label
          count
        }
        network {
          value
          label
          count
        }
        epci {
          value
          label
          count
        }
        commune {
          value
          label
          count
        }
        workforceRange {
          value
          label
          count
        }
        acceptsInterns
        seeksVolunteers
      }
    }
  }
`);

/** The map's points: the same search, without a page of results (`first: 0`). */
export const SEARCH_MAP_POINTS_QUERY = graphql(`
  query SearchMapPoints(
    $text: String
    $filter: StructureFilter
    $near: NearInput
    $nearCommune: String
    $radiusKm: Float
    $sort: StructureSort
  ) {
    searchStructures(
      text: $text
      filter: $filter
      near: $near
      nearCommune: $nearCommune
      radiusKm: $radiusKm
      sort: $sort
      first: 0
    ) {
      totalCount
      mapPoints(limit: 2000) {
        id
        name
        latitude
        longitude
        essFamily
      }
    }
  }
`);
