import { ArgsType, Field } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';

@ArgsType()
export class CommuneFilterArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: 'EPCI SIREN codes.' })
  @ArrayMaxSize(100)
  epci?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Département codes.' })
  @ArrayMaxSize(101)
  departement?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Words of the name (accents and case ignored).' })
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class EpciFilterArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: 'Only EPCIs with communes in these départements.' })
  @ArrayMaxSize(101)
  departement?: string[] | null;
}
