import { Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';

@InputType({
  description: '« Proposer une correction » : the corrected values and a message, moderated before anything changes.',
})
export class SuggestCorrectionInput {
  @Field(() => ID)
  structureId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: 'Le nom doit comporter entre 2 et 300 caractères.' })
  name?: string | null;

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
  @MaxLength(5000)
  services?: string | null;

  @Field({ description: 'What is wrong, in a few words.' })
  @Length(3, 2000, { message: 'Décrivez la correction en 3 à 2 000 caractères.' })
  message: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  submitterName?: string | null;

  @Field()
  @IsEmail({}, { message: "Votre adresse e-mail n'est pas valide." })
  @MaxLength(200)
  submitterEmail: string;
}
