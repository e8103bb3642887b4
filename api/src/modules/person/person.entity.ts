import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

export enum PersonStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(PersonStatus, {
  name: 'PersonStatus',
  description: 'Active, ou archivée (hors des vues publiques et des listes d’animateurs ; fiche et historique conservés).',
});

/**
 * A person of the graph: contact, sector facilitator, mentor.
 * Personal fields (names, e-mail, phone, bio) are resolved by PersonResolver,
 * which hides them unless the person chose to be public or the viewer may see them.
 */
@ObjectType({ implements: Node, description: 'Personne (contact, animateur·rice de secteur, tuteur·rice).' })
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text', nullable: true })
  firstName: string | null;

  @Column({ type: 'text', nullable: true })
  lastName: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true, description: 'Role or job title (not personal data).' })
  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @Column({ type: 'bigint', nullable: true })
  structureId: string | null;

  @Field({ description: 'The person chose to make their contact details public.' })
  @Column({ type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  /** Start of the retention period (talent pool): set on creation and when a contact is recorded, never by a correction. */
  @Column({ type: 'timestamptz', nullable: true })
  lastContactAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the personal fields were erased (GDPR).' })
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  /** Exposed to the mission and the steering committee only (PersonResolver.status). */
  @Column({ type: 'varchar', length: 10, default: 'ACTIVE' })
  status: PersonStatus;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  get nodeId(): string {
    return toGlobalId('Person', this.id);
  }
}
