import { ArgsType, Field, Float } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { StructureFilterInput } from './structure-filter.input';
import { MAX_RADIUS_KM, NearInput, StructureSort } from './structure-search.types';

@ArgsType()
export class SearchStructuresArgs extends PageArgs {
  @Field(() => StructureFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: StructureFilterInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free text: French full-text search over names, services and descriptions.',
  })
  @IsOptional()
  @MaxLength(300)
  text?: string | null;

  @Field(() => NearInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  near?: NearInput | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of a commune whose centroid is the centre.' })
  @IsOptional()
  @MaxLength(5)
  nearCommune?: string | null;

  @Field(() => Float, { nullable: true, description: `Radius around nearCommune, in km (${MAX_RADIUS_KM} at most).` })
  @IsOptional()
  @Min(0.1)
  @Max(MAX_RADIUS_KM)
  radiusKm?: number | null;

  @Field(() => StructureSort, { nullable: true })
  @IsOptional()
  sort?: StructureSort | null;
}

@ArgsType()
export class StructureListArgs extends PageArgs {
  @Field(() => StructureFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: StructureFilterInput | null;
}
