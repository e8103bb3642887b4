import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { NetworkKind, NetworkScope } from './network.entity';

@InputType()
export class NetworkPatch {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'Le nom doit comporter entre 2 et 200 caractères.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30)
  acronym?: string | null;

  @Field(() => NetworkKind, { nullable: true })
  @IsOptional()
  kind?: NetworkKind | null;

  @Field(() => NetworkScope, { nullable: true })
  @IsOptional()
  scope?: NetworkScope | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^$|^https?:\/\/\S+$/, { message: "L'adresse du site doit commencer par http:// ou https://." })
  @MaxLength(300)
  website?: string | null;
}

@InputType()
export class CreateNetworkInput extends NetworkPatch {
  @Field()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Le code ne contient que des minuscules, chiffres et tirets (ex. cress-hdf).' })
  @MaxLength(80)
  slug: string;

  @Field()
  @Length(2, 200, { message: 'Le nom doit comporter entre 2 et 200 caractères.' })
  declare name: string;
}
