import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';

/**
 * A person's fields, for createPerson and updatePerson (absent: unchanged). Text is trimmed; an
 * empty text (or null) clears the field. Messages in French, next to their field.
 */
@InputType()
export class PersonPatch {
  @Field(() => String, { nullable: true, description: 'Personal. Refused (ANONYMISED) once the person was anonymised.' })
  @IsOptional()
  @MaxLength(100, { message: 'Le prénom comporte au plus 100 caractères.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal. Refused (ANONYMISED) once the person was anonymised.' })
  @IsOptional()
  @MaxLength(100, { message: 'Le nom comporte au plus 100 caractères.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal. Refused (ANONYMISED) once the person was anonymised.' })
  @IsOptional()
  @Matches(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(200, { message: "L'adresse e-mail comporte au plus 200 caractères." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal. Refused (ANONYMISED) once the person was anonymised.' })
  @IsOptional()
  @Matches(/^$|^[0-9 +().-]{6,25}$/, { message: "Le numéro de téléphone n'est pas valide." })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Role or job title (not personal data). A person keeps a name, a first name or a job title.',
  })
  @IsOptional()
  @MaxLength(200, { message: 'La fonction comporte au plus 200 caractères.' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Personal. Refused (ANONYMISED) once the person was anonymised.' })
  @IsOptional()
  @MaxLength(5000, { message: 'La présentation comporte au plus 5 000 caractères.' })
  bio?: string | null;

  @Field(() => ID, { nullable: true, description: 'Structure the person works for.' })
  @IsOptional()
  structureId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The person chose to make their details public (record the consent too). `true` is refused (ANONYMISED) once the person was anonymised.',
  })
  @IsOptional()
  isPublic?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Date of a contact with the person (YYYY-MM-DD, not in the future): the retention period starts again from it. Only when there was a contact: a correction leaves it as it is. Absent or null: unchanged (today on creation).',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'La date du dernier contact a la forme AAAA-MM-JJ.' })
  lastContactAt?: string | null;
}
