import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import {
  adminListStructures,
  archiveStructure,
  createStructure,
  setStructureLinks,
  updateStructure,
  type AdminStructureSort,
} from './structure-editing.service';
import { Structure, StructureStatus } from './structure.entity';
import { CreateStructureInput, StructurePatch } from './structure.inputs';
import { canEditStructure } from './structure.permissions';

enum AdminStructureSortField {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AdminStructureSortField, { name: 'AdminStructureSort' });

@ObjectType({ description: 'A page of the admin structure table.' })
class AdminStructurePage {
  @Field(() => Int) totalCount: number;
  @Field(() => [Structure]) items: Structure[];
}

@ArgsType()
class AdminStructuresArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  text?: string | null;

  @Field(() => [StructureStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  status?: StructureStatus[] | null;

  @Field(() => AdminStructureSortField, { nullable: true })
  sort?: AdminStructureSortField | null;

  @Field(() => Boolean, { nullable: true })
  descending?: boolean | null;

  @Field(() => Int, { defaultValue: 0, description: 'Page index, from 0.' })
  @Min(0)
  page: number;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  pageSize: number;
}

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
  @Roles(Role.ADMIN, Role.STEERING, Role.STRUCTURE_EDITOR)
  @Query(() => AdminStructurePage, { description: 'Admin table of structures (every status; editors see theirs).' })
  adminStructures(@Ctx() ctx: Context, @Args() args: AdminStructuresArgs) {
    return adminListStructures(ctx, { ...args, sort: args.sort as AdminStructureSort | null });
  }

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
