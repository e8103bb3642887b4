import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { AuditEntry } from './audit-entry.type';
import { listAudit } from './audit.service';

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');

@ArgsType()
class AuditArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Structure, Account, Sector…' })
  @IsOptional()
  @MaxLength(40)
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Row id of the entity (not the global id).' })
  @IsOptional()
  @MaxLength(40)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the actor’s e-mail.' })
  @IsOptional()
  @MaxLength(200)
  actor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  action?: string | null;
}

@Resolver()
export class AuditResolver {
  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => AuditEntryConnection, { description: "Journal d'audit, du plus récent au plus ancien." })
  auditLog(@Ctx() ctx: Context, @Args() args: AuditArgs) {
    return listAudit(ctx, args);
  }
}
