import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength } from 'class-validator';
import { MentorOfferStatus, MentorTheme } from './mentor-offer.entity';

@InputType()
export class MentorOfferPatch {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'Le titre doit comporter entre 2 et 200 caractères.' })
  title?: string | null;

  @Field(() => [MentorTheme], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choisissez au moins un thème.' })
  @ArrayMaxSize(9)
  themes?: MentorTheme[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  availability?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => MentorOfferStatus, { nullable: true })
  @IsOptional()
  status?: MentorOfferStatus | null;
}

@InputType()
export class CreateMentorOfferInput extends MentorOfferPatch {
  @Field(() => ID)
  mentorId: string;

  @Field()
  @Length(2, 200, { message: 'Le titre doit comporter entre 2 et 200 caractères.' })
  declare title: string;

  @Field(() => [MentorTheme])
  @ArrayMinSize(1, { message: 'Choisissez au moins un thème.' })
  @ArrayMaxSize(9)
  declare themes: MentorTheme[];
}
