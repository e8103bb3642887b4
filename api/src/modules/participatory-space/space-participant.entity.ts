import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ParticipantRole {
  FACILITATOR = 'FACILITATOR',
  CONTRIBUTOR = 'CONTRIBUTOR',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(ParticipantRole, { name: 'ParticipantRole' });

@ObjectType({ description: 'Participation of a structure or a person to a participatory space.' })
@Entity('space_participant')
export class SpaceParticipant {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'bigint' })
  spaceId: string;

  @Column({ type: 'bigint', nullable: true })
  structureId: string | null;

  @Column({ type: 'bigint', nullable: true })
  personId: string | null;

  @Field(() => ParticipantRole)
  @Column({ type: 'varchar', length: 12 })
  role: ParticipantRole;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  joinedAt: string | null;
}
