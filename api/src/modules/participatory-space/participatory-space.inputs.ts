import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../../common/validation/calendar-day';
import { SpaceStatus } from './participatory-space.entity';
import { DeliverableKind } from './space-deliverable.entity';
import { ParticipantRole } from './space-participant.entity';

@InputType()
export class SpacePatch {
  @Field(() => String, { nullable: true, description: 'Move the space to another sector (slug).' })
  @IsOptional()
  @MaxLength(80)
  sectorSlug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: 'Le titre doit comporter entre 2 et 300 caractères.' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 2000, { message: "L'objectif doit comporter entre 2 et 2 000 caractères." })
  goal?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => SpaceStatus, { nullable: true })
  @IsOptional()
  status?: SpaceStatus | null;
}

@InputType()
export class CreateSpaceInput extends SpacePatch {
  @Field()
  @MaxLength(80)
  declare sectorSlug: string;

  @Field()
  @Length(2, 300, { message: 'Le titre doit comporter entre 2 et 300 caractères.' })
  declare title: string;

  @Field()
  @Length(2, 2000, { message: "L'objectif doit comporter entre 2 et 2 000 caractères." })
  declare goal: string;
}

@InputType()
export class SessionInput {
  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  place?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5)
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType()
export class ParticipantInput {
  @Field(() => ID, { nullable: true, description: 'A structure, or…' })
  @IsOptional()
  structureId?: string | null;

  @Field(() => ID, { nullable: true, description: '…a person (exactly one of the two).' })
  @IsOptional()
  personId?: string | null;

  @Field(() => ParticipantRole, { nullable: true })
  @IsOptional()
  role?: ParticipantRole | null;
}

@InputType()
export class DeliverableInput {
  @Field()
  @Length(2, 300, { message: 'Le titre doit comporter entre 2 et 300 caractères.' })
  title: string;

  @Field(() => DeliverableKind, { nullable: true })
  @IsOptional()
  kind?: DeliverableKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^$|^https?:\/\/\S+$/, { message: "L'adresse doit commencer par http:// ou https://." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  deliveredAt?: string | null;
}
