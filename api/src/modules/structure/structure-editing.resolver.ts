import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { archiveStructure, createStructure, setStructureLinks, updateStructure } from './structure-editing.service';
import { Structure } from './structure.entity';
import { CreateStructureInput, StructurePatch } from './structure.inputs';
import { canEditStructure } from './structure.permissions';

@ArgsType()
class LinkArgs {
  @Field(() => ID)
  id: string;

  @Field(() => [String], { description: 'Slugs.' })
  @ArrayMaxSize(50)
  codes: string[];
}

@Resolver(() => Structure)
export class StructureEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => Structure, { description: 'Creates a structure (draft unless a status is given).' })
  createStructure(@Ctx() ctx: Context, @Arg('input') input: CreateStructureInput) {
    return createStructure(ctx, input);
  }

  @Roles(Role.ADMIN, Role.STRUCTURE_EDITOR)
  @Mutation(() => Structure, { description: 'Edits a structure; CONFLICT if `version` is stale (nothing is written).' })
  updateStructure(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: StructurePatch,
  ) {
    return updateStructure(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Structure, { description: 'Archives a structure: it leaves the public views and keeps its history.' })
  archiveStructure(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archiveStructure(ctx, id, version);
  }

  @Roles(Role.ADMIN, Role.STRUCTURE_EDITOR)
  @Mutation(() => Structure, {
    description: 'Replaces the sectors of a structure (slugs); links to archived sectors (not listed in `sectors`) are kept.',
  })
  setStructureSectors(@Ctx() ctx: Context, @Args() { id, codes }: LinkArgs) {
    return setStructureLinks(ctx, id, 'sector', codes);
  }

  @Roles(Role.ADMIN, Role.STRUCTURE_EDITOR)
  @Mutation(() => Structure, {
    description:
      'Replaces the network memberships of a structure (slugs); memberships of archived networks (not listed in `networks`) are kept.',
  })
  setStructureNetworks(@Ctx() ctx: Context, @Args() { id, codes }: LinkArgs) {
    return setStructureLinks(ctx, id, 'network', codes);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit this structure (for the UI).' })
  viewerCanEdit(@Root() s: Structure, @Ctx() ctx: Context) {
    return canEditStructure(ctx, s);
  }
}
