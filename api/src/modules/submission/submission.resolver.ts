import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Public } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { ProposeStructureInput } from './propose-structure.input';
import { StructureSubmission } from './structure-submission.entity';
import { proposeStructure, suggestCorrection } from './submission.service';
import { SuggestCorrectionInput } from './suggest-correction.input';

@Resolver()
export class SubmissionResolver {
  @Public()
  @Mutation(() => StructureSubmission, {
    description: '« Ajouter ma structure » : stored as a pending submission for moderation.',
  })
  proposeStructure(@Ctx() ctx: Context, @Arg('input') input: ProposeStructureInput) {
    return proposeStructure(ctx, input);
  }

  @Public()
  @Mutation(() => StructureSubmission, {
    description: '« Proposer une correction » : stored as a pending submission for moderation.',
  })
  suggestCorrection(@Ctx() ctx: Context, @Arg('input') input: SuggestCorrectionInput) {
    return suggestCorrection(ctx, input);
  }
}
