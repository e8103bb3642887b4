import { Account } from './modules/account/account.entity';
import { CarrierProjectReferral } from './modules/accompaniment/carrier-project-referral.entity';
import { CarrierProjectStageChange } from './modules/accompaniment/carrier-project-stage-change.entity';
import { CarrierProject } from './modules/accompaniment/carrier-project.entity';
import { MentorOffer } from './modules/mentor/mentor-offer.entity';
import { Network } from './modules/network/network.entity';
import { ParticipatorySpace } from './modules/participatory-space/participatory-space.entity';
import { SpaceDeliverable } from './modules/participatory-space/space-deliverable.entity';
import { SpaceParticipant } from './modules/participatory-space/space-participant.entity';
import { SpaceSession } from './modules/participatory-space/space-session.entity';
import { Person } from './modules/person/person.entity';
import { Sector } from './modules/sector/sector.entity';
import { StructureSubmission } from './modules/submission/structure-submission.entity';
import { Structure } from './modules/structure/structure.entity';
import { Commune } from './modules/territory/commune.entity';
import { Departement } from './modules/territory/departement.entity';
import { Epci } from './modules/territory/epci.entity';
import { Region } from './modules/territory/region.entity';

export const ENTITIES = [
  Account,
  Region,
  Departement,
  Epci,
  Commune,
  Structure,
  StructureSubmission,
  Sector,
  Network,
  Person,
  ParticipatorySpace,
  SpaceSession,
  SpaceParticipant,
  SpaceDeliverable,
  MentorOffer,
  CarrierProject,
  CarrierProjectStageChange,
  CarrierProjectReferral,
];
