import { Field, InterfaceType, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/relay/node.interface';
import { Sector } from '../sector/sector.entity';
import { SPACE_TYPENAME, SpaceKind, SpaceStatus, type ParticipatorySpace as SpaceRow } from './participatory-space.entity';
import { SpaceDeliverable } from './space-deliverable.entity';
import { SpaceParticipant } from './space-participant.entity';
import { SpaceSession } from './space-session.entity';

/** The concrete type of a participatory space, from its kind (synchronous: see schema.ts). */
export const resolveSpaceType = (value: SpaceRow): string => SPACE_TYPENAME[value.kind];

@InterfaceType('ParticipatorySpace', {
  implements: Node,
  description: "Espace participatif du réseau territorial : atelier, chantier ou journée d'études.",
  resolveType: resolveSpaceType,
})
export abstract class ParticipatorySpaceType extends Node {
  @Field(() => SpaceKind)
  kind: SpaceKind;

  @Field()
  title: string;

  @Field({ description: 'What the space sets out to achieve.' })
  goal: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => SpaceStatus)
  status: SpaceStatus;

  @Field(() => Sector)
  sector: Sector;

  @Field(() => [SpaceSession], { description: 'Sessions, by date.' })
  sessions: SpaceSession[];

  @Field(() => [SpaceParticipant])
  participants: SpaceParticipant[];

  @Field(() => [SpaceDeliverable])
  deliverables: SpaceDeliverable[];

  @Field(() => Int, { description: 'Row version, for optimistic locking.' })
  version: number;

  @Field({ description: 'Archived spaces leave the public views.' })
  archived: boolean;
}

@ObjectType('Workshop', { implements: [Node, ParticipatorySpaceType], description: 'Atelier.' })
export class Workshop extends ParticipatorySpaceType {}

@ObjectType('Chantier', { implements: [Node, ParticipatorySpaceType], description: 'Chantier du réseau territorial.' })
export class Chantier extends ParticipatorySpaceType {}

@ObjectType('StudyDay', { implements: [Node, ParticipatorySpaceType], description: "Journée d'études." })
export class StudyDay extends ParticipatorySpaceType {}

export const SPACE_TYPES = { WORKSHOP: Workshop, CHANTIER: Chantier, STUDY_DAY: StudyDay } as const;
