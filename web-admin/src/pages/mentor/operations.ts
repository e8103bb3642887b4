import { graphql } from '../../gql';

export const MENTOR_OFFER_EDIT_FIELDS = graphql(`
  fragment MentorOfferEditFields on MentorOffer {
    id
    title
    themes
    availability
    description
    status
    version
    createdAt
    updatedAt
    mentor {
      id
      displayName
    }
  }
`);

/** Offers by id, filtered by status and theme; Relay cursors (forward only). */
export const ADMIN_MENTOR_OFFERS_QUERY = graphql(`
  query AdminMentorOffers($first: Int!, $after: String, $status: [MentorOfferStatus!], $theme: [MentorTheme!]) {
    mentorOffers(first: $first, after: $after, status: $status, theme: $theme) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        themes
        availability
        status
        version
        mentor {
          id
          displayName
        }
      }
    }
  }
`);

export const MENTOR_OFFER_EDIT_QUERY = graphql(`
  query MentorOfferEdit($id: ID!) {
    mentorOffer(id: $id) {
      ...MentorOfferEditFields
    }
  }
`);

export const CREATE_MENTOR_OFFER_MUTATION = graphql(`
  mutation CreateMentorOffer($input: CreateMentorOfferInput!) {
    createMentorOffer(input: $input) {
      ...MentorOfferEditFields
    }
  }
`);

/** Also archives: status CLOSED. */
export const UPDATE_MENTOR_OFFER_MUTATION = graphql(`
  mutation UpdateMentorOffer($id: ID!, $version: Int!, $input: MentorOfferPatch!) {
    updateMentorOffer(id: $id, version: $version, input: $input) {
      ...MentorOfferEditFields
    }
  }
`);
