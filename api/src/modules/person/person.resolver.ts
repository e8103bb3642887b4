import { Arg, Args, Ctx, FieldResolver, GraphQLISODateTime, ID, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { rowIdOf } from '../../common/relay/global-id';
import { Structure } from '../structure/structure.entity';
import { findStructure } from '../structure/structure.service';
import { Person, PersonStatus } from './person.entity';
import { displayName, findPerson, listPersons, personalField, personLastContactAt, personStatus } from './person.service';

export const PersonConnection = ConnectionType(Person, 'Person');

@Resolver(() => Person)
export class PersonResolver {
  @Public()
  @Query(() => PersonConnection, { description: 'Persons who chose to be public (everyone for the mission).' })
  persons(@Ctx() ctx: Context, @Args() args: PageArgs) {
    return listPersons(ctx, args);
  }

  @Public()
  @Query(() => Person, { nullable: true })
  person(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return findPerson(ctx, rowIdOf(id, 'Person'));
  }

  @FieldResolver(() => String, { description: 'Name if visible, else the role.' })
  displayName(@Root() p: Person, @Ctx() ctx: Context) {
    return displayName(ctx, p);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal: null unless the person is public.' })
  firstName(@Root() p: Person, @Ctx() ctx: Context) {
    return personalField(ctx, p, 'firstName');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal: null unless the person is public.' })
  lastName(@Root() p: Person, @Ctx() ctx: Context) {
    return personalField(ctx, p, 'lastName');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal: null unless the person is public.' })
  email(@Root() p: Person, @Ctx() ctx: Context) {
    return personalField(ctx, p, 'email');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal: null unless the person is public.' })
  phone(@Root() p: Person, @Ctx() ctx: Context) {
    return personalField(ctx, p, 'phone');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal: null unless the person is public.' })
  bio(@Root() p: Person, @Ctx() ctx: Context) {
    return personalField(ctx, p, 'bio');
  }

  @FieldResolver(() => PersonStatus, {
    nullable: true,
    description:
      'ACTIVE or ARCHIVED (archived persons leave the public views). Mission and steering committee only: null for the others, who only see public active persons.',
  })
  status(@Root() p: Person, @Ctx() ctx: Context) {
    return personStatus(ctx, p);
  }

  @FieldResolver(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'Last contact with the person: the retention period (ESSOR_RETENTION_PERSON_DAYS) runs from it. Mission and steering committee only: null for the others.',
  })
  lastContactAt(@Root() p: Person, @Ctx() ctx: Context) {
    return personLastContactAt(ctx, p);
  }

  @FieldResolver(() => Structure, { nullable: true })
  structure(@Root() p: Person, @Ctx() ctx: Context) {
    return p.structureId ? findStructure(ctx, p.structureId) : null;
  }
}
