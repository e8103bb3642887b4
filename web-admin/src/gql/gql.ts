/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query AuditLog($entityType: String, $entityId: String, $actor: String, $action: String, $first: Int, $after: String) {\n    auditLog(entityType: $entityType, entityId: $entityId, actor: $actor, action: $action, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query EcosystemStats {\n    ecosystemStats {\n      structures\n      sectors\n      networks\n      persons\n      workshops\n      chantiers\n      studyDays\n      mentorOffers\n      communes\n      epcis\n    }\n  }\n": typeof types.EcosystemStatsDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query PersonPickerSearch($text: String, $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        jobTitle\n        structure {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PersonPickerSearchDocument,
    "\n  query PickerDirectoryStructures($text: String, $first: Int) {\n    searchStructures(text: $text, first: $first) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PickerDirectoryStructuresDocument,
    "\n  fragment AccountFields on Account {\n    id\n    email\n    displayName\n    roles\n    disabled\n    locked\n    lastLoginAt\n    version\n    structures {\n      id\n      name\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AccountFieldsFragmentDoc,
    "\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AccountFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      ...AccountFields\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  mutation UpdateAccount($id: ID!, $version: Int!, $input: UpdateAccountInput!) {\n    updateAccount(id: $id, version: $version, input: $input) {\n      ...AccountFields\n    }\n  }\n": typeof types.UpdateAccountDocument,
    "\n  mutation ImportStructures($csv: String!, $commit: Boolean!, $skipInvalid: Boolean) {\n    importStructures(csv: $csv, commit: $commit, skipInvalid: $skipInvalid) {\n      committed\n      totalRows\n      validRows\n      created\n      updated\n      errors {\n        line\n        column\n        message\n      }\n      preview {\n        line\n        action\n        name\n        siret\n        communeCode\n      }\n    }\n  }\n": typeof types.ImportStructuresDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Submissions($status: [SubmissionStatus!], $first: Int, $after: String) {\n    submissions(status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          createdAt\n          submitterName\n          submitterEmail\n          message\n          rejectReason\n          reviewedAt\n          structure {\n            id\n            name\n          }\n          changes {\n            field\n            current\n            proposed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SubmissionsDocument,
    "\n  mutation AcceptSubmission($id: ID!) {\n    acceptSubmission(id: $id) {\n      id\n      status\n      reviewedAt\n      structure {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptSubmissionDocument,
    "\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) {\n      id\n      status\n      reviewedAt\n      rejectReason\n    }\n  }\n": typeof types.RejectSubmissionDocument,
    "\n  query MailOutbox($first: Int) {\n    mailOutbox(first: $first) {\n      id\n      recipient\n      subject\n      body\n      createdAt\n    }\n  }\n": typeof types.MailOutboxDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query AdminPersons($text: String, $status: [PersonStatus!], $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, status: $status, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        firstName\n        lastName\n        email\n        isPublic\n        status\n        structure {\n          id\n          name\n        }\n        consents {\n          id\n          scope\n          version\n          grantedAt\n          withdrawnAt\n        }\n      }\n    }\n  }\n": typeof types.AdminPersonsDocument,
    "\n  query AdminStructures(\n    $text: String\n    $status: [StructureStatus!]\n    $sort: AdminStructureSort\n    $descending: Boolean\n    $page: Int!\n    $pageSize: Int!\n  ) {\n    adminStructures(text: $text, status: $status, sort: $sort, descending: $descending, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        name\n        status\n        essFamily\n        commune {\n          id\n          name\n        }\n        createdAt\n        updatedAt\n        version\n        viewerCanEdit\n      }\n    }\n  }\n": typeof types.AdminStructuresDocument,
    "\n  fragment MentorOfferEditFields on MentorOffer {\n    id\n    title\n    themes\n    availability\n    description\n    status\n    version\n    createdAt\n    updatedAt\n    mentor {\n      id\n      displayName\n    }\n  }\n": typeof types.MentorOfferEditFieldsFragmentDoc,
    "\n  query AdminMentorOffers($first: Int!, $after: String, $status: [MentorOfferStatus!], $theme: [MentorTheme!]) {\n    mentorOffers(first: $first, after: $after, status: $status, theme: $theme) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        themes\n        availability\n        status\n        version\n        mentor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.AdminMentorOffersDocument,
    "\n  query MentorOfferEdit($id: ID!) {\n    mentorOffer(id: $id) {\n      ...MentorOfferEditFields\n    }\n  }\n": typeof types.MentorOfferEditDocument,
    "\n  mutation CreateMentorOffer($input: CreateMentorOfferInput!) {\n    createMentorOffer(input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n": typeof types.CreateMentorOfferDocument,
    "\n  mutation UpdateMentorOffer($id: ID!, $version: Int!, $input: MentorOfferPatch!) {\n    updateMentorOffer(id: $id, version: $version, input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n": typeof types.UpdateMentorOfferDocument,
    "\n  fragment NetworkEditFields on Network {\n    id\n    slug\n    name\n    acronym\n    kind\n    scope\n    description\n    website\n    status\n    version\n    memberCount\n  }\n": typeof types.NetworkEditFieldsFragmentDoc,
    "\n  query AdminNetworks {\n    networks(includeArchived: true) {\n      id\n      slug\n      name\n      acronym\n      kind\n      scope\n      status\n      version\n      memberCount\n    }\n  }\n": typeof types.AdminNetworksDocument,
    "\n  query NetworkEdit($slug: String!) {\n    network(slug: $slug, includeArchived: true) {\n      ...NetworkEditFields\n    }\n  }\n": typeof types.NetworkEditDocument,
    "\n  query NetworkMembers($slug: String!, $first: Int!) {\n    network(slug: $slug, includeArchived: true) {\n      id\n      members(first: $first) {\n        totalCount\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.NetworkMembersDocument,
    "\n  mutation AddNetworkMember($networkId: ID!, $structureId: ID!) {\n    addNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.AddNetworkMemberDocument,
    "\n  mutation RemoveNetworkMember($networkId: ID!, $structureId: ID!) {\n    removeNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.RemoveNetworkMemberDocument,
    "\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      ...NetworkEditFields\n    }\n  }\n": typeof types.CreateNetworkDocument,
    "\n  mutation UpdateNetwork($id: ID!, $version: Int!, $input: NetworkPatch!) {\n    updateNetwork(id: $id, version: $version, input: $input) {\n      ...NetworkEditFields\n    }\n  }\n": typeof types.UpdateNetworkDocument,
    "\n  mutation ArchiveNetwork($id: ID!, $version: Int!) {\n    archiveNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n": typeof types.ArchiveNetworkDocument,
    "\n  mutation RestoreNetwork($id: ID!, $version: Int!) {\n    restoreNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n": typeof types.RestoreNetworkDocument,
    "\n  fragment ObservatoryFiguresFields on ObservatoryFigures {\n    establishments\n    employers\n    declaredEstablishments\n    declaredEmployees\n    estimatedLow\n    estimatedMid\n    estimatedHigh\n    employeesLow\n    employeesMid\n    employeesHigh\n  }\n": typeof types.ObservatoryFiguresFieldsFragmentDoc,
    "\n  query Observatory($year: Int, $zone: String, $epci: [String!], $essFamily: [EssFamily!], $sector: [String!]) {\n    observatory(year: $year, zone: $zone, epci: $epci, essFamily: $essFamily, sector: $sector) {\n      year\n      scope\n      computedAt\n      ruleVersion\n      notes\n      totals {\n        ...ObservatoryFiguresFields\n      }\n      byFamily {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byNafSection {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byEpci {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byCommune {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      bySector {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      series {\n        year\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      references {\n        territoryType\n        territoryCode\n        territoryName\n        indicator\n        year\n        value\n        source\n      }\n      share {\n        essEmployees\n        totalEmployees\n        percent\n        referenceYear\n        source\n      }\n    }\n  }\n": typeof types.ObservatoryDocument,
    "\n  query ObservatorySectors {\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.ObservatorySectorsDocument,
    "\n  mutation RefreshObservatory($year: Int) {\n    refreshObservatory(year: $year)\n  }\n": typeof types.RefreshObservatoryDocument,
    "\n  query TerritoryCommunes($epci: [String!], $after: String) {\n    communes(epci: $epci, first: 100, after: $after) {\n      nodes {\n        id\n        code\n        name\n        epciSiren\n        latitude\n        longitude\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TerritoryCommunesDocument,
    "\n  fragment PersonEditFields on Person {\n    id\n    displayName\n    firstName\n    lastName\n    email\n    phone\n    jobTitle\n    bio\n    isPublic\n    anonymisedAt\n    lastContactAt\n    status\n    version\n    structure {\n      id\n      name\n    }\n  }\n": typeof types.PersonEditFieldsFragmentDoc,
    "\n  query PersonEdit($id: ID!) {\n    person(id: $id) {\n      ...PersonEditFields\n      consents {\n        id\n        scope\n        version\n        grantedAt\n        withdrawnAt\n      }\n      facilitatedSectors {\n        id\n        slug\n        name\n      }\n      mentorOffers {\n        id\n        title\n      }\n    }\n  }\n": typeof types.PersonEditDocument,
    "\n  mutation CreatePerson($input: PersonPatch!) {\n    createPerson(input: $input) {\n      ...PersonEditFields\n    }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...PersonEditFields\n    }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation ArchivePerson($id: ID!, $version: Int!) {\n    archivePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n": typeof types.ArchivePersonDocument,
    "\n  mutation RestorePerson($id: ID!, $version: Int!) {\n    restorePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n": typeof types.RestorePersonDocument,
    "\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n": typeof types.PersonDataDocument,
    "\n  mutation ErasePerson($id: ID!) {\n    erasePerson(id: $id) {\n      id\n      displayName\n      firstName\n      lastName\n      email\n      isPublic\n    }\n  }\n": typeof types.ErasePersonDocument,
    "\n  mutation RecordConsent($personId: ID!, $scope: String!, $version: String!) {\n    recordConsent(personId: $personId, scope: $scope, version: $version) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n": typeof types.RecordConsentDocument,
    "\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawConsentDocument,
    "\n  fragment PlanActionFields on PlanAction {\n    id\n    number\n    title\n    description\n    owner\n    status\n    version\n    objectives\n    milestones {\n      id\n      title\n      dueOn\n      doneOn\n    }\n    indicators {\n      id\n      code\n      title\n      unit\n      target\n      computedKey\n      current\n      history {\n        measuredOn\n        value\n        note\n        source\n      }\n    }\n  }\n": typeof types.PlanActionFieldsFragmentDoc,
    "\n  query PlanActions {\n    planActions {\n      ...PlanActionFields\n    }\n  }\n": typeof types.PlanActionsDocument,
    "\n  query SteeringMeetings {\n    steeringMeetings {\n      id\n      heldOn\n      title\n      notes\n      decisions {\n        id\n        text\n        owner\n        dueOn\n        status\n        followUp\n        actionNumber\n      }\n    }\n  }\n": typeof types.SteeringMeetingsDocument,
    "\n  mutation UpdatePlanAction($number: Int!, $version: Int!, $status: String!, $owner: String) {\n    updatePlanAction(number: $number, version: $version, status: $status, owner: $owner) {\n      ...PlanActionFields\n    }\n  }\n": typeof types.UpdatePlanActionDocument,
    "\n  mutation RecordIndicatorValue($code: String!, $measuredOn: String!, $value: Float!, $note: String) {\n    recordIndicatorValue(code: $code, measuredOn: $measuredOn, value: $value, note: $note)\n  }\n": typeof types.RecordIndicatorValueDocument,
    "\n  mutation CreateSteeringMeeting($input: MeetingInput!) {\n    createSteeringMeeting(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSteeringMeetingDocument,
    "\n  mutation UpdateSteeringDecision($id: ID!, $status: String!, $followUp: String) {\n    updateSteeringDecision(id: $id, status: $status, followUp: $followUp)\n  }\n": typeof types.UpdateSteeringDecisionDocument,
    "\n  mutation AddPlanMilestone($number: Int!, $title: String!, $dueOn: String) {\n    addPlanMilestone(number: $number, title: $title, dueOn: $dueOn)\n  }\n": typeof types.AddPlanMilestoneDocument,
    "\n  mutation SetPlanMilestoneDone($id: ID!, $doneOn: String) {\n    setPlanMilestoneDone(id: $id, doneOn: $doneOn)\n  }\n": typeof types.SetPlanMilestoneDoneDocument,
    "\n  fragment SectorEditFields on Sector {\n    id\n    slug\n    name\n    description\n    status\n    version\n    structureCount\n    facilitators {\n      id\n      displayName\n    }\n  }\n": typeof types.SectorEditFieldsFragmentDoc,
    "\n  query AdminSectors {\n    sectors(includeArchived: true) {\n      id\n      slug\n      name\n      status\n      version\n      structureCount\n      facilitators {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.AdminSectorsDocument,
    "\n  query SectorEdit($slug: String!) {\n    sector(slug: $slug, includeArchived: true) {\n      ...SectorEditFields\n    }\n  }\n": typeof types.SectorEditDocument,
    "\n  mutation CreateSector($input: CreateSectorInput!) {\n    createSector(input: $input) {\n      ...SectorEditFields\n    }\n  }\n": typeof types.CreateSectorDocument,
    "\n  mutation UpdateSector($id: ID!, $version: Int!, $input: SectorPatch!) {\n    updateSector(id: $id, version: $version, input: $input) {\n      ...SectorEditFields\n    }\n  }\n": typeof types.UpdateSectorDocument,
    "\n  mutation ArchiveSector($id: ID!, $version: Int!) {\n    archiveSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n": typeof types.ArchiveSectorDocument,
    "\n  mutation RestoreSector($id: ID!, $version: Int!) {\n    restoreSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n": typeof types.RestoreSectorDocument,
    "\n  mutation SetSectorFacilitators($id: ID!, $version: Int!, $personIds: [ID!]!) {\n    setSectorFacilitators(id: $id, version: $version, personIds: $personIds) {\n      ...SectorEditFields\n    }\n  }\n": typeof types.SetSectorFacilitatorsDocument,
    "\n  fragment SpaceRowFields on ParticipatorySpace {\n    id\n    kind\n    title\n    status\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n    }\n    participants {\n      id\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n": typeof types.SpaceRowFieldsFragmentDoc,
    "\n  query AdminSpaces(\n    $workshops: Boolean!\n    $chantiers: Boolean!\n    $studyDays: Boolean!\n    $sector: [String!]\n    $status: [SpaceStatus!]\n    $first: Int\n    $after: String\n  ) {\n    workshops(sector: $sector, status: $status, first: $first, after: $after) @include(if: $workshops) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    chantiers(sector: $sector, status: $status, first: $first, after: $after) @include(if: $chantiers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    studyDays(sector: $sector, status: $status, first: $first, after: $after) @include(if: $studyDays) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n  }\n": typeof types.AdminSpacesDocument,
    "\n  query SpaceReferences {\n    sectors {\n      id\n      slug\n      name\n      status\n    }\n    viewer {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.SpaceReferencesDocument,
    "\n  fragment SpaceEditFields on ParticipatorySpace {\n    id\n    kind\n    title\n    goal\n    description\n    status\n    version\n    archived\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n      endsAt\n      place\n      communeCode\n      commune {\n        id\n        name\n      }\n      notes\n    }\n    participants {\n      id\n      role\n      joinedAt\n      structure {\n        id\n        name\n      }\n      person {\n        id\n        displayName\n      }\n    }\n    deliverables {\n      id\n      title\n      kind\n      description\n      url\n      deliveredAt\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n": typeof types.SpaceEditFieldsFragmentDoc,
    "\n  query SpaceEdit($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ...SpaceEditFields\n    }\n  }\n": typeof types.SpaceEditDocument,
    "\n  mutation CreateSpace($kind: SpaceKind!, $input: CreateSpaceInput!) {\n    createSpace(kind: $kind, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.CreateSpaceDocument,
    "\n  mutation UpdateSpace($id: ID!, $version: Int!, $input: SpacePatch!) {\n    updateSpace(id: $id, version: $version, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.UpdateSpaceDocument,
    "\n  mutation ArchiveSpace($id: ID!, $version: Int!) {\n    archiveSpace(id: $id, version: $version) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.ArchiveSpaceDocument,
    "\n  mutation AddSpaceSession($spaceId: ID!, $input: SessionInput!) {\n    addSpaceSession(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.AddSpaceSessionDocument,
    "\n  mutation AddSpaceParticipant($spaceId: ID!, $input: ParticipantInput!) {\n    addSpaceParticipant(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.AddSpaceParticipantDocument,
    "\n  mutation AddSpaceDeliverable($spaceId: ID!, $input: DeliverableInput!) {\n    addSpaceDeliverable(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.AddSpaceDeliverableDocument,
    "\n  mutation RemoveSpaceItem($spaceId: ID!, $item: SpaceItem!, $itemId: ID!) {\n    removeSpaceItem(spaceId: $spaceId, item: $item, itemId: $itemId) {\n      ...SpaceEditFields\n    }\n  }\n": typeof types.RemoveSpaceItemDocument,
    "\n  fragment StructureEditFields on Structure {\n    id\n    name\n    siret\n    siren\n    legalCategory\n    essFamily\n    essFamilyOverride\n    essFamilyExplanation\n    nafCode\n    workforceRange\n    volunteerCount\n    address\n    postalCode\n    communeCode\n    commune {\n      id\n      name\n    }\n    website\n    email\n    phone\n    description\n    services\n    values\n    acceptsInterns\n    seeksVolunteers\n    esus\n    status\n    lastVerifiedAt\n    createdAt\n    updatedAt\n    version\n    viewerCanEdit\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.StructureEditFieldsFragmentDoc,
    "\n  query StructureEdit($id: ID!) {\n    structure(id: $id) {\n      ...StructureEditFields\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.StructureEditDocument,
    "\n  query StructureReferences {\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.StructureReferencesDocument,
    "\n  mutation UpdateStructure($id: ID!, $version: Int!, $input: StructurePatch!) {\n    updateStructure(id: $id, version: $version, input: $input) {\n      ...StructureEditFields\n    }\n  }\n": typeof types.UpdateStructureDocument,
    "\n  mutation CreateStructure($input: CreateStructureInput!) {\n    createStructure(input: $input) {\n      ...StructureEditFields\n    }\n  }\n": typeof types.CreateStructureDocument,
    "\n  mutation SetStructureSectors($id: ID!, $codes: [String!]!) {\n    setStructureSectors(id: $id, codes: $codes) {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.SetStructureSectorsDocument,
    "\n  mutation SetStructureNetworks($id: ID!, $codes: [String!]!) {\n    setStructureNetworks(id: $id, codes: $codes) {\n      id\n      networks {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.SetStructureNetworksDocument,
    "\n  mutation ArchiveStructure($id: ID!, $version: Int!) {\n    archiveStructure(id: $id, version: $version) {\n      ...StructureEditFields\n    }\n  }\n": typeof types.ArchiveStructureDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n": types.ViewerDocument,
    "\n  query AuditLog($entityType: String, $entityId: String, $actor: String, $action: String, $first: Int, $after: String) {\n    auditLog(entityType: $entityType, entityId: $entityId, actor: $actor, action: $action, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query EcosystemStats {\n    ecosystemStats {\n      structures\n      sectors\n      networks\n      persons\n      workshops\n      chantiers\n      studyDays\n      mentorOffers\n      communes\n      epcis\n    }\n  }\n": types.EcosystemStatsDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query PersonPickerSearch($text: String, $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        jobTitle\n        structure {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PersonPickerSearchDocument,
    "\n  query PickerDirectoryStructures($text: String, $first: Int) {\n    searchStructures(text: $text, first: $first) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.PickerDirectoryStructuresDocument,
    "\n  fragment AccountFields on Account {\n    id\n    email\n    displayName\n    roles\n    disabled\n    locked\n    lastLoginAt\n    version\n    structures {\n      id\n      name\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n": types.AccountFieldsFragmentDoc,
    "\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AccountFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n": types.AccountsDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      ...AccountFields\n    }\n  }\n": types.CreateAccountDocument,
    "\n  mutation UpdateAccount($id: ID!, $version: Int!, $input: UpdateAccountInput!) {\n    updateAccount(id: $id, version: $version, input: $input) {\n      ...AccountFields\n    }\n  }\n": types.UpdateAccountDocument,
    "\n  mutation ImportStructures($csv: String!, $commit: Boolean!, $skipInvalid: Boolean) {\n    importStructures(csv: $csv, commit: $commit, skipInvalid: $skipInvalid) {\n      committed\n      totalRows\n      validRows\n      created\n      updated\n      errors {\n        line\n        column\n        message\n      }\n      preview {\n        line\n        action\n        name\n        siret\n        communeCode\n      }\n    }\n  }\n": types.ImportStructuresDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n": types.LoginDocument,
    "\n  query Submissions($status: [SubmissionStatus!], $first: Int, $after: String) {\n    submissions(status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          createdAt\n          submitterName\n          submitterEmail\n          message\n          rejectReason\n          reviewedAt\n          structure {\n            id\n            name\n          }\n          changes {\n            field\n            current\n            proposed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SubmissionsDocument,
    "\n  mutation AcceptSubmission($id: ID!) {\n    acceptSubmission(id: $id) {\n      id\n      status\n      reviewedAt\n      structure {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptSubmissionDocument,
    "\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) {\n      id\n      status\n      reviewedAt\n      rejectReason\n    }\n  }\n": types.RejectSubmissionDocument,
    "\n  query MailOutbox($first: Int) {\n    mailOutbox(first: $first) {\n      id\n      recipient\n      subject\n      body\n      createdAt\n    }\n  }\n": types.MailOutboxDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n": types.ResetPasswordDocument,
    "\n  query AdminPersons($text: String, $status: [PersonStatus!], $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, status: $status, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        firstName\n        lastName\n        email\n        isPublic\n        status\n        structure {\n          id\n          name\n        }\n        consents {\n          id\n          scope\n          version\n          grantedAt\n          withdrawnAt\n        }\n      }\n    }\n  }\n": types.AdminPersonsDocument,
    "\n  query AdminStructures(\n    $text: String\n    $status: [StructureStatus!]\n    $sort: AdminStructureSort\n    $descending: Boolean\n    $page: Int!\n    $pageSize: Int!\n  ) {\n    adminStructures(text: $text, status: $status, sort: $sort, descending: $descending, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        name\n        status\n        essFamily\n        commune {\n          id\n          name\n        }\n        createdAt\n        updatedAt\n        version\n        viewerCanEdit\n      }\n    }\n  }\n": types.AdminStructuresDocument,
    "\n  fragment MentorOfferEditFields on MentorOffer {\n    id\n    title\n    themes\n    availability\n    description\n    status\n    version\n    createdAt\n    updatedAt\n    mentor {\n      id\n      displayName\n    }\n  }\n": types.MentorOfferEditFieldsFragmentDoc,
    "\n  query AdminMentorOffers($first: Int!, $after: String, $status: [MentorOfferStatus!], $theme: [MentorTheme!]) {\n    mentorOffers(first: $first, after: $after, status: $status, theme: $theme) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        themes\n        availability\n        status\n        version\n        mentor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.AdminMentorOffersDocument,
    "\n  query MentorOfferEdit($id: ID!) {\n    mentorOffer(id: $id) {\n      ...MentorOfferEditFields\n    }\n  }\n": types.MentorOfferEditDocument,
    "\n  mutation CreateMentorOffer($input: CreateMentorOfferInput!) {\n    createMentorOffer(input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n": types.CreateMentorOfferDocument,
    "\n  mutation UpdateMentorOffer($id: ID!, $version: Int!, $input: MentorOfferPatch!) {\n    updateMentorOffer(id: $id, version: $version, input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n": types.UpdateMentorOfferDocument,
    "\n  fragment NetworkEditFields on Network {\n    id\n    slug\n    name\n    acronym\n    kind\n    scope\n    description\n    website\n    status\n    version\n    memberCount\n  }\n": types.NetworkEditFieldsFragmentDoc,
    "\n  query AdminNetworks {\n    networks(includeArchived: true) {\n      id\n      slug\n      name\n      acronym\n      kind\n      scope\n      status\n      version\n      memberCount\n    }\n  }\n": types.AdminNetworksDocument,
    "\n  query NetworkEdit($slug: String!) {\n    network(slug: $slug, includeArchived: true) {\n      ...NetworkEditFields\n    }\n  }\n": types.NetworkEditDocument,
    "\n  query NetworkMembers($slug: String!, $first: Int!) {\n    network(slug: $slug, includeArchived: true) {\n      id\n      members(first: $first) {\n        totalCount\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.NetworkMembersDocument,
    "\n  mutation AddNetworkMember($networkId: ID!, $structureId: ID!) {\n    addNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n": types.AddNetworkMemberDocument,
    "\n  mutation RemoveNetworkMember($networkId: ID!, $structureId: ID!) {\n    removeNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n": types.RemoveNetworkMemberDocument,
    "\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      ...NetworkEditFields\n    }\n  }\n": types.CreateNetworkDocument,
    "\n  mutation UpdateNetwork($id: ID!, $version: Int!, $input: NetworkPatch!) {\n    updateNetwork(id: $id, version: $version, input: $input) {\n      ...NetworkEditFields\n    }\n  }\n": types.UpdateNetworkDocument,
    "\n  mutation ArchiveNetwork($id: ID!, $version: Int!) {\n    archiveNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n": types.ArchiveNetworkDocument,
    "\n  mutation RestoreNetwork($id: ID!, $version: Int!) {\n    restoreNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n": types.RestoreNetworkDocument,
    "\n  fragment ObservatoryFiguresFields on ObservatoryFigures {\n    establishments\n    employers\n    declaredEstablishments\n    declaredEmployees\n    estimatedLow\n    estimatedMid\n    estimatedHigh\n    employeesLow\n    employeesMid\n    employeesHigh\n  }\n": types.ObservatoryFiguresFieldsFragmentDoc,
    "\n  query Observatory($year: Int, $zone: String, $epci: [String!], $essFamily: [EssFamily!], $sector: [String!]) {\n    observatory(year: $year, zone: $zone, epci: $epci, essFamily: $essFamily, sector: $sector) {\n      year\n      scope\n      computedAt\n      ruleVersion\n      notes\n      totals {\n        ...ObservatoryFiguresFields\n      }\n      byFamily {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byNafSection {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byEpci {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byCommune {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      bySector {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      series {\n        year\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      references {\n        territoryType\n        territoryCode\n        territoryName\n        indicator\n        year\n        value\n        source\n      }\n      share {\n        essEmployees\n        totalEmployees\n        percent\n        referenceYear\n        source\n      }\n    }\n  }\n": types.ObservatoryDocument,
    "\n  query ObservatorySectors {\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n": types.ObservatorySectorsDocument,
    "\n  mutation RefreshObservatory($year: Int) {\n    refreshObservatory(year: $year)\n  }\n": types.RefreshObservatoryDocument,
    "\n  query TerritoryCommunes($epci: [String!], $after: String) {\n    communes(epci: $epci, first: 100, after: $after) {\n      nodes {\n        id\n        code\n        name\n        epciSiren\n        latitude\n        longitude\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TerritoryCommunesDocument,
    "\n  fragment PersonEditFields on Person {\n    id\n    displayName\n    firstName\n    lastName\n    email\n    phone\n    jobTitle\n    bio\n    isPublic\n    anonymisedAt\n    lastContactAt\n    status\n    version\n    structure {\n      id\n      name\n    }\n  }\n": types.PersonEditFieldsFragmentDoc,
    "\n  query PersonEdit($id: ID!) {\n    person(id: $id) {\n      ...PersonEditFields\n      consents {\n        id\n        scope\n        version\n        grantedAt\n        withdrawnAt\n      }\n      facilitatedSectors {\n        id\n        slug\n        name\n      }\n      mentorOffers {\n        id\n        title\n      }\n    }\n  }\n": types.PersonEditDocument,
    "\n  mutation CreatePerson($input: PersonPatch!) {\n    createPerson(input: $input) {\n      ...PersonEditFields\n    }\n  }\n": types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...PersonEditFields\n    }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation ArchivePerson($id: ID!, $version: Int!) {\n    archivePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n": types.ArchivePersonDocument,
    "\n  mutation RestorePerson($id: ID!, $version: Int!) {\n    restorePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n": types.RestorePersonDocument,
    "\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n": types.PersonDataDocument,
    "\n  mutation ErasePerson($id: ID!) {\n    erasePerson(id: $id) {\n      id\n      displayName\n      firstName\n      lastName\n      email\n      isPublic\n    }\n  }\n": types.ErasePersonDocument,
    "\n  mutation RecordConsent($personId: ID!, $scope: String!, $version: String!) {\n    recordConsent(personId: $personId, scope: $scope, version: $version) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n": types.RecordConsentDocument,
    "\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n": types.WithdrawConsentDocument,
    "\n  fragment PlanActionFields on PlanAction {\n    id\n    number\n    title\n    description\n    owner\n    status\n    version\n    objectives\n    milestones {\n      id\n      title\n      dueOn\n      doneOn\n    }\n    indicators {\n      id\n      code\n      title\n      unit\n      target\n      computedKey\n      current\n      history {\n        measuredOn\n        value\n        note\n        source\n      }\n    }\n  }\n": types.PlanActionFieldsFragmentDoc,
    "\n  query PlanActions {\n    planActions {\n      ...PlanActionFields\n    }\n  }\n": types.PlanActionsDocument,
    "\n  query SteeringMeetings {\n    steeringMeetings {\n      id\n      heldOn\n      title\n      notes\n      decisions {\n        id\n        text\n        owner\n        dueOn\n        status\n        followUp\n        actionNumber\n      }\n    }\n  }\n": types.SteeringMeetingsDocument,
    "\n  mutation UpdatePlanAction($number: Int!, $version: Int!, $status: String!, $owner: String) {\n    updatePlanAction(number: $number, version: $version, status: $status, owner: $owner) {\n      ...PlanActionFields\n    }\n  }\n": types.UpdatePlanActionDocument,
    "\n  mutation RecordIndicatorValue($code: String!, $measuredOn: String!, $value: Float!, $note: String) {\n    recordIndicatorValue(code: $code, measuredOn: $measuredOn, value: $value, note: $note)\n  }\n": types.RecordIndicatorValueDocument,
    "\n  mutation CreateSteeringMeeting($input: MeetingInput!) {\n    createSteeringMeeting(input: $input) {\n      id\n    }\n  }\n": types.CreateSteeringMeetingDocument,
    "\n  mutation UpdateSteeringDecision($id: ID!, $status: String!, $followUp: String) {\n    updateSteeringDecision(id: $id, status: $status, followUp: $followUp)\n  }\n": types.UpdateSteeringDecisionDocument,
    "\n  mutation AddPlanMilestone($number: Int!, $title: String!, $dueOn: String) {\n    addPlanMilestone(number: $number, title: $title, dueOn: $dueOn)\n  }\n": types.AddPlanMilestoneDocument,
    "\n  mutation SetPlanMilestoneDone($id: ID!, $doneOn: String) {\n    setPlanMilestoneDone(id: $id, doneOn: $doneOn)\n  }\n": types.SetPlanMilestoneDoneDocument,
    "\n  fragment SectorEditFields on Sector {\n    id\n    slug\n    name\n    description\n    status\n    version\n    structureCount\n    facilitators {\n      id\n      displayName\n    }\n  }\n": types.SectorEditFieldsFragmentDoc,
    "\n  query AdminSectors {\n    sectors(includeArchived: true) {\n      id\n      slug\n      name\n      status\n      version\n      structureCount\n      facilitators {\n        id\n        displayName\n      }\n    }\n  }\n": types.AdminSectorsDocument,
    "\n  query SectorEdit($slug: String!) {\n    sector(slug: $slug, includeArchived: true) {\n      ...SectorEditFields\n    }\n  }\n": types.SectorEditDocument,
    "\n  mutation CreateSector($input: CreateSectorInput!) {\n    createSector(input: $input) {\n      ...SectorEditFields\n    }\n  }\n": types.CreateSectorDocument,
    "\n  mutation UpdateSector($id: ID!, $version: Int!, $input: SectorPatch!) {\n    updateSector(id: $id, version: $version, input: $input) {\n      ...SectorEditFields\n    }\n  }\n": types.UpdateSectorDocument,
    "\n  mutation ArchiveSector($id: ID!, $version: Int!) {\n    archiveSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n": types.ArchiveSectorDocument,
    "\n  mutation RestoreSector($id: ID!, $version: Int!) {\n    restoreSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n": types.RestoreSectorDocument,
    "\n  mutation SetSectorFacilitators($id: ID!, $version: Int!, $personIds: [ID!]!) {\n    setSectorFacilitators(id: $id, version: $version, personIds: $personIds) {\n      ...SectorEditFields\n    }\n  }\n": types.SetSectorFacilitatorsDocument,
    "\n  fragment SpaceRowFields on ParticipatorySpace {\n    id\n    kind\n    title\n    status\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n    }\n    participants {\n      id\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n": types.SpaceRowFieldsFragmentDoc,
    "\n  query AdminSpaces(\n    $workshops: Boolean!\n    $chantiers: Boolean!\n    $studyDays: Boolean!\n    $sector: [String!]\n    $status: [SpaceStatus!]\n    $first: Int\n    $after: String\n  ) {\n    workshops(sector: $sector, status: $status, first: $first, after: $after) @include(if: $workshops) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    chantiers(sector: $sector, status: $status, first: $first, after: $after) @include(if: $chantiers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    studyDays(sector: $sector, status: $status, first: $first, after: $after) @include(if: $studyDays) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n  }\n": types.AdminSpacesDocument,
    "\n  query SpaceReferences {\n    sectors {\n      id\n      slug\n      name\n      status\n    }\n    viewer {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.SpaceReferencesDocument,
    "\n  fragment SpaceEditFields on ParticipatorySpace {\n    id\n    kind\n    title\n    goal\n    description\n    status\n    version\n    archived\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n      endsAt\n      place\n      communeCode\n      commune {\n        id\n        name\n      }\n      notes\n    }\n    participants {\n      id\n      role\n      joinedAt\n      structure {\n        id\n        name\n      }\n      person {\n        id\n        displayName\n      }\n    }\n    deliverables {\n      id\n      title\n      kind\n      description\n      url\n      deliveredAt\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n": types.SpaceEditFieldsFragmentDoc,
    "\n  query SpaceEdit($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ...SpaceEditFields\n    }\n  }\n": types.SpaceEditDocument,
    "\n  mutation CreateSpace($kind: SpaceKind!, $input: CreateSpaceInput!) {\n    createSpace(kind: $kind, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": types.CreateSpaceDocument,
    "\n  mutation UpdateSpace($id: ID!, $version: Int!, $input: SpacePatch!) {\n    updateSpace(id: $id, version: $version, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": types.UpdateSpaceDocument,
    "\n  mutation ArchiveSpace($id: ID!, $version: Int!) {\n    archiveSpace(id: $id, version: $version) {\n      ...SpaceEditFields\n    }\n  }\n": types.ArchiveSpaceDocument,
    "\n  mutation AddSpaceSession($spaceId: ID!, $input: SessionInput!) {\n    addSpaceSession(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": types.AddSpaceSessionDocument,
    "\n  mutation AddSpaceParticipant($spaceId: ID!, $input: ParticipantInput!) {\n    addSpaceParticipant(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": types.AddSpaceParticipantDocument,
    "\n  mutation AddSpaceDeliverable($spaceId: ID!, $input: DeliverableInput!) {\n    addSpaceDeliverable(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n": types.AddSpaceDeliverableDocument,
    "\n  mutation RemoveSpaceItem($spaceId: ID!, $item: SpaceItem!, $itemId: ID!) {\n    removeSpaceItem(spaceId: $spaceId, item: $item, itemId: $itemId) {\n      ...SpaceEditFields\n    }\n  }\n": types.RemoveSpaceItemDocument,
    "\n  fragment StructureEditFields on Structure {\n    id\n    name\n    siret\n    siren\n    legalCategory\n    essFamily\n    essFamilyOverride\n    essFamilyExplanation\n    nafCode\n    workforceRange\n    volunteerCount\n    address\n    postalCode\n    communeCode\n    commune {\n      id\n      name\n    }\n    website\n    email\n    phone\n    description\n    services\n    values\n    acceptsInterns\n    seeksVolunteers\n    esus\n    status\n    lastVerifiedAt\n    createdAt\n    updatedAt\n    version\n    viewerCanEdit\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n": types.StructureEditFieldsFragmentDoc,
    "\n  query StructureEdit($id: ID!) {\n    structure(id: $id) {\n      ...StructureEditFields\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n": types.StructureEditDocument,
    "\n  query StructureReferences {\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n": types.StructureReferencesDocument,
    "\n  mutation UpdateStructure($id: ID!, $version: Int!, $input: StructurePatch!) {\n    updateStructure(id: $id, version: $version, input: $input) {\n      ...StructureEditFields\n    }\n  }\n": types.UpdateStructureDocument,
    "\n  mutation CreateStructure($input: CreateStructureInput!) {\n    createStructure(input: $input) {\n      ...StructureEditFields\n    }\n  }\n": types.CreateStructureDocument,
    "\n  mutation SetStructureSectors($id: ID!, $codes: [String!]!) {\n    setStructureSectors(id: $id, codes: $codes) {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.SetStructureSectorsDocument,
    "\n  mutation SetStructureNetworks($id: ID!, $codes: [String!]!) {\n    setStructureNetworks(id: $id, codes: $codes) {\n      id\n      networks {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.SetStructureNetworksDocument,
    "\n  mutation ArchiveStructure($id: ID!, $version: Int!) {\n    archiveStructure(id: $id, version: $version) {\n      ...StructureEditFields\n    }\n  }\n": types.ArchiveStructureDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($entityType: String, $entityId: String, $actor: String, $action: String, $first: Int, $after: String) {\n    auditLog(entityType: $entityType, entityId: $entityId, actor: $actor, action: $action, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($entityType: String, $entityId: String, $actor: String, $action: String, $first: Int, $after: String) {\n    auditLog(entityType: $entityType, entityId: $entityId, actor: $actor, action: $action, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor\n          action\n          entityType\n          entityId\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EcosystemStats {\n    ecosystemStats {\n      structures\n      sectors\n      networks\n      persons\n      workshops\n      chantiers\n      studyDays\n      mentorOffers\n      communes\n      epcis\n    }\n  }\n"): (typeof documents)["\n  query EcosystemStats {\n    ecosystemStats {\n      structures\n      sectors\n      networks\n      persons\n      workshops\n      chantiers\n      studyDays\n      mentorOffers\n      communes\n      epcis\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonPickerSearch($text: String, $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        jobTitle\n        structure {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonPickerSearch($text: String, $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        jobTitle\n        structure {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickerDirectoryStructures($text: String, $first: Int) {\n    searchStructures(text: $text, first: $first) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PickerDirectoryStructures($text: String, $first: Int) {\n    searchStructures(text: $text, first: $first) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountFields on Account {\n    id\n    email\n    displayName\n    roles\n    disabled\n    locked\n    lastLoginAt\n    version\n    structures {\n      id\n      name\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AccountFields on Account {\n    id\n    email\n    displayName\n    roles\n    disabled\n    locked\n    lastLoginAt\n    version\n    structures {\n      id\n      name\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AccountFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query Accounts($first: Int, $after: String) {\n    accounts(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AccountFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      ...AccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      ...AccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAccount($id: ID!, $version: Int!, $input: UpdateAccountInput!) {\n    updateAccount(id: $id, version: $version, input: $input) {\n      ...AccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAccount($id: ID!, $version: Int!, $input: UpdateAccountInput!) {\n    updateAccount(id: $id, version: $version, input: $input) {\n      ...AccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportStructures($csv: String!, $commit: Boolean!, $skipInvalid: Boolean) {\n    importStructures(csv: $csv, commit: $commit, skipInvalid: $skipInvalid) {\n      committed\n      totalRows\n      validRows\n      created\n      updated\n      errors {\n        line\n        column\n        message\n      }\n      preview {\n        line\n        action\n        name\n        siret\n        communeCode\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportStructures($csv: String!, $commit: Boolean!, $skipInvalid: Boolean) {\n    importStructures(csv: $csv, commit: $commit, skipInvalid: $skipInvalid) {\n      committed\n      totalRows\n      validRows\n      created\n      updated\n      errors {\n        line\n        column\n        message\n      }\n      preview {\n        line\n        action\n        name\n        siret\n        communeCode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      id\n      email\n      displayName\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submissions($status: [SubmissionStatus!], $first: Int, $after: String) {\n    submissions(status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          createdAt\n          submitterName\n          submitterEmail\n          message\n          rejectReason\n          reviewedAt\n          structure {\n            id\n            name\n          }\n          changes {\n            field\n            current\n            proposed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Submissions($status: [SubmissionStatus!], $first: Int, $after: String) {\n    submissions(status: $status, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          kind\n          status\n          createdAt\n          submitterName\n          submitterEmail\n          message\n          rejectReason\n          reviewedAt\n          structure {\n            id\n            name\n          }\n          changes {\n            field\n            current\n            proposed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptSubmission($id: ID!) {\n    acceptSubmission(id: $id) {\n      id\n      status\n      reviewedAt\n      structure {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptSubmission($id: ID!) {\n    acceptSubmission(id: $id) {\n      id\n      status\n      reviewedAt\n      structure {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) {\n      id\n      status\n      reviewedAt\n      rejectReason\n    }\n  }\n"): (typeof documents)["\n  mutation RejectSubmission($id: ID!, $reason: String!) {\n    rejectSubmission(id: $id, reason: $reason) {\n      id\n      status\n      reviewedAt\n      rejectReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailOutbox($first: Int) {\n    mailOutbox(first: $first) {\n      id\n      recipient\n      subject\n      body\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query MailOutbox($first: Int) {\n    mailOutbox(first: $first) {\n      id\n      recipient\n      subject\n      body\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPersons($text: String, $status: [PersonStatus!], $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, status: $status, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        firstName\n        lastName\n        email\n        isPublic\n        status\n        structure {\n          id\n          name\n        }\n        consents {\n          id\n          scope\n          version\n          grantedAt\n          withdrawnAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPersons($text: String, $status: [PersonStatus!], $page: Int, $pageSize: Int) {\n    adminPersons(text: $text, status: $status, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        displayName\n        firstName\n        lastName\n        email\n        isPublic\n        status\n        structure {\n          id\n          name\n        }\n        consents {\n          id\n          scope\n          version\n          grantedAt\n          withdrawnAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStructures(\n    $text: String\n    $status: [StructureStatus!]\n    $sort: AdminStructureSort\n    $descending: Boolean\n    $page: Int!\n    $pageSize: Int!\n  ) {\n    adminStructures(text: $text, status: $status, sort: $sort, descending: $descending, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        name\n        status\n        essFamily\n        commune {\n          id\n          name\n        }\n        createdAt\n        updatedAt\n        version\n        viewerCanEdit\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStructures(\n    $text: String\n    $status: [StructureStatus!]\n    $sort: AdminStructureSort\n    $descending: Boolean\n    $page: Int!\n    $pageSize: Int!\n  ) {\n    adminStructures(text: $text, status: $status, sort: $sort, descending: $descending, page: $page, pageSize: $pageSize) {\n      totalCount\n      items {\n        id\n        name\n        status\n        essFamily\n        commune {\n          id\n          name\n        }\n        createdAt\n        updatedAt\n        version\n        viewerCanEdit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MentorOfferEditFields on MentorOffer {\n    id\n    title\n    themes\n    availability\n    description\n    status\n    version\n    createdAt\n    updatedAt\n    mentor {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MentorOfferEditFields on MentorOffer {\n    id\n    title\n    themes\n    availability\n    description\n    status\n    version\n    createdAt\n    updatedAt\n    mentor {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMentorOffers($first: Int!, $after: String, $status: [MentorOfferStatus!], $theme: [MentorTheme!]) {\n    mentorOffers(first: $first, after: $after, status: $status, theme: $theme) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        themes\n        availability\n        status\n        version\n        mentor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMentorOffers($first: Int!, $after: String, $status: [MentorOfferStatus!], $theme: [MentorTheme!]) {\n    mentorOffers(first: $first, after: $after, status: $status, theme: $theme) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        title\n        themes\n        availability\n        status\n        version\n        mentor {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorOfferEdit($id: ID!) {\n    mentorOffer(id: $id) {\n      ...MentorOfferEditFields\n    }\n  }\n"): (typeof documents)["\n  query MentorOfferEdit($id: ID!) {\n    mentorOffer(id: $id) {\n      ...MentorOfferEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMentorOffer($input: CreateMentorOfferInput!) {\n    createMentorOffer(input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMentorOffer($input: CreateMentorOfferInput!) {\n    createMentorOffer(input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMentorOffer($id: ID!, $version: Int!, $input: MentorOfferPatch!) {\n    updateMentorOffer(id: $id, version: $version, input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMentorOffer($id: ID!, $version: Int!, $input: MentorOfferPatch!) {\n    updateMentorOffer(id: $id, version: $version, input: $input) {\n      ...MentorOfferEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NetworkEditFields on Network {\n    id\n    slug\n    name\n    acronym\n    kind\n    scope\n    description\n    website\n    status\n    version\n    memberCount\n  }\n"): (typeof documents)["\n  fragment NetworkEditFields on Network {\n    id\n    slug\n    name\n    acronym\n    kind\n    scope\n    description\n    website\n    status\n    version\n    memberCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminNetworks {\n    networks(includeArchived: true) {\n      id\n      slug\n      name\n      acronym\n      kind\n      scope\n      status\n      version\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  query AdminNetworks {\n    networks(includeArchived: true) {\n      id\n      slug\n      name\n      acronym\n      kind\n      scope\n      status\n      version\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkEdit($slug: String!) {\n    network(slug: $slug, includeArchived: true) {\n      ...NetworkEditFields\n    }\n  }\n"): (typeof documents)["\n  query NetworkEdit($slug: String!) {\n    network(slug: $slug, includeArchived: true) {\n      ...NetworkEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkMembers($slug: String!, $first: Int!) {\n    network(slug: $slug, includeArchived: true) {\n      id\n      members(first: $first) {\n        totalCount\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NetworkMembers($slug: String!, $first: Int!) {\n    network(slug: $slug, includeArchived: true) {\n      id\n      members(first: $first) {\n        totalCount\n        nodes {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddNetworkMember($networkId: ID!, $structureId: ID!) {\n    addNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddNetworkMember($networkId: ID!, $structureId: ID!) {\n    addNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveNetworkMember($networkId: ID!, $structureId: ID!) {\n    removeNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveNetworkMember($networkId: ID!, $structureId: ID!) {\n    removeNetworkMember(networkId: $networkId, structureId: $structureId) {\n      changed\n      member\n      network {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      ...NetworkEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      ...NetworkEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNetwork($id: ID!, $version: Int!, $input: NetworkPatch!) {\n    updateNetwork(id: $id, version: $version, input: $input) {\n      ...NetworkEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNetwork($id: ID!, $version: Int!, $input: NetworkPatch!) {\n    updateNetwork(id: $id, version: $version, input: $input) {\n      ...NetworkEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveNetwork($id: ID!, $version: Int!) {\n    archiveNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveNetwork($id: ID!, $version: Int!) {\n    archiveNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreNetwork($id: ID!, $version: Int!) {\n    restoreNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreNetwork($id: ID!, $version: Int!) {\n    restoreNetwork(id: $id, version: $version) {\n      ...NetworkEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObservatoryFiguresFields on ObservatoryFigures {\n    establishments\n    employers\n    declaredEstablishments\n    declaredEmployees\n    estimatedLow\n    estimatedMid\n    estimatedHigh\n    employeesLow\n    employeesMid\n    employeesHigh\n  }\n"): (typeof documents)["\n  fragment ObservatoryFiguresFields on ObservatoryFigures {\n    establishments\n    employers\n    declaredEstablishments\n    declaredEmployees\n    estimatedLow\n    estimatedMid\n    estimatedHigh\n    employeesLow\n    employeesMid\n    employeesHigh\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Observatory($year: Int, $zone: String, $epci: [String!], $essFamily: [EssFamily!], $sector: [String!]) {\n    observatory(year: $year, zone: $zone, epci: $epci, essFamily: $essFamily, sector: $sector) {\n      year\n      scope\n      computedAt\n      ruleVersion\n      notes\n      totals {\n        ...ObservatoryFiguresFields\n      }\n      byFamily {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byNafSection {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byEpci {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byCommune {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      bySector {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      series {\n        year\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      references {\n        territoryType\n        territoryCode\n        territoryName\n        indicator\n        year\n        value\n        source\n      }\n      share {\n        essEmployees\n        totalEmployees\n        percent\n        referenceYear\n        source\n      }\n    }\n  }\n"): (typeof documents)["\n  query Observatory($year: Int, $zone: String, $epci: [String!], $essFamily: [EssFamily!], $sector: [String!]) {\n    observatory(year: $year, zone: $zone, epci: $epci, essFamily: $essFamily, sector: $sector) {\n      year\n      scope\n      computedAt\n      ruleVersion\n      notes\n      totals {\n        ...ObservatoryFiguresFields\n      }\n      byFamily {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byNafSection {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byEpci {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      byCommune {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      bySector {\n        key\n        label\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      series {\n        year\n        figures {\n          ...ObservatoryFiguresFields\n        }\n      }\n      references {\n        territoryType\n        territoryCode\n        territoryName\n        indicator\n        year\n        value\n        source\n      }\n      share {\n        essEmployees\n        totalEmployees\n        percent\n        referenceYear\n        source\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservatorySectors {\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query ObservatorySectors {\n    sectors {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshObservatory($year: Int) {\n    refreshObservatory(year: $year)\n  }\n"): (typeof documents)["\n  mutation RefreshObservatory($year: Int) {\n    refreshObservatory(year: $year)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TerritoryCommunes($epci: [String!], $after: String) {\n    communes(epci: $epci, first: 100, after: $after) {\n      nodes {\n        id\n        code\n        name\n        epciSiren\n        latitude\n        longitude\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query TerritoryCommunes($epci: [String!], $after: String) {\n    communes(epci: $epci, first: 100, after: $after) {\n      nodes {\n        id\n        code\n        name\n        epciSiren\n        latitude\n        longitude\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonEditFields on Person {\n    id\n    displayName\n    firstName\n    lastName\n    email\n    phone\n    jobTitle\n    bio\n    isPublic\n    anonymisedAt\n    lastContactAt\n    status\n    version\n    structure {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PersonEditFields on Person {\n    id\n    displayName\n    firstName\n    lastName\n    email\n    phone\n    jobTitle\n    bio\n    isPublic\n    anonymisedAt\n    lastContactAt\n    status\n    version\n    structure {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonEdit($id: ID!) {\n    person(id: $id) {\n      ...PersonEditFields\n      consents {\n        id\n        scope\n        version\n        grantedAt\n        withdrawnAt\n      }\n      facilitatedSectors {\n        id\n        slug\n        name\n      }\n      mentorOffers {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonEdit($id: ID!) {\n    person(id: $id) {\n      ...PersonEditFields\n      consents {\n        id\n        scope\n        version\n        grantedAt\n        withdrawnAt\n      }\n      facilitatedSectors {\n        id\n        slug\n        name\n      }\n      mentorOffers {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: PersonPatch!) {\n    createPerson(input: $input) {\n      ...PersonEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: PersonPatch!) {\n    createPerson(input: $input) {\n      ...PersonEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...PersonEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($id: ID!, $version: Int!, $input: PersonPatch!) {\n    updatePerson(id: $id, version: $version, input: $input) {\n      ...PersonEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchivePerson($id: ID!, $version: Int!) {\n    archivePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchivePerson($id: ID!, $version: Int!) {\n    archivePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePerson($id: ID!, $version: Int!) {\n    restorePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePerson($id: ID!, $version: Int!) {\n    restorePerson(id: $id, version: $version) {\n      ...PersonEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n"): (typeof documents)["\n  query PersonData($id: ID!) {\n    personData(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ErasePerson($id: ID!) {\n    erasePerson(id: $id) {\n      id\n      displayName\n      firstName\n      lastName\n      email\n      isPublic\n    }\n  }\n"): (typeof documents)["\n  mutation ErasePerson($id: ID!) {\n    erasePerson(id: $id) {\n      id\n      displayName\n      firstName\n      lastName\n      email\n      isPublic\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConsent($personId: ID!, $scope: String!, $version: String!) {\n    recordConsent(personId: $personId, scope: $scope, version: $version) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecordConsent($personId: ID!, $scope: String!, $version: String!) {\n    recordConsent(personId: $personId, scope: $scope, version: $version) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) {\n      id\n      scope\n      version\n      grantedAt\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanActionFields on PlanAction {\n    id\n    number\n    title\n    description\n    owner\n    status\n    version\n    objectives\n    milestones {\n      id\n      title\n      dueOn\n      doneOn\n    }\n    indicators {\n      id\n      code\n      title\n      unit\n      target\n      computedKey\n      current\n      history {\n        measuredOn\n        value\n        note\n        source\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PlanActionFields on PlanAction {\n    id\n    number\n    title\n    description\n    owner\n    status\n    version\n    objectives\n    milestones {\n      id\n      title\n      dueOn\n      doneOn\n    }\n    indicators {\n      id\n      code\n      title\n      unit\n      target\n      computedKey\n      current\n      history {\n        measuredOn\n        value\n        note\n        source\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanActions {\n    planActions {\n      ...PlanActionFields\n    }\n  }\n"): (typeof documents)["\n  query PlanActions {\n    planActions {\n      ...PlanActionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SteeringMeetings {\n    steeringMeetings {\n      id\n      heldOn\n      title\n      notes\n      decisions {\n        id\n        text\n        owner\n        dueOn\n        status\n        followUp\n        actionNumber\n      }\n    }\n  }\n"): (typeof documents)["\n  query SteeringMeetings {\n    steeringMeetings {\n      id\n      heldOn\n      title\n      notes\n      decisions {\n        id\n        text\n        owner\n        dueOn\n        status\n        followUp\n        actionNumber\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlanAction($number: Int!, $version: Int!, $status: String!, $owner: String) {\n    updatePlanAction(number: $number, version: $version, status: $status, owner: $owner) {\n      ...PlanActionFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlanAction($number: Int!, $version: Int!, $status: String!, $owner: String) {\n    updatePlanAction(number: $number, version: $version, status: $status, owner: $owner) {\n      ...PlanActionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordIndicatorValue($code: String!, $measuredOn: String!, $value: Float!, $note: String) {\n    recordIndicatorValue(code: $code, measuredOn: $measuredOn, value: $value, note: $note)\n  }\n"): (typeof documents)["\n  mutation RecordIndicatorValue($code: String!, $measuredOn: String!, $value: Float!, $note: String) {\n    recordIndicatorValue(code: $code, measuredOn: $measuredOn, value: $value, note: $note)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSteeringMeeting($input: MeetingInput!) {\n    createSteeringMeeting(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSteeringMeeting($input: MeetingInput!) {\n    createSteeringMeeting(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSteeringDecision($id: ID!, $status: String!, $followUp: String) {\n    updateSteeringDecision(id: $id, status: $status, followUp: $followUp)\n  }\n"): (typeof documents)["\n  mutation UpdateSteeringDecision($id: ID!, $status: String!, $followUp: String) {\n    updateSteeringDecision(id: $id, status: $status, followUp: $followUp)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPlanMilestone($number: Int!, $title: String!, $dueOn: String) {\n    addPlanMilestone(number: $number, title: $title, dueOn: $dueOn)\n  }\n"): (typeof documents)["\n  mutation AddPlanMilestone($number: Int!, $title: String!, $dueOn: String) {\n    addPlanMilestone(number: $number, title: $title, dueOn: $dueOn)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPlanMilestoneDone($id: ID!, $doneOn: String) {\n    setPlanMilestoneDone(id: $id, doneOn: $doneOn)\n  }\n"): (typeof documents)["\n  mutation SetPlanMilestoneDone($id: ID!, $doneOn: String) {\n    setPlanMilestoneDone(id: $id, doneOn: $doneOn)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SectorEditFields on Sector {\n    id\n    slug\n    name\n    description\n    status\n    version\n    structureCount\n    facilitators {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment SectorEditFields on Sector {\n    id\n    slug\n    name\n    description\n    status\n    version\n    structureCount\n    facilitators {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSectors {\n    sectors(includeArchived: true) {\n      id\n      slug\n      name\n      status\n      version\n      structureCount\n      facilitators {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSectors {\n    sectors(includeArchived: true) {\n      id\n      slug\n      name\n      status\n      version\n      structureCount\n      facilitators {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SectorEdit($slug: String!) {\n    sector(slug: $slug, includeArchived: true) {\n      ...SectorEditFields\n    }\n  }\n"): (typeof documents)["\n  query SectorEdit($slug: String!) {\n    sector(slug: $slug, includeArchived: true) {\n      ...SectorEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSector($input: CreateSectorInput!) {\n    createSector(input: $input) {\n      ...SectorEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSector($input: CreateSectorInput!) {\n    createSector(input: $input) {\n      ...SectorEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSector($id: ID!, $version: Int!, $input: SectorPatch!) {\n    updateSector(id: $id, version: $version, input: $input) {\n      ...SectorEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSector($id: ID!, $version: Int!, $input: SectorPatch!) {\n    updateSector(id: $id, version: $version, input: $input) {\n      ...SectorEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveSector($id: ID!, $version: Int!) {\n    archiveSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveSector($id: ID!, $version: Int!) {\n    archiveSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreSector($id: ID!, $version: Int!) {\n    restoreSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreSector($id: ID!, $version: Int!) {\n    restoreSector(id: $id, version: $version) {\n      ...SectorEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSectorFacilitators($id: ID!, $version: Int!, $personIds: [ID!]!) {\n    setSectorFacilitators(id: $id, version: $version, personIds: $personIds) {\n      ...SectorEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetSectorFacilitators($id: ID!, $version: Int!, $personIds: [ID!]!) {\n    setSectorFacilitators(id: $id, version: $version, personIds: $personIds) {\n      ...SectorEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SpaceRowFields on ParticipatorySpace {\n    id\n    kind\n    title\n    status\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n    }\n    participants {\n      id\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n"): (typeof documents)["\n  fragment SpaceRowFields on ParticipatorySpace {\n    id\n    kind\n    title\n    status\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n    }\n    participants {\n      id\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSpaces(\n    $workshops: Boolean!\n    $chantiers: Boolean!\n    $studyDays: Boolean!\n    $sector: [String!]\n    $status: [SpaceStatus!]\n    $first: Int\n    $after: String\n  ) {\n    workshops(sector: $sector, status: $status, first: $first, after: $after) @include(if: $workshops) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    chantiers(sector: $sector, status: $status, first: $first, after: $after) @include(if: $chantiers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    studyDays(sector: $sector, status: $status, first: $first, after: $after) @include(if: $studyDays) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSpaces(\n    $workshops: Boolean!\n    $chantiers: Boolean!\n    $studyDays: Boolean!\n    $sector: [String!]\n    $status: [SpaceStatus!]\n    $first: Int\n    $after: String\n  ) {\n    workshops(sector: $sector, status: $status, first: $first, after: $after) @include(if: $workshops) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    chantiers(sector: $sector, status: $status, first: $first, after: $after) @include(if: $chantiers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n    studyDays(sector: $sector, status: $status, first: $first, after: $after) @include(if: $studyDays) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SpaceRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceReferences {\n    sectors {\n      id\n      slug\n      name\n      status\n    }\n    viewer {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceReferences {\n    sectors {\n      id\n      slug\n      name\n      status\n    }\n    viewer {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SpaceEditFields on ParticipatorySpace {\n    id\n    kind\n    title\n    goal\n    description\n    status\n    version\n    archived\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n      endsAt\n      place\n      communeCode\n      commune {\n        id\n        name\n      }\n      notes\n    }\n    participants {\n      id\n      role\n      joinedAt\n      structure {\n        id\n        name\n      }\n      person {\n        id\n        displayName\n      }\n    }\n    deliverables {\n      id\n      title\n      kind\n      description\n      url\n      deliveredAt\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n"): (typeof documents)["\n  fragment SpaceEditFields on ParticipatorySpace {\n    id\n    kind\n    title\n    goal\n    description\n    status\n    version\n    archived\n    sector {\n      id\n      slug\n      name\n    }\n    sessions {\n      id\n      startsAt\n      endsAt\n      place\n      communeCode\n      commune {\n        id\n        name\n      }\n      notes\n    }\n    participants {\n      id\n      role\n      joinedAt\n      structure {\n        id\n        name\n      }\n      person {\n        id\n        displayName\n      }\n    }\n    deliverables {\n      id\n      title\n      kind\n      description\n      url\n      deliveredAt\n    }\n    ... on Workshop {\n      viewerCanEdit\n    }\n    ... on Chantier {\n      viewerCanEdit\n    }\n    ... on StudyDay {\n      viewerCanEdit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceEdit($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  query SpaceEdit($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSpace($kind: SpaceKind!, $input: CreateSpaceInput!) {\n    createSpace(kind: $kind, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSpace($kind: SpaceKind!, $input: CreateSpaceInput!) {\n    createSpace(kind: $kind, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSpace($id: ID!, $version: Int!, $input: SpacePatch!) {\n    updateSpace(id: $id, version: $version, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSpace($id: ID!, $version: Int!, $input: SpacePatch!) {\n    updateSpace(id: $id, version: $version, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveSpace($id: ID!, $version: Int!) {\n    archiveSpace(id: $id, version: $version) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveSpace($id: ID!, $version: Int!) {\n    archiveSpace(id: $id, version: $version) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSpaceSession($spaceId: ID!, $input: SessionInput!) {\n    addSpaceSession(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddSpaceSession($spaceId: ID!, $input: SessionInput!) {\n    addSpaceSession(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSpaceParticipant($spaceId: ID!, $input: ParticipantInput!) {\n    addSpaceParticipant(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddSpaceParticipant($spaceId: ID!, $input: ParticipantInput!) {\n    addSpaceParticipant(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSpaceDeliverable($spaceId: ID!, $input: DeliverableInput!) {\n    addSpaceDeliverable(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddSpaceDeliverable($spaceId: ID!, $input: DeliverableInput!) {\n    addSpaceDeliverable(spaceId: $spaceId, input: $input) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSpaceItem($spaceId: ID!, $item: SpaceItem!, $itemId: ID!) {\n    removeSpaceItem(spaceId: $spaceId, item: $item, itemId: $itemId) {\n      ...SpaceEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveSpaceItem($spaceId: ID!, $item: SpaceItem!, $itemId: ID!) {\n    removeSpaceItem(spaceId: $spaceId, item: $item, itemId: $itemId) {\n      ...SpaceEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StructureEditFields on Structure {\n    id\n    name\n    siret\n    siren\n    legalCategory\n    essFamily\n    essFamilyOverride\n    essFamilyExplanation\n    nafCode\n    workforceRange\n    volunteerCount\n    address\n    postalCode\n    communeCode\n    commune {\n      id\n      name\n    }\n    website\n    email\n    phone\n    description\n    services\n    values\n    acceptsInterns\n    seeksVolunteers\n    esus\n    status\n    lastVerifiedAt\n    createdAt\n    updatedAt\n    version\n    viewerCanEdit\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StructureEditFields on Structure {\n    id\n    name\n    siret\n    siren\n    legalCategory\n    essFamily\n    essFamilyOverride\n    essFamilyExplanation\n    nafCode\n    workforceRange\n    volunteerCount\n    address\n    postalCode\n    communeCode\n    commune {\n      id\n      name\n    }\n    website\n    email\n    phone\n    description\n    services\n    values\n    acceptsInterns\n    seeksVolunteers\n    esus\n    status\n    lastVerifiedAt\n    createdAt\n    updatedAt\n    version\n    viewerCanEdit\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StructureEdit($id: ID!) {\n    structure(id: $id) {\n      ...StructureEditFields\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query StructureEdit($id: ID!) {\n    structure(id: $id) {\n      ...StructureEditFields\n    }\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StructureReferences {\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  query StructureReferences {\n    sectors {\n      id\n      slug\n      name\n    }\n    networks {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStructure($id: ID!, $version: Int!, $input: StructurePatch!) {\n    updateStructure(id: $id, version: $version, input: $input) {\n      ...StructureEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStructure($id: ID!, $version: Int!, $input: StructurePatch!) {\n    updateStructure(id: $id, version: $version, input: $input) {\n      ...StructureEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStructure($input: CreateStructureInput!) {\n    createStructure(input: $input) {\n      ...StructureEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStructure($input: CreateStructureInput!) {\n    createStructure(input: $input) {\n      ...StructureEditFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStructureSectors($id: ID!, $codes: [String!]!) {\n    setStructureSectors(id: $id, codes: $codes) {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetStructureSectors($id: ID!, $codes: [String!]!) {\n    setStructureSectors(id: $id, codes: $codes) {\n      id\n      sectors {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStructureNetworks($id: ID!, $codes: [String!]!) {\n    setStructureNetworks(id: $id, codes: $codes) {\n      id\n      networks {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetStructureNetworks($id: ID!, $codes: [String!]!) {\n    setStructureNetworks(id: $id, codes: $codes) {\n      id\n      networks {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveStructure($id: ID!, $version: Int!) {\n    archiveStructure(id: $id, version: $version) {\n      ...StructureEditFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveStructure($id: ID!, $version: Int!) {\n    archiveStructure(id: $id, version: $version) {\n      ...StructureEditFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;