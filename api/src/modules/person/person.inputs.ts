import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';

@InputType()
export class PersonPatch {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^$|^[0-9 +().-]{6,25}$/, { message: "Le numéro de téléphone n'est pas valide." })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  bio?: string | null;

  @Field(() => ID, { nullable: true, description: 'Structure the person works for.' })
  @IsOptional()
  structureId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The person chose to make their details public (record the consent too).',
  })
  @IsOptional()
  isPublic?: boolean | null;
}
