import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

export enum NetworkKind {
  REGIONAL_CHAMBER = 'REGIONAL_CHAMBER',
  FEDERATION = 'FEDERATION',
  LOCAL_NETWORK = 'LOCAL_NETWORK',
  NATIONAL_NETWORK = 'NATIONAL_NETWORK',
  OTHER = 'OTHER',
}
registerEnumType(NetworkKind, {
  name: 'NetworkKind',
  valuesConfig: {
    REGIONAL_CHAMBER: { description: 'Chambre régionale' },
    FEDERATION: { description: 'Fédération' },
    NATIONAL_NETWORK: { description: 'Réseau national' },
    LOCAL_NETWORK: { description: 'Réseau local' },
    OTHER: { description: 'Autre réseau' },
  },
});

export enum NetworkScope {
  LOCAL = 'LOCAL',
  DEPARTEMENT = 'DEPARTEMENT',
  REGION = 'REGION',
  NATIONAL = 'NATIONAL',
}
registerEnumType(NetworkScope, {
  name: 'NetworkScope',
  valuesConfig: {
    LOCAL: { description: 'Local' },
    DEPARTEMENT: { description: 'Départemental' },
    REGION: { description: 'Régional' },
    NATIONAL: { description: 'National' },
  },
});

@ObjectType({ implements: Node, description: 'Tête de réseau (CRESS, APES, fédérations…).' })
@Entity('network')
export class Network {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field({ description: 'Stable code of the network, used in filters.' })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  acronym: string | null;

  @Field(() => NetworkKind)
  @Column({ type: 'varchar', length: 20 })
  kind: NetworkKind;

  @Field(() => NetworkScope)
  @Column({ type: 'varchar', length: 20 })
  scope: NetworkScope;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field({ description: 'ACTIVE or ARCHIVED (archived items leave the public views).' })
  @Column({ type: 'varchar', length: 10, default: 'ACTIVE' })
  status: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Row version, for optimistic locking.' })
  @Column({ type: 'integer' })
  version: number;

  get nodeId(): string {
    return toGlobalId('Network', this.id);
  }
}
