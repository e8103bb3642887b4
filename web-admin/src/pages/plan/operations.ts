import { graphql } from '../../gql';

export const PLAN_ACTION_FIELDS = graphql(`
  fragment PlanActionFields on PlanAction {
    id
    number
    title
    description
    owner
    status
    version
    objectives
    milestones {
      id
      title
      dueOn
      doneOn
    }
    indicators {
      id
      code
      title
      unit
      target
      computedKey
      current
      history {
        measuredOn
        value
        note
        source
      }
    }
  }
`);

export const PLAN_QUERY = graphql(`
  query PlanActions {
    planActions {
      ...PlanActionFields
    }
  }
`);

export const STEERING_MEETINGS_QUERY = graphql(`
  query SteeringMeetings {
    steeringMeetings {
      id
      heldOn
      title
      notes
      decisions {
        id
        text
        owner
        dueOn
        status
        followUp
        actionNumber
      }
    }
  }
`);

export const UPDATE_PLAN_ACTION_MUTATION = graphql(`
  mutation UpdatePlanAction($number: Int!, $version: Int!, $status: String!, $owner: String) {
    updatePlanAction(number: $number, version: $version, status: $status, owner: $owner) {
      ...PlanActionFields
    }
  }
`);

export const RECORD_INDICATOR_VALUE_MUTATION = graphql(`
  mutation RecordIndicatorValue($code: String!, $measuredOn: String!, $value: Float!, $note: String) {
    recordIndicatorValue(code: $code, measuredOn: $measuredOn, value: $value, note: $note)
  }
`);

export const CREATE_STEERING_MEETING_MUTATION = graphql(`
  mutation CreateSteeringMeeting($input: MeetingInput!) {
    createSteeringMeeting(input: $input) {
      id
    }
  }
`);

export const UPDATE_STEERING_DECISION_MUTATION = graphql(`
  mutation UpdateSteeringDecision($id: ID!, $status: String!, $followUp: String) {
    updateSteeringDecision(id: $id, status: $status, followUp: $followUp)
  }
`);

export const ADD_PLAN_MILESTONE_MUTATION = graphql(`
  mutation AddPlanMilestone($number: Int!, $title: String!, $dueOn: String) {
    addPlanMilestone(number: $number, title: $title, dueOn: $dueOn)
  }
`);

export const SET_PLAN_MILESTONE_DONE_MUTATION = graphql(`
  mutation SetPlanMilestoneDone($id: ID!, $doneOn: String) {
    setPlanMilestoneDone(id: $id, doneOn: $doneOn)
  }
`);
