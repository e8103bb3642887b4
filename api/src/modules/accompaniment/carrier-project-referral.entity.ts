import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ReferralStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  DONE = 'DONE',
}
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'Suite donnée à une orientation.',
  valuesConfig: {
    PROPOSED: { description: 'Proposée' },
    ACCEPTED: { description: 'Acceptée : la structure accompagne le projet' },
    DECLINED: { description: 'Déclinée' },
    DONE: { description: 'Accompagnement terminé' },
  },
});

/** A referral (orientation) of a carrier's project to a structure offering support. */
@ObjectType({ description: 'Orientation d’un projet vers une structure d’accompagnement.' })
@Entity('carrier_project_referral')
export class CarrierProjectReferral {
  @Field(() => ID, { description: 'Row id (updateCarrierProjectReferral).' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  projectId: string;

  @Column({ type: 'bigint' })
  structureId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  referredOn: string;

  @Field(() => ReferralStatus)
  @Column({ type: 'varchar', length: 10 })
  status: ReferralStatus;

  @Field(() => String, { nullable: true, description: 'Personal: emptied by erasure.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'bigint', nullable: true })
  accountId: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
