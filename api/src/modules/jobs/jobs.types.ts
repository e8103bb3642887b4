import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum JobOutcome {
  SUCCESS = 'success',
  FAILURE = 'failure',
  RETRY = 'retry',
}
registerEnumType(JobOutcome, {
  name: 'JobOutcome',
  description: 'SUCCESS; RETRY: failed, tried again later (exponential backoff); FAILURE: failed on its last attempt.',
});

export enum JobTrigger {
  SCHEDULE = 'schedule',
  MANUAL = 'manual',
  EVENT = 'event',
}
registerEnumType(JobTrigger, {
  name: 'JobTrigger',
  description: 'SCHEDULE: its cron schedule; MANUAL: « Lancer maintenant »; EVENT: something to do (a mail to send).',
});

@ObjectType({ description: 'A count a job reported (rows purged, persons anonymised…).' })
export class JobCount {
  @Field() name: string;
  @Field(() => Int) value: number;
}

@ObjectType({ description: 'One run of a background job (one attempt).' })
export class JobRun {
  @Field(() => ID) id: string;
  @Field({ description: 'The job (task identifier): retention, send-mail…' }) name: string;
  @Field(() => GraphQLISODateTime) startedAt: Date;
  @Field(() => Int) durationMs: number;
  @Field(() => JobOutcome) outcome: JobOutcome;
  @Field(() => String, { nullable: true, description: 'The error of a failed attempt, without personal data or parameters.' })
  error: string | null;
  @Field(() => Int, { description: '1 for the first attempt.' }) attempt: number;
  @Field(() => Int) maxAttempts: number;
  @Field(() => JobTrigger) trigger: JobTrigger;
  @Field(() => [JobCount]) counts: JobCount[];
}

@ObjectType({ description: 'A background job of the platform, its schedule and its last run.' })
export class BackgroundJob {
  @Field() name: string;
  @Field({ description: 'What it does, in French.' }) label: string;
  @Field(() => String, { nullable: true, description: 'Cron schedule (UTC); null: run on events (a mail to send).' })
  schedule: string | null;
  @Field(() => String, { nullable: true, description: '« toutes les 6 heures »' })
  scheduleLabel: string | null;
  @Field({ description: 'Whether an admin may start it now (runJobNow).' }) manual: boolean;
  @Field(() => JobRun, { nullable: true }) lastRun: JobRun | null;
  @Field(() => Int, { description: 'Runs waiting in the queue (due or retrying).' }) waiting: number;
}
