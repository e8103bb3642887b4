import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

@ObjectType({ implements: Node, description: 'EPCI à fiscalité propre (intercommunalité), keyed by its SIREN.' })
@Entity('epci')
export class Epci {
  @Field({ description: 'SIREN of the EPCI, e.g. "200043396".' })
  @PrimaryColumn({ type: 'char', length: 9 })
  siren: string;

  @Field()
  @Column('text')
  name: string;

  @Field({ description: 'CA, CC, CU, METRO or MET69.' })
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  @Field(() => Int, { nullable: true, description: 'Municipal population.' })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  get nodeId(): string {
    return toGlobalId('Epci', this.siren);
  }
}
