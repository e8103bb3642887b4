import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { accessRuleOf, authChecker } from './common/auth/access';
import { withSynchronousTypeResolvers } from './common/graphql/compiled-execution';
import { useDirectFieldResolvers } from './common/graphql/direct-field-resolvers';
import { resolveNodeType } from './common/relay/node.interface';
import { useFrenchValidationMessages } from './common/validation/french-messages';
import { AccountResolver } from './modules/account/account.resolver';
import { CarrierProjectEditingResolver } from './modules/accompaniment/carrier-project-editing.resolver';
import {
  CarrierMentorshipResolver,
  CarrierProjectReferralResolver,
  CarrierProjectResolver,
  CarrierProjectStageChangeResolver,
  PersonCarrierProjectsResolver,
  TechnicalOpinionResolver,
} from './modules/accompaniment/carrier-project.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { JobsResolver } from './modules/jobs/jobs.resolver';
import { MailOutboxResolver } from './modules/jobs/mail-outbox.resolver';
import { StructureEditingResolver } from './modules/structure/structure-editing.resolver';
import { StructureModerationResolver } from './modules/submission/structure-moderation.resolver';
import { SubmissionResolver } from './modules/submission/submission.resolver';
import { StructureImportResolver } from './modules/structure-import/structure-import.resolver';
import { SectorEditingResolver } from './modules/sector/sector-editing.resolver';
import { NetworkEditingResolver, NetworkMembershipChangeResolver } from './modules/network/network-editing.resolver';
import { PersonEditingResolver } from './modules/person/person-editing.resolver';
import { MentorOfferEditingResolver } from './modules/mentor/mentor-offer-editing.resolver';
import { ParticipatorySpaceEditingResolver } from './modules/participatory-space/participatory-space-editing.resolver';
import { MentorOfferResolver } from './modules/mentor/mentor-offer.resolver';
import { PersonMentorOffersResolver } from './modules/mentor/person-mentor-offers.resolver';
import { NetworkResolver } from './modules/network/network.resolver';
import { StructureNetworksResolver } from './modules/network/structure-networks.resolver';
import {
  ChantierResolver,
  SpaceParticipantResolver,
  SpaceSessionResolver,
  StudyDayResolver,
  WorkshopResolver,
} from './modules/participatory-space/participatory-space.resolver';
import { SectorSpacesResolver } from './modules/participatory-space/sector-spaces.resolver';
import { StructureParticipationsResolver } from './modules/participatory-space/structure-participations.resolver';
import { Chantier, resolveSpaceType, StudyDay, Workshop } from './modules/participatory-space/participatory-space.types';
import { ObservatoryResolver } from './modules/observatory/observatory.resolver';
import { PlanResolver } from './modules/plan/plan.resolver';
import { PersonGdprResolver } from './modules/person/person-gdpr.resolver';
import { PersonResolver } from './modules/person/person.resolver';
import { StructureContactsResolver } from './modules/person/structure-contacts.resolver';
import { NodeResolver } from './modules/relay/node.resolver';
import { SectorResolver } from './modules/sector/sector.resolver';
import { PersonFacilitatedSectorsResolver } from './modules/sector/person-facilitated-sectors.resolver';
import { StructureSectorsResolver } from './modules/sector/structure-sectors.resolver';
import { EcosystemStatsResolver } from './modules/stats/ecosystem-stats.resolver';
import { AdminStructuresResolver } from './modules/directory/admin-structures.resolver';
import { StructureListResolver } from './modules/directory/structure-list.resolver';
import { StructureNearbyResolver, StructureSearchResolver } from './modules/directory/structure-search.resolver';
import { StructureResolver } from './modules/structure/structure.resolver';
import { CommuneResolver, DepartementResolver, EpciResolver, RegionResolver } from './modules/territory/territory.resolver';

export const RESOLVERS = [
  NodeResolver,
  AccountResolver,
  RegionResolver,
  DepartementResolver,
  EpciResolver,
  CommuneResolver,
  StructureResolver,
  StructureSectorsResolver,
  StructureNetworksResolver,
  StructureContactsResolver,
  StructureParticipationsResolver,
  StructureListResolver,
  StructureSearchResolver,
  StructureNearbyResolver,
  StructureEditingResolver,
  AdminStructuresResolver,
  SubmissionResolver,
  StructureModerationResolver,
  StructureImportResolver,
  SectorEditingResolver,
  NetworkEditingResolver,
  NetworkMembershipChangeResolver,
  PersonEditingResolver,
  MentorOfferEditingResolver,
  ParticipatorySpaceEditingResolver,
  ObservatoryResolver,
  PlanResolver,
  AuditResolver,
  SectorResolver,
  SectorSpacesResolver,
  NetworkResolver,
  PersonResolver,
  PersonFacilitatedSectorsResolver,
  PersonMentorOffersResolver,
  PersonGdprResolver,
  MentorOfferResolver,
  WorkshopResolver,
  ChantierResolver,
  StudyDayResolver,
  SpaceSessionResolver,
  SpaceParticipantResolver,
  EcosystemStatsResolver,
  CarrierProjectResolver,
  CarrierProjectEditingResolver,
  CarrierProjectReferralResolver,
  CarrierProjectStageChangeResolver,
  CarrierMentorshipResolver,
  TechnicalOpinionResolver,
  PersonCarrierProjectsResolver,
  JobsResolver,
  MailOutboxResolver,
] as const;

/**
 * Deny by default, enforced when the schema is built: a root field without `@Public()` or
 * `@Roles(...)` stops the server from starting (checked once, not on every field resolution).
 */
function assertEveryRootFieldHasAnAccessRule(schema: GraphQLSchema): GraphQLSchema {
  const unmarked: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (!accessRuleOf(field)) unmarked.push(`${root!.name}.${field.name}`);
    }
  }
  if (unmarked.length) throw new Error(`Root fields without an access rule (@Public or @Roles): ${unmarked.join(', ')}`);
  return schema;
}

let cached: Promise<GraphQLSchema> | undefined;

export function buildEssorSchema(): Promise<GraphQLSchema> {
  useFrenchValidationMessages();
  cached ??= buildSchema({
    resolvers: RESOLVERS as unknown as [Function, ...Function[]],
    orphanedTypes: [Workshop, Chantier, StudyDay],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  })
    .then(assertEveryRootFieldHasAnAccessRule)
    .then((schema) => withSynchronousTypeResolvers(schema, { Node: resolveNodeType, ParticipatorySpace: resolveSpaceType }))
    .then((schema) => {
      useDirectFieldResolvers(schema);
      return schema;
    });
  return cached;
}

/** The committed artifact: the schema printed in lexicographic order. */
export async function printEssorSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildEssorSchema()))}\n`;
}
