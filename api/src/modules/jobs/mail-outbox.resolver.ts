import {
  Args,
  ArgsType,
  Ctx,
  Field,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { listMail } from './mail-outbox.service';

export enum MailStatus {
  QUEUED = 'queued',
  SENT = 'sent',
  FAILED = 'failed',
}
registerEnumType(MailStatus, {
  name: 'MailStatus',
  description: 'QUEUED: waiting to be sent (or retrying); SENT; FAILED: refused on its last attempt, or cancelled.',
});

export enum MailTransportKind {
  SMTP = 'smtp',
  OUTBOX = 'outbox',
}
registerEnumType(MailTransportKind, {
  name: 'MailTransportKind',
  description: 'SMTP: handed to the SMTP server; OUTBOX: no SMTP configured (development), kept here only.',
});

@ObjectType({ description: 'A mail of the platform (the outbox is its sending queue).' })
class MailMessage {
  @Field(() => ID) id: string;
  @Field() recipient: string;
  @Field() subject: string;
  @Field(() => String, { nullable: true, description: 'invitation, password-reset, submission-accepted…' })
  template: string | null;
  @Field(() => MailStatus) status: MailStatus;
  @Field(() => MailTransportKind, { nullable: true }) transport: MailTransportKind | null;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (no personal data).' })
  lastError: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The rendered text: kept without SMTP (development), or when it holds no secret; null while queued.',
  })
  body: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt: Date | null;
}

@ArgsType()
class MailOutboxArgs {
  @Field(() => Int, { nullable: true, description: 'How many, newest first (100 at most, default 20).' })
  first?: number | null;

  @Field(() => [MailStatus], { nullable: true, description: 'Only these statuses (default: every status).' })
  @IsOptional()
  @ArrayMaxSize(3, { message: 'Au plus trois statuts.' })
  status?: MailStatus[] | null;
}

@Resolver()
export class MailOutboxResolver {
  @Roles(Role.ADMIN)
  @Query(() => [MailMessage], { description: 'The mail of the platform, newest first: queued, sent or failed.' })
  mailOutbox(@Ctx() ctx: Context, @Args() { first, status }: MailOutboxArgs) {
    return listMail(ctx, { first, status });
  }
}
