import { Field, Float, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { EssFamily } from './ess-family';
import { StructureStatus } from './structure.entity';

/** Every editable field of a structure, all optional (a patch). */
@InputType({ description: 'Champs modifiables d’une structure (seuls les champs fournis changent).' })
export class StructurePatch {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: 'Le nom doit comporter entre 2 et 300 caractères.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'SIRET, 14 digits (spaces allowed); empty string to clear.' })
  @IsOptional()
  @MaxLength(20)
  siret?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^([0-9]{4})?$/, { message: 'La catégorie juridique INSEE comporte 4 chiffres.' })
  legalCategory?: string | null;

  @Field(() => EssFamily, { nullable: true, description: 'Overrides the family derived from the legal category.' })
  @IsOptional()
  essFamilyOverride?: EssFamily | null;

  @Field(() => Boolean, { nullable: true, description: 'True removes the override: the rule applies again.' })
  @IsOptional()
  clearEssFamilyOverride?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^([0-9]{2}\.[0-9]{2}[A-Z])?$/, { message: 'Le code NAF a la forme 88.99B.' })
  nafCode?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE workforce range code.' })
  @IsOptional()
  @MaxLength(2)
  workforceRange?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'Le nombre de bénévoles ne peut pas être négatif.' })
  @Max(1_000_000)
  volunteerCount?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^([0-9]{5})?$/, { message: 'Le code postal comporte 5 chiffres.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune.' })
  @IsOptional()
  @MaxLength(5)
  communeCode?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^$|^https?:\/\/\S+$/, { message: "L'adresse du site doit commencer par http:// ou https://." })
  @MaxLength(300)
  website?: string | null;

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
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  services?: string | null;

  @Field(() => String, { nullable: true, description: 'Values the structure stands for.' })
  @IsOptional()
  @MaxLength(5000)
  values?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  acceptsInterns?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  seeksVolunteers?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  esus?: boolean | null;

  @Field(() => StructureStatus, { nullable: true, description: 'Mission admins only.' })
  @IsOptional()
  status?: StructureStatus | null;

  @Field(() => Int, { nullable: true, description: 'Employees declared by the structure.' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  employeesDeclared?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ESS perimeter decision by hand: INCLUDE, EXCLUDE, or empty to apply the rules (mission admins).',
  })
  @IsOptional()
  @Matches(/^(INCLUDE|EXCLUDE)?$/, { message: 'Décision : INCLUDE, EXCLUDE ou vide.' })
  perimeterDecision?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (required with a decision).' })
  @IsOptional()
  @MaxLength(500)
  perimeterReason?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Marks the data as checked today.' })
  @IsOptional()
  markVerified?: boolean | null;
}

@InputType({ description: 'Nouvelle structure.' })
export class CreateStructureInput extends StructurePatch {
  @Field()
  @Length(2, 300, { message: 'Le nom doit comporter entre 2 et 300 caractères.' })
  declare name: string;
}
