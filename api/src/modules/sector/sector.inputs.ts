import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType()
export class SectorPatch {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 120, { message: 'Le nom doit comporter entre 2 et 120 caractères.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;
}

@InputType()
export class CreateSectorInput extends SectorPatch {
  @Field()
  @Matches(SLUG, { message: 'Le code ne contient que des minuscules, chiffres et tirets (ex. services-a-la-personne).' })
  @MaxLength(80)
  slug: string;

  @Field()
  @Length(2, 120, { message: 'Le nom doit comporter entre 2 et 120 caractères.' })
  declare name: string;
}
