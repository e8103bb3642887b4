import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

@ObjectType({ implements: Node, description: 'Région (code officiel géographique INSEE).' })
@Entity('region')
export class Region {
  @Field({ description: 'INSEE region code, e.g. "32" for Hauts-de-France.' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Field()
  @Column('text')
  name: string;

  get nodeId(): string {
    return toGlobalId('Region', this.code);
  }
}
