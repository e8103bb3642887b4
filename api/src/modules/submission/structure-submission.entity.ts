import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../common/relay/global-id';

export enum SubmissionKind {
  NEW = 'NEW',
  CORRECTION = 'CORRECTION',
}
registerEnumType(SubmissionKind, { name: 'SubmissionKind' });

export enum SubmissionStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });

/** A public proposal ("ajouter ma structure", "proposer une correction") waiting for moderation. */
@ObjectType({ description: 'Proposition publique en attente de modération.' })
@Entity('structure_submission')
export class StructureSubmission {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => SubmissionKind)
  @Column({ type: 'varchar', length: 12 })
  kind: SubmissionKind;

  @Column({ type: 'bigint', nullable: true })
  structureId: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  submitterName: string | null;

  @Column({ type: 'text' })
  submitterEmail: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Field(() => SubmissionStatus)
  @Column({ type: 'varchar', length: 10, default: SubmissionStatus.PENDING })
  status: SubmissionStatus;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'bigint', nullable: true })
  reviewedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @Field(() => ID, { name: 'id' })
  get nodeId(): string {
    return toGlobalId('StructureSubmission', this.id);
  }
}
