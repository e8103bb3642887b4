import { PublicProposalInput } from './public-proposal.input';
import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';

@InputType({ description: '« Ajouter ma structure » : proposition soumise à la modération.' })
export class ProposeStructureInput extends PublicProposalInput {
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
  @MaxLength(2000)
  message?: string | null;
}
