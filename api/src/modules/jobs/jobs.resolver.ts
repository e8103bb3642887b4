import { Arg, Args, ArgsType, Ctx, Field, Mutation, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { listJobRuns, listJobs, runJobNow } from './jobs.service';
import { BackgroundJob, JobRun } from './jobs.types';

export const JobRunConnection = ConnectionType(JobRun, 'JobRun');

@ArgsType()
class JobRunsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the runs of this job (its name).' })
  @IsOptional()
  @MaxLength(60, { message: 'Un nom de tâche compte au plus 60 caractères.' })
  name?: string | null;
}

@Resolver()
export class JobsResolver {
  @Roles(Role.ADMIN)
  @Query(() => [BackgroundJob], { description: 'The background jobs of the platform, with their last run.' })
  jobs(@Ctx() ctx: Context) {
    return listJobs(ctx);
  }

  @Roles(Role.ADMIN)
  @Query(() => JobRunConnection, { description: 'Run history of the background jobs, newest first.' })
  jobRuns(@Ctx() ctx: Context, @Args() args: JobRunsArgs) {
    return listJobRuns(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => BackgroundJob, { description: '« Lancer maintenant »: queues a run of a job (audited).' })
  runJobNow(@Ctx() ctx: Context, @Arg('name') name: string) {
    return runJobNow(ctx, name);
  }
}
