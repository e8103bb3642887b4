import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

/** The mission's pipeline: accueil → diagnostic → orienté → accompagné → lancé, or abandonné at any point. */
export enum CarrierProjectStage {
  RECEIVED = 'RECEIVED',
  DIAGNOSIS = 'DIAGNOSIS',
  REFERRED = 'REFERRED',
  SUPPORTED = 'SUPPORTED',
  LAUNCHED = 'LAUNCHED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(CarrierProjectStage, {
  name: 'CarrierProjectStage',
  description: 'Étape d’un projet dans le parcours d’accompagnement.',
  valuesConfig: {
    RECEIVED: { description: 'Accueil' },
    DIAGNOSIS: { description: 'Diagnostic' },
    REFERRED: { description: 'Orienté vers une structure d’accompagnement' },
    SUPPORTED: { description: 'Accompagné' },
    LAUNCHED: { description: 'Créé, lancé' },
    ABANDONED: { description: 'Abandonné' },
  },
});

/** Pipeline order of the stages (ABANDONED last). */
export const CARRIER_PROJECT_STAGES = Object.values(CarrierProjectStage);

export enum TechnicalOpinionVerdict {
  FAVORABLE = 'FAVORABLE',
  RESERVED = 'RESERVED',
  UNFAVORABLE = 'UNFAVORABLE',
}
registerEnumType(TechnicalOpinionVerdict, {
  name: 'TechnicalOpinionVerdict',
  description: 'Avis technique de la mission.',
  valuesConfig: {
    FAVORABLE: { description: 'Favorable' },
    RESERVED: { description: 'Réservé' },
    UNFAVORABLE: { description: 'Défavorable' },
  },
});

/**
 * A project carried by a person (porteur ou porteuse de projet), followed by the mission. Personal data:
 * read by the mission and the steering committee only (carrier-project.permissions.ts); its free texts
 * are emptied when the person's data are erased (`anonymisedAt`).
 */
@ObjectType({ implements: Node, description: 'Projet d’un porteur ou d’une porteuse de projet accompagné·e par la mission.' })
@Entity('carrier_project')
export class CarrierProject {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  personId: string;

  @Field({ description: 'Personal (may name the carrier): emptied by erasure.' })
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true, description: 'Personal: emptied by erasure.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune of the project.' })
  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode: string | null;

  @Column({ type: 'bigint', nullable: true })
  sectorId: string | null;

  @Field(() => CarrierProjectStage)
  @Column({ type: 'varchar', length: 10 })
  stage: CarrierProjectStage;

  @Field({ description: 'Day the project reached its current stage (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  stageChangedOn: string;

  @Column({ type: 'bigint', nullable: true })
  mentorOfferId: string | null;

  @Column({ type: 'date', nullable: true })
  mentorshipStartsOn: string | null;

  @Column({ type: 'date', nullable: true })
  mentorshipEndsOn: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  opinion: TechnicalOpinionVerdict | null;

  @Column({ type: 'text', nullable: true })
  opinionText: string | null;

  @Column({ type: 'date', nullable: true })
  opinionOn: string | null;

  @Column({ type: 'bigint', nullable: true })
  opinionBy: string | null;

  @Field({ description: 'Archived projects leave the lists and the indicators.' })
  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the carrier’s personal data were erased (GDPR): the free texts were emptied.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Row version, for optimistic locking (every mutation of the project bumps it).' })
  @Column({ type: 'integer' })
  version: number;

  get nodeId(): string {
    return toGlobalId('CarrierProject', this.id);
  }
}
