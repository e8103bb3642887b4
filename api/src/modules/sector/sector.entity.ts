import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

@ObjectType({ implements: Node, description: "Secteur d'activité du réseau territorial (IAE, services à la personne…)." })
@Entity('sector')
export class Sector {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field({ description: 'Stable code of the sector, used in filters.' })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

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
    return toGlobalId('Sector', this.id);
  }
}
