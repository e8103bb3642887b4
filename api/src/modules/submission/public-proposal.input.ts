import { Field, InputType } from 'type-graphql';
import { IsEmail, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';

/** Fields shared by the two public forms (« ajouter ma structure », « proposer une correction »). */
@InputType()
export abstract class PublicProposalInput {
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

  @Field({ description: 'Where the mission can answer the proposer (never public).' })
  @IsEmail({}, { message: "Votre adresse e-mail n'est pas valide." })
  @MaxLength(200)
  submitterEmail: string;
}
