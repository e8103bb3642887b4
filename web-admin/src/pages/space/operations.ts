import { graphql } from '../../gql';

/** A row of the spaces table. `viewerCanEdit` is declared on each kind, not on the interface. */
export const SPACE_ROW_FIELDS = graphql(`
  fragment SpaceRowFields on ParticipatorySpace {
    id
    kind
    title
    status
    sector {
      id
      slug
      name
    }
    sessions {
      id
      startsAt
    }
    participants {
      id
    }
    ... on Workshop {
      viewerCanEdit
    }
    ... on Chantier {
      viewerCanEdit
    }
    ... on StudyDay {
      viewerCanEdit
    }
  }
`);

/** One kind at a time (the API lists each kind on its own, with cursor pagination). */
export const ADMIN_SPACES_QUERY = graphql(`
  query AdminSpaces(
    $workshops: Boolean!
    $chantiers: Boolean!
    $studyDays: Boolean!
    $sector: [String!]
    $status: [SpaceStatus!]
    $first: Int
    $after: String
  ) {
    workshops(sector: $sector, status: $status, first: $first, after: $after) @include(if: $workshops) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SpaceRowFields
      }
    }
    chantiers(sector: $sector, status: $status, first: $first, after: $after) @include(if: $chantiers) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SpaceRowFields
      }
    }
    studyDays(sector: $sector, status: $status, first: $first, after: $after) @include(if: $studyDays) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SpaceRowFields
      }
    }
  }
`);

/** Every sector (filters, sector of a space) and the sectors the viewer animates. */
export const SPACE_REFERENCES_QUERY = graphql(`
  query SpaceReferences {
    sectors {
      id
      slug
      name
      status
    }
    viewer {
      id
      sectors {
        id
        slug
        name
      }
    }
  }
`);

export const SPACE_EDIT_FIELDS = graphql(`
  fragment SpaceEditFields on ParticipatorySpace {
    id
    kind
    title
    goal
    description
    status
    version
    archived
    sector {
      id
      slug
      name
    }
    sessions {
      id
      startsAt
      endsAt
      place
      communeCode
      commune {
        id
        name
      }
      notes
    }
    participants {
      id
      role
      joinedAt
      structure {
        id
        name
      }
      person {
        id
        displayName
      }
    }
    deliverables {
      id
      title
      kind
      description
      url
      deliveredAt
    }
    ... on Workshop {
      viewerCanEdit
    }
    ... on Chantier {
      viewerCanEdit
    }
    ... on StudyDay {
      viewerCanEdit
    }
  }
`);

export const SPACE_EDIT_QUERY = graphql(`
  query SpaceEdit($id: ID!) {
    node(id: $id) {
      __typename
      id
      ...SpaceEditFields
    }
  }
`);

export const CREATE_SPACE_MUTATION = graphql(`
  mutation CreateSpace($kind: SpaceKind!, $input: CreateSpaceInput!) {
    createSpace(kind: $kind, input: $input) {
      ...SpaceEditFields
    }
  }
`);

export const UPDATE_SPACE_MUTATION = graphql(`
  mutation UpdateSpace($id: ID!, $version: Int!, $input: SpacePatch!) {
    updateSpace(id: $id, version: $version, input: $input) {
      ...SpaceEditFields
    }
  }
`);

export const ARCHIVE_SPACE_MUTATION = graphql(`
  mutation ArchiveSpace($id: ID!, $version: Int!) {
    archiveSpace(id: $id, version: $version) {
      ...SpaceEditFields
    }
  }
`);

export const ADD_SPACE_SESSION_MUTATION = graphql(`
  mutation AddSpaceSession($spaceId: ID!, $input: SessionInput!) {
    addSpaceSession(spaceId: $spaceId, input: $input) {
      ...SpaceEditFields
    }
  }
`);

export const ADD_SPACE_PARTICIPANT_MUTATION = graphql(`
  mutation AddSpaceParticipant($spaceId: ID!, $input: ParticipantInput!) {
    addSpaceParticipant(spaceId: $spaceId, input: $input) {
      ...SpaceEditFields
    }
  }
`);

export const ADD_SPACE_DELIVERABLE_MUTATION = graphql(`
  mutation AddSpaceDeliverable($spaceId: ID!, $input: DeliverableInput!) {
    addSpaceDeliverable(spaceId: $spaceId, input: $input) {
      ...SpaceEditFields
    }
  }
`);

export const REMOVE_SPACE_ITEM_MUTATION = graphql(`
  mutation RemoveSpaceItem($spaceId: ID!, $item: SpaceItem!, $itemId: ID!) {
    removeSpaceItem(spaceId: $spaceId, item: $item, itemId: $itemId) {
      ...SpaceEditFields
    }
  }
`);
