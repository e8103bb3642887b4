import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { rowIdOf } from '../../common/relay/global-id';
import { Person } from '../person/person.entity';
import { MentorOffer, MentorOfferStatus, MentorTheme } from './mentor-offer.entity';
import { listMentorOffers } from './mentor-offer.service';

export const MentorOfferConnection = ConnectionType(MentorOffer, 'MentorOffer');

@ArgsType()
class MentorOfferArgs extends PageArgs {
  @Field(() => [MentorTheme], { nullable: true, description: 'Offers covering at least one of these themes.' })
  theme?: MentorTheme[] | null;

  @Field(() => [MentorOfferStatus], { nullable: true })
  status?: MentorOfferStatus[] | null;
}

@Resolver(() => MentorOffer)
export class MentorOfferResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => MentorOfferConnection, { description: 'Offres de tutorat.' })
  mentorOffers(@Ctx() ctx: Context, @Args() args: MentorOfferArgs) {
    return listMentorOffers(ctx, args);
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => MentorOffer, { nullable: true })
  mentorOffer(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.loaders.mentorOffer.byId.load(rowIdOf(id, 'MentorOffer'));
  }

  @FieldResolver(() => Person)
  mentor(@Root() o: MentorOffer, @Ctx() ctx: Context) {
    return ctx.loaders.person.byId.load(o.mentorId);
  }
}
