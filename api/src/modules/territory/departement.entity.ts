import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

@ObjectType({ implements: Node, description: 'Département (code officiel géographique INSEE).' })
@Entity('departement')
export class Departement {
  @Field({ description: 'INSEE département code, e.g. "59" for Nord.' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Field()
  @Column('text')
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 3 })
  regionCode: string;

  get nodeId(): string {
    return toGlobalId('Departement', this.code);
  }
}
