import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { EssFamily } from '../structure/ess-family';

/** The one filter of the structure lists (structures, searchStructures, adminStructures): see structure-filter.ts. */
@InputType('StructureFilter', { description: 'Narrows a list of structures; every field is optional, all of them apply.' })
export class StructureFilterInput {
  @Field(() => String, { nullable: true, description: 'Words contained in the name (accents and case ignored).' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'INSEE commune codes.' })
  @IsOptional()
  @ArrayMaxSize(500)
  commune?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'EPCI SIREN codes.' })
  @IsOptional()
  @ArrayMaxSize(100)
  epci?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Département codes.' })
  @IsOptional()
  @ArrayMaxSize(101)
  departement?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Sector codes (slugs).' })
  @IsOptional()
  @ArrayMaxSize(100)
  sector?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Network codes (slugs).' })
  @IsOptional()
  @ArrayMaxSize(100)
  network?: string[] | null;

  @Field(() => [EssFamily], { nullable: true })
  @IsOptional()
  essFamily?: EssFamily[] | null;

  @Field(() => [String], { nullable: true, description: 'INSEE legal category codes (4 digits).' })
  @IsOptional()
  @ArrayMaxSize(100)
  legalCategory?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'INSEE workforce range codes (NN, 00, 01, 02, 03, 11, 12…).' })
  @IsOptional()
  @ArrayMaxSize(20)
  workforceRange?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only structures hosting interns.' })
  @IsOptional()
  acceptsInterns?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only structures looking for volunteers.' })
  @IsOptional()
  seeksVolunteers?: boolean | null;
}
