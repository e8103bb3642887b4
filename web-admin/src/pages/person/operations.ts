import { graphql } from '../../gql';

/** What the person page edits; every versioned mutation answers with it. */
export const PERSON_EDIT_FIELDS = graphql(`
  fragment PersonEditFields on Person {
    id
    displayName
    firstName
    lastName
    email
    phone
    jobTitle
    bio
    isPublic
    anonymisedAt
    lastContactAt
    status
    version
    structure {
      id
      name
    }
  }
`);

/**
 * One person, archived ones included for the mission and the steering committee (the API's
 * `person(id:)` returns every person to ADMIN and STEERING, personal fields included).
 */
export const PERSON_EDIT_QUERY = graphql(`
  query PersonEdit($id: ID!) {
    person(id: $id) {
      ...PersonEditFields
      consents {
        id
        scope
        version
        grantedAt
        withdrawnAt
      }
      facilitatedSectors {
        id
        slug
        name
      }
      mentorOffers {
        id
        title
      }
      carrierProjects {
        id
        title
        stage
        archived
      }
    }
  }
`);

export const CREATE_PERSON_MUTATION = graphql(`
  mutation CreatePerson($input: PersonPatch!) {
    createPerson(input: $input) {
      ...PersonEditFields
    }
  }
`);

export const UPDATE_PERSON_MUTATION = graphql(`
  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {
    updatePerson(id: $id, version: $version, input: $input) {
      ...PersonEditFields
    }
  }
`);

export const ARCHIVE_PERSON_MUTATION = graphql(`
  mutation ArchivePerson($id: ID!, $version: Int!) {
    archivePerson(id: $id, version: $version) {
      ...PersonEditFields
    }
  }
`);

export const RESTORE_PERSON_MUTATION = graphql(`
  mutation RestorePerson($id: ID!, $version: Int!) {
    restorePerson(id: $id, version: $version) {
      ...PersonEditFields
    }
  }
`);

// GDPR (mission only): export, erasure, consents.

export const PERSON_DATA_QUERY = graphql(`
  query PersonData($id: ID!) {
    personData(id: $id)
  }
`);

export const ERASE_PERSON_MUTATION = graphql(`
  mutation ErasePerson($id: ID!) {
    erasePerson(id: $id) {
      id
      displayName
      firstName
      lastName
      email
      isPublic
    }
  }
`);

export const RECORD_CONSENT_MUTATION = graphql(`
  mutation RecordConsent($personId: ID!, $scope: String!, $version: String!) {
    recordConsent(personId: $personId, scope: $scope, version: $version) {
      id
      scope
      version
      grantedAt
      withdrawnAt
    }
  }
`);

export const WITHDRAW_CONSENT_MUTATION = graphql(`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) {
      id
      scope
      version
      grantedAt
      withdrawnAt
    }
  }
`);
