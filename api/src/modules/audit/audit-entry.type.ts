import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A field changed by an audited action; values are JSON-encoded.' })
export class AuditChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

@ObjectType({ description: "Entrée du journal d'audit (append-only)." })
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({ description: 'E-mail of the account, or cli / anonyme.' }) actor: string;
  @Field() action: string;
  @Field() entityType: string;
  @Field() entityId: string;
  @Field(() => [AuditChange]) changes: AuditChange[];
}
