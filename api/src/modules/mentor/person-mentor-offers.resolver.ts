import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Person } from '../person/person.entity';
import { MentorOffer } from './mentor-offer.entity';

/** `Person.mentorOffers`: declared here, not in person, which sits below mentor (docs/architecture.md). */
@Resolver(() => Person)
export class PersonMentorOffersResolver {
  @FieldResolver(() => [MentorOffer])
  mentorOffers(@Root() p: Person, @Ctx() ctx: Context) {
    return ctx.loaders.mentorOffer.byMentorId.load(p.id);
  }
}
