import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { archivePerson, createPerson, restorePerson, updatePerson } from './person-editing.service';
import { Person } from './person.entity';
import { PersonPatch } from './person.inputs';

@Resolver(() => Person)
export class PersonEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => Person, {
    description:
      'Needs a name, a first name or a job title. Records a contact: the retention period starts (today unless `lastContactAt`).',
  })
  createPerson(@Ctx() ctx: Context, @Arg('input') input: PersonPatch) {
    return createPerson(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Person, {
    description:
      'CONFLICT if `version` is stale; ANONYMISED for personal fields of an anonymised person (nothing is written). A correction leaves the date of last contact as it is: give `lastContactAt` to record a contact.',
  })
  updatePerson(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: PersonPatch,
  ) {
    return updatePerson(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Person, {
    description: 'Archived persons leave the public views and the lists of facilitators; CONFLICT if `version` is stale.',
  })
  archivePerson(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archivePerson(ctx, id, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Person, {
    description: 'Brings an archived person back (an active one is left as it is); CONFLICT if `version` is stale.',
  })
  restorePerson(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return restorePerson(ctx, id, version);
  }
}
