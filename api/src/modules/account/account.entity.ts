import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../../common/auth/roles';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

@ObjectType({
  implements: Node,
  description: 'Compte de la mission, du comité de pilotage, d’un·e animateur·rice ou d’une structure.',
})
@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field()
  @Column('text')
  email: string;

  @Field()
  @Column('text')
  displayName: string;

  /** Never exposed, never audited. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Field(() => [Role])
  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field({ description: 'Locked after repeated failed logins.' })
  get locked(): boolean {
    return !!this.lockedUntil && this.lockedUntil.getTime() > Date.now();
  }

  get nodeId(): string {
    return toGlobalId('Account', this.id);
  }
}
