import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { archivePerson, createPerson, updatePerson } from './person-editing.service';
import { Person } from './person.entity';
import { PersonPatch } from './person.inputs';

@Resolver(() => Person)
export class PersonEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => Person)
  createPerson(@Ctx() ctx: Context, @Arg('input') input: PersonPatch) {
    return createPerson(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Person, { description: 'CONFLICT if `version` is stale.' })
  updatePerson(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: PersonPatch,
  ) {
    return updatePerson(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Person)
  archivePerson(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archivePerson(ctx, id, version);
  }
}
