import { graphql } from '../../gql';

/** What the project page shows and edits; every mutation of a project answers with it. */
export const CARRIER_PROJECT_EDIT_FIELDS = graphql(`
  fragment CarrierProjectEditFields on CarrierProject {
    id
    title
    description
    stage
    stageChangedOn
    communeCode
    archived
    anonymisedAt
    version
    createdAt
    updatedAt
    person {
      id
      displayName
    }
    commune {
      code
      name
    }
    sector {
      id
      slug
      name
    }
    referrals {
      id
      referredOn
      status
      note
      author
      structure {
        id
        name
      }
    }
    stageHistory {
      id
      fromStage
      toStage
      changedOn
      note
      author
    }
    mentorship {
      startsOn
      endsOn
      active
      mentorOffer {
        id
        title
      }
    }
    technicalOpinion {
      verdict
      text
      givenOn
      author
    }
  }
`);

/** The admin table (offset pages) and the pipeline bar, under the same filters (but the stage, for the bar). */
export const CARRIER_PROJECTS_QUERY = graphql(`
  query CarrierProjects(
    $text: String
    $stage: [CarrierProjectStage!]
    $commune: [String!]
    $epci: [String!]
    $sector: [String!]
    $archived: Boolean
    $page: Int!
    $pageSize: Int!
  ) {
    carrierProjects(
      text: $text
      stage: $stage
      commune: $commune
      epci: $epci
      sector: $sector
      archived: $archived
      page: $page
      pageSize: $pageSize
    ) {
      totalCount
      items {
        id
        title
        stage
        stageChangedOn
        archived
        person {
          id
          displayName
        }
        commune {
          code
          name
        }
        sector {
          id
          name
        }
      }
    }
    carrierProjectPipeline(text: $text, commune: $commune, epci: $epci, sector: $sector, archived: $archived) {
      stage
      count
    }
  }
`);

/** The choices of the forms and filters: sectors, EPCIs of the Nord, offers of tutorat still open. */
export const CARRIER_PROJECT_REFERENCES_QUERY = graphql(`
  query CarrierProjectReferences {
    sectors {
      id
      slug
      name
    }
    epcis(departement: ["59"], first: 100) {
      nodes {
        siren
        name
      }
    }
    mentorOffers(status: [OPEN, FULL], first: 100) {
      nodes {
        id
        title
        mentor {
          id
          displayName
        }
      }
    }
  }
`);

export const CARRIER_PROJECT_EDIT_QUERY = graphql(`
  query CarrierProjectEdit($id: ID!) {
    carrierProject(id: $id) {
      ...CarrierProjectEditFields
    }
  }
`);

export const CREATE_CARRIER_PROJECT_MUTATION = graphql(`
  mutation CreateCarrierProject($input: CreateCarrierProjectInput!) {
    createCarrierProject(input: $input) {
      ...CarrierProjectEditFields
    }
  }
`);

export const UPDATE_CARRIER_PROJECT_MUTATION = graphql(`
  mutation UpdateCarrierProject($id: ID!, $version: Int!, $input: CarrierProjectPatch!) {
    updateCarrierProject(id: $id, version: $version, input: $input) {
      ...CarrierProjectEditFields
    }
  }
`);

export const MOVE_CARRIER_PROJECT_STAGE_MUTATION = graphql(`
  mutation MoveCarrierProjectStage($id: ID!, $version: Int!, $input: StageChangeInput!) {
    moveCarrierProjectStage(id: $id, version: $version, input: $input) {
      ...CarrierProjectEditFields
    }
  }
`);

export const ADD_CARRIER_PROJECT_REFERRAL_MUTATION = graphql(`
  mutation AddCarrierProjectReferral($id: ID!, $version: Int!, $input: ReferralInput!) {
    addCarrierProjectReferral(id: $id, version: $version, input: $input) {
      ...CarrierProjectEditFields
    }
  }
`);

export const UPDATE_CARRIER_PROJECT_REFERRAL_MUTATION = graphql(`
  mutation UpdateCarrierProjectReferral($id: ID!, $version: Int!, $referralId: ID!, $input: ReferralPatch!) {
    updateCarrierProjectReferral(id: $id, version: $version, referralId: $referralId, input: $input) {
      ...CarrierProjectEditFields
    }
  }
`);

export const SET_CARRIER_PROJECT_MENTORSHIP_MUTATION = graphql(`
  mutation SetCarrierProjectMentorship($id: ID!, $version: Int!, $mentorship: MentorshipInput) {
    setCarrierProjectMentorship(id: $id, version: $version, mentorship: $mentorship) {
      ...CarrierProjectEditFields
    }
  }
`);

export const RECORD_CARRIER_PROJECT_OPINION_MUTATION = graphql(`
  mutation RecordCarrierProjectOpinion($id: ID!, $version: Int!, $input: TechnicalOpinionInput!) {
    recordCarrierProjectOpinion(id: $id, version: $version, input: $input) {
      ...CarrierProjectEditFields
    }
  }
`);

export const ARCHIVE_CARRIER_PROJECT_MUTATION = graphql(`
  mutation ArchiveCarrierProject($id: ID!, $version: Int!) {
    archiveCarrierProject(id: $id, version: $version) {
      ...CarrierProjectEditFields
    }
  }
`);

export const RESTORE_CARRIER_PROJECT_MUTATION = graphql(`
  mutation RestoreCarrierProject($id: ID!, $version: Int!) {
    restoreCarrierProject(id: $id, version: $version) {
      ...CarrierProjectEditFields
    }
  }
`);
