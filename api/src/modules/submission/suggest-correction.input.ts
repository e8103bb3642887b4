import { PublicProposalInput } from './public-proposal.input';
import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';

@InputType({
  description: '« Proposer une correction » : the corrected values and a message, moderated before anything changes.',
})
export class SuggestCorrectionInput extends PublicProposalInput {
  @Field(() => ID)
  structureId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300, { message: 'Le nom doit comporter entre 2 et 300 caractères.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  services?: string | null;

  @Field({ description: 'What is wrong, in a few words.' })
  @Length(3, 2000, { message: 'Décrivez la correction en 3 à 2 000 caractères.' })
  message: string;
}
