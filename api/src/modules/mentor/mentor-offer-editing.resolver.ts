import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { createMentorOffer, updateMentorOffer } from './mentor-offer-editing.service';
import { MentorOffer } from './mentor-offer.entity';
import { CreateMentorOfferInput, MentorOfferPatch } from './mentor-offer.inputs';

@Resolver(() => MentorOffer)
export class MentorOfferEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => MentorOffer)
  createMentorOffer(@Ctx() ctx: Context, @Arg('input') input: CreateMentorOfferInput) {
    return createMentorOffer(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => MentorOffer, { description: 'CONFLICT if `version` is stale; status CLOSED archives the offer.' })
  updateMentorOffer(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: MentorOfferPatch,
  ) {
    return updateMentorOffer(ctx, id, version, input);
  }
}
