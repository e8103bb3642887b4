import { graphql } from '../../gql';

export const NETWORK_EDIT_FIELDS = graphql(`
  fragment NetworkEditFields on Network {
    id
    slug
    name
    acronym
    kind
    scope
    description
    website
    status
    version
    memberCount
  }
`);

/**
 * Every network, archived ones included (the API honours `includeArchived` for ADMIN and STEERING
 * only), by name: no pagination, sort or filter in the API, the page filters in the browser.
 */
export const ADMIN_NETWORKS_QUERY = graphql(`
  query AdminNetworks {
    networks(includeArchived: true) {
      id
      slug
      name
      acronym
      kind
      scope
      status
      version
      memberCount
    }
  }
`);

export const NETWORK_EDIT_QUERY = graphql(`
  query NetworkEdit($slug: String!) {
    network(slug: $slug, includeArchived: true) {
      ...NetworkEditFields
    }
  }
`);

/** Published member structures (the API lists no others), 100 at most. */
export const NETWORK_MEMBERS_QUERY = graphql(`
  query NetworkMembers($slug: String!, $first: Int!) {
    network(slug: $slug, includeArchived: true) {
      id
      members(first: $first) {
        totalCount
        nodes {
          id
          name
        }
      }
    }
  }
`);

/** One membership, atomically (idempotent: `changed` is false when it already was so). */
export const ADD_NETWORK_MEMBER_MUTATION = graphql(`
  mutation AddNetworkMember($networkId: ID!, $structureId: ID!) {
    addNetworkMember(networkId: $networkId, structureId: $structureId) {
      changed
      member
      network {
        id
        memberCount
      }
    }
  }
`);

export const REMOVE_NETWORK_MEMBER_MUTATION = graphql(`
  mutation RemoveNetworkMember($networkId: ID!, $structureId: ID!) {
    removeNetworkMember(networkId: $networkId, structureId: $structureId) {
      changed
      member
      network {
        id
        memberCount
      }
    }
  }
`);

export const CREATE_NETWORK_MUTATION = graphql(`
  mutation CreateNetwork($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      ...NetworkEditFields
    }
  }
`);

export const UPDATE_NETWORK_MUTATION = graphql(`
  mutation UpdateNetwork($id: ID!, $version: Int!, $input: NetworkPatch!) {
    updateNetwork(id: $id, version: $version, input: $input) {
      ...NetworkEditFields
    }
  }
`);

export const ARCHIVE_NETWORK_MUTATION = graphql(`
  mutation ArchiveNetwork($id: ID!, $version: Int!) {
    archiveNetwork(id: $id, version: $version) {
      ...NetworkEditFields
    }
  }
`);

export const RESTORE_NETWORK_MUTATION = graphql(`
  mutation RestoreNetwork($id: ID!, $version: Int!) {
    restoreNetwork(id: $id, version: $version) {
      ...NetworkEditFields
    }
  }
`);
