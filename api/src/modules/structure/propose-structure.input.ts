import { Field, InputType } from 'type-graphql';
import { IsEmail, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';

@InputType({ description: '« Ajouter ma structure » : proposition soumise à la modération.' })
export class ProposeStructureInput {
  @Field()
  @Length(2, 300, { message: 'Le nom doit comporter entre 2 et 300 caractères.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'SIRET (14 digits, spaces allowed).' })
  @IsOptional()
  @MaxLength(20)
  siret?: string | null;

  @Field({ description: 'INSEE code of the commune.' })
  @MaxLength(5)
  communeCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'] },
    { message: "L'adresse du site doit commencer par http:// ou https://." },
  )
  @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "L'adresse e-mail de la structure n'est pas valide." })
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9 +().-]{6,25}$/, { message: "Le numéro de téléphone n'est pas valide." })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  submitterName?: string | null;

  @Field({ description: 'Where the mission can answer the proposer.' })
  @IsEmail({}, { message: "Votre adresse e-mail n'est pas valide." })
  @MaxLength(200)
  submitterEmail: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  message?: string | null;
}
