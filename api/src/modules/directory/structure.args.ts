import { ArgsType, Field } from 'type-graphql';
import { MaxLength, ArrayMaxSize } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { EssFamily } from '../structure/ess-family';

@ArgsType()
export class StructureFilterArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Words contained in the name (accents and case ignored).' })
  @MaxLength(200)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'INSEE commune codes.' })
  @ArrayMaxSize(500)
  commune?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'EPCI SIREN codes.' })
  @ArrayMaxSize(100)
  epci?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Département codes.' })
  @ArrayMaxSize(101)
  departement?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Sector codes (slugs).' })
  @ArrayMaxSize(100)
  sector?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Network codes (slugs).' })
  @ArrayMaxSize(100)
  network?: string[] | null;

  @Field(() => [EssFamily], { nullable: true })
  essFamily?: EssFamily[] | null;

  @Field(() => [String], { nullable: true, description: 'INSEE legal category codes (4 digits).' })
  @ArrayMaxSize(100)
  legalCategory?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'INSEE workforce range codes (NN, 00, 01, 02, 03, 11, 12…).' })
  @ArrayMaxSize(20)
  workforceRange?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only structures hosting interns.' })
  acceptsInterns?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only structures looking for volunteers.' })
  seeksVolunteers?: boolean | null;
}
