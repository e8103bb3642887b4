import { graphql } from '../../gql';

export const SECTOR_EDIT_FIELDS = graphql(`
  fragment SectorEditFields on Sector {
    id
    slug
    name
    description
    status
    version
    structureCount
    facilitators {
      id
      displayName
    }
  }
`);

/**
 * Every sector, archived ones included (the API honours `includeArchived` for ADMIN and STEERING
 * only), by name: no pagination, sort or filter in the API, the page filters in the browser.
 */
export const ADMIN_SECTORS_QUERY = graphql(`
  query AdminSectors {
    sectors(includeArchived: true) {
      id
      slug
      name
      status
      version
      structureCount
      facilitators {
        id
        displayName
      }
    }
  }
`);

export const SECTOR_EDIT_QUERY = graphql(`
  query SectorEdit($slug: String!) {
    sector(slug: $slug, includeArchived: true) {
      ...SectorEditFields
    }
  }
`);

export const CREATE_SECTOR_MUTATION = graphql(`
  mutation CreateSector($input: CreateSectorInput!) {
    createSector(input: $input) {
      ...SectorEditFields
    }
  }
`);

export const UPDATE_SECTOR_MUTATION = graphql(`
  mutation UpdateSector($id: ID!, $version: Int!, $input: SectorPatch!) {
    updateSector(id: $id, version: $version, input: $input) {
      ...SectorEditFields
    }
  }
`);

export const ARCHIVE_SECTOR_MUTATION = graphql(`
  mutation ArchiveSector($id: ID!, $version: Int!) {
    archiveSector(id: $id, version: $version) {
      ...SectorEditFields
    }
  }
`);

export const RESTORE_SECTOR_MUTATION = graphql(`
  mutation RestoreSector($id: ID!, $version: Int!) {
    restoreSector(id: $id, version: $version) {
      ...SectorEditFields
    }
  }
`);

/** Under the sector's version (bumped by a change), like the text. */
export const SET_SECTOR_FACILITATORS_MUTATION = graphql(`
  mutation SetSectorFacilitators($id: ID!, $version: Int!, $personIds: [ID!]!) {
    setSectorFacilitators(id: $id, version: $version, personIds: $personIds) {
      ...SectorEditFields
    }
  }
`);
