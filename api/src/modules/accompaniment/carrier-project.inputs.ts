import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { CarrierProjectStage, TechnicalOpinionVerdict } from './carrier-project.entity';
import { ReferralStatus } from './carrier-project-referral.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'La date a la forme AAAA-MM-JJ.';
const NOTE = 'La note comporte au plus 2 000 caractères.';

/** A project's own fields, for createCarrierProject and updateCarrierProject (absent: unchanged; null or empty clears). */
@InputType()
export class CarrierProjectPatch {
  @Field(() => String, { nullable: true, description: 'Refused (ANONYMISED) once the carrier was anonymised.' })
  @IsOptional()
  @Length(2, 200, { message: 'Le titre doit comporter entre 2 et 200 caractères.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Refused (ANONYMISED) once the carrier was anonymised.' })
  @IsOptional()
  @MaxLength(5000, { message: 'La description comporte au plus 5 000 caractères.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the commune (UNKNOWN_TERRITORY_CODE if it does not exist).',
  })
  @IsOptional()
  @Matches(/^$|^[0-9][0-9AB][0-9]{3}$/, { message: 'Le code commune INSEE comporte 5 caractères (ex. 59392).' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Code (slug) of an active sector.' })
  @IsOptional()
  @MaxLength(80)
  sectorSlug?: string | null;
}

@InputType()
export class CreateCarrierProjectInput extends CarrierProjectPatch {
  @Field(() => ID, { description: 'The carrier (a person; refused with ANONYMISED once anonymised).' })
  personId: string;

  @Field()
  @Length(2, 200, { message: 'Le titre doit comporter entre 2 et 200 caractères.' })
  declare title: string;

  @Field(() => CarrierProjectStage, { nullable: true, description: 'First stage (default RECEIVED).' })
  @IsOptional()
  stage?: CarrierProjectStage | null;

  @Field(() => String, { nullable: true, description: 'Day of the first stage, YYYY-MM-DD, not in the future (default today).' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  stageChangedOn?: string | null;
}

@InputType()
export class StageChangeInput {
  @Field(() => CarrierProjectStage)
  stage: CarrierProjectStage;

  @Field(() => String, { nullable: true, description: 'Day of the change, YYYY-MM-DD, not in the future (default today).' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  changedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: NOTE })
  note?: string | null;
}

/** A referral's fields (absent: unchanged; the note: null or empty clears it). */
@InputType()
export class ReferralPatch {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future (default today on creation).' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  referredOn?: string | null;

  @Field(() => ReferralStatus, { nullable: true, description: 'Default PROPOSED on creation.' })
  @IsOptional()
  status?: ReferralStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: NOTE })
  note?: string | null;
}

@InputType()
export class ReferralInput extends ReferralPatch {
  @Field(() => ID, { description: 'The structure that accompanies the project.' })
  structureId: string;
}

@InputType()
export class MentorshipInput {
  @Field(() => ID)
  mentorOfferId: string;

  @Field({ description: 'YYYY-MM-DD (may be in the future).' })
  @Matches(DAY, { message: DAY_MESSAGE })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before the start; null while it goes on.' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  endsOn?: string | null;
}

@InputType()
export class TechnicalOpinionInput {
  @Field(() => TechnicalOpinionVerdict)
  verdict: TechnicalOpinionVerdict;

  @Field(() => String, { nullable: true, description: 'Refused (ANONYMISED) once the carrier was anonymised.' })
  @IsOptional()
  @MaxLength(5000, { message: 'L’avis comporte au plus 5 000 caractères.' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not in the future (default today).' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  givenOn?: string | null;
}
