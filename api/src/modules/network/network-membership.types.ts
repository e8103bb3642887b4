import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What addNetworkMember or removeNetworkMember did.' })
export class NetworkMembershipChange {
  networkId: string;
  structureId: string;

  @Field({
    description: 'False when things already were as asked (already a member, or not a member): nothing was written nor audited.',
  })
  changed: boolean;

  @Field({ description: 'Whether the structure is a member of the network after the call.' })
  member: boolean;

  @Field(() => String, { nullable: true, description: 'Membership date (YYYY-MM-DD), when a member and known.' })
  since: string | null;
}
