import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Structure } from '../structure/structure.entity';
import { Person } from './person.entity';
import { contactsOf } from './person.service';

/** `Structure.contacts`: declared here, not in structure, which sits below person (docs/architecture.md). */
@Resolver(() => Structure)
export class StructureContactsResolver {
  @FieldResolver(() => [Person], { description: 'Contact persons (personal fields follow each person’s choice).' })
  contacts(@Root() s: Structure, @Ctx() ctx: Context) {
    return contactsOf(ctx, s.id);
  }
}
