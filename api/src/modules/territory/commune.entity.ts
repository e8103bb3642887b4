import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Node } from '../../common/relay/node.interface';
import { toGlobalId } from '../../common/relay/global-id';

@ObjectType({ implements: Node, description: 'Commune (code officiel géographique INSEE).' })
@Entity('commune')
export class Commune {
  @Field({ description: 'INSEE commune code (COG), e.g. "59392" for Maubeuge.' })
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Field()
  @Column('text')
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 3 })
  departementCode: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'char', length: 9, nullable: true })
  epciSiren: string | null;

  @Field(() => Int, { nullable: true, description: 'Municipal population.' })
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Field(() => [String])
  @Column({ type: 'text', array: true })
  postalCodes: string[];

  @Field(() => Float, { nullable: true, description: 'WGS84 latitude of the centroid (IGN ADMIN EXPRESS), where known.' })
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  get nodeId(): string {
    return toGlobalId('Commune', this.code);
  }
}
