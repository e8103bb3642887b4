import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { StructureSubmission, SubmissionStatus } from './structure-submission.entity';
import { Structure } from '../structure/structure.entity';
import { acceptSubmission, listSubmissions, rejectSubmission, submissionChanges } from './structure-moderation.service';

export const StructureSubmissionConnection = ConnectionType(StructureSubmission, 'StructureSubmission');

@ObjectType({ description: 'One proposed change: current and proposed values, JSON-encoded.' })
class SubmissionChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) current: string | null;
  @Field(() => String, { nullable: true }) proposed: string | null;
}

@ArgsType()
class SubmissionArgs extends PageArgs {
  @Field(() => [SubmissionStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  status?: SubmissionStatus[] | null;
}

/** The proposer's contact details are personal: the mission and the steering committee only. */
const canSeeSubmitter = (ctx: Context) => hasRole(ctx.viewer, Role.ADMIN, Role.STEERING);

@Resolver(() => StructureSubmission)
export class StructureModerationResolver {
  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => StructureSubmissionConnection, { description: 'File de modération (propositions publiques).' })
  submissions(@Ctx() ctx: Context, @Args() args: SubmissionArgs) {
    return listSubmissions(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => StructureSubmission, { description: 'Applies a proposal (audited) and marks it accepted.' })
  acceptSubmission(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return acceptSubmission(ctx, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => StructureSubmission, { description: 'Rejects a proposal with a reason.' })
  rejectSubmission(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return rejectSubmission(ctx, id, reason);
  }

  @FieldResolver(() => Structure, { nullable: true })
  structure(@Root() s: StructureSubmission, @Ctx() ctx: Context) {
    return s.structureId ? ctx.loaders.structure.byId.load(s.structureId) : null;
  }

  @FieldResolver(() => [SubmissionChange], { description: 'The proposal as a diff against the current structure.' })
  changes(@Root() s: StructureSubmission, @Ctx() ctx: Context) {
    return submissionChanges(ctx, s);
  }

  @FieldResolver(() => String, { nullable: true })
  submitterName(@Root() s: StructureSubmission, @Ctx() ctx: Context) {
    return canSeeSubmitter(ctx) ? s.submitterName : null;
  }

  @FieldResolver(() => String, { nullable: true })
  submitterEmail(@Root() s: StructureSubmission, @Ctx() ctx: Context) {
    return canSeeSubmitter(ctx) ? s.submitterEmail : null;
  }

  @FieldResolver(() => String, { nullable: true })
  message(@Root() s: StructureSubmission, @Ctx() ctx: Context) {
    return canSeeSubmitter(ctx) ? s.message : null;
  }
}
