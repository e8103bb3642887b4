import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CarrierProjectStage } from './carrier-project.entity';

/** One step of a project's pipeline; the first one (no `fromStage`) is its creation. */
@ObjectType({ description: 'Changement d’étape d’un projet (le premier : sa création).' })
@Entity('carrier_project_stage_change')
export class CarrierProjectStageChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  projectId: string;

  @Field(() => CarrierProjectStage, { nullable: true, description: 'Null for the first stage of the project.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  fromStage: CarrierProjectStage | null;

  @Field(() => CarrierProjectStage)
  @Column({ type: 'varchar', length: 10 })
  toStage: CarrierProjectStage;

  @Field({ description: 'Day of the change (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  changedOn: string;

  @Field(() => String, { nullable: true, description: 'Personal: emptied by erasure.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the change was recorded.' })
  @Column({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'bigint', nullable: true })
  accountId: string | null;
}
