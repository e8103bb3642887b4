import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Consentement RGPD : portée, version du texte accepté, dates.' })
export class Consent {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. contact-public, vivier, newsletter.' }) scope: string;
  @Field() version: string;
  @Field(() => GraphQLISODateTime) grantedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt: Date | null;
}
