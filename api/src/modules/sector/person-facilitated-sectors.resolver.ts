import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Person } from '../person/person.entity';
import { Sector } from './sector.entity';

/** `Person.facilitatedSectors`: declared here, not in person, which sits below sector (docs/architecture.md). */
@Resolver(() => Person)
export class PersonFacilitatedSectorsResolver {
  @FieldResolver(() => [Sector], { description: 'Sectors this person facilitates.' })
  facilitatedSectors(@Root() p: Person, @Ctx() ctx: Context) {
    return ctx.loaders.sector.facilitatedByPerson.load(p.id);
  }
}
