import { graphql } from '../../gql';

export const STRUCTURE_EDIT_FIELDS = graphql(`
  fragment StructureEditFields on Structure {
    id
    name
    siret
    siren
    legalCategory
    essFamily
    essFamilyOverride
    essFamilyExplanation
    nafCode
    workforceRange
    volunteerCount
    address
    postalCode
    communeCode
    commune {
      id
      name
    }
    website
    email
    phone
    description
    services
    values
    acceptsInterns
    seeksVolunteers
    esus
    status
    lastVerifiedAt
    createdAt
    updatedAt
    version
    viewerCanEdit
    sectors {
      id
      slug
      name
    }
    networks {
      id
      slug
      name
    }
  }
`);

export const STRUCTURE_EDIT_QUERY = graphql(`
  query StructureEdit($id: ID!) {
    structure(id: $id) {
      ...StructureEditFields
    }
    sectors {
      id
      slug
      name
    }
    networks {
      id
      slug
      name
    }
  }
`);

export const STRUCTURE_REFERENCES_QUERY = graphql(`
  query StructureReferences {
    sectors {
      id
      slug
      name
    }
    networks {
      id
      slug
      name
    }
  }
`);

export const UPDATE_STRUCTURE_MUTATION = graphql(`
  mutation UpdateStructure($id: ID!, $version: Int!, $input: StructurePatch!) {
    updateStructure(id: $id, version: $version, input: $input) {
      ...StructureEditFields
    }
  }
`);

export const CREATE_STRUCTURE_MUTATION = graphql(`
  mutation CreateStructure($input: CreateStructureInput!) {
    createStructure(input: $input) {
      ...StructureEditFields
    }
  }
`);

export const SET_STRUCTURE_SECTORS_MUTATION = graphql(`
  mutation SetStructureSectors($id: ID!, $codes: [String!]!) {
    setStructureSectors(id: $id, codes: $codes) {
      id
      sectors {
        id
        slug
        name
      }
    }
  }
`);

export const SET_STRUCTURE_NETWORKS_MUTATION = graphql(`
  mutation SetStructureNetworks($id: ID!, $codes: [String!]!) {
    setStructureNetworks(id: $id, codes: $codes) {
      id
      networks {
        id
        slug
        name
      }
    }
  }
`);

export const ARCHIVE_STRUCTURE_MUTATION = graphql(`
  mutation ArchiveStructure($id: ID!, $version: Int!) {
    archiveStructure(id: $id, version: $version) {
      ...StructureEditFields
    }
  }
`);
