import { Args, ArgsType, Ctx, Field, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { Structure, StructureStatus } from '../structure/structure.entity';
import { adminListStructures, type AdminStructureSort } from './admin-structures.service';
import { StructureFilterInput } from './structure-filter.input';

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
  @Field(() => StructureFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: StructureFilterInput | null;

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

@Resolver(() => Structure)
export class AdminStructuresResolver {
  @Roles(Role.ADMIN, Role.STEERING, Role.STRUCTURE_EDITOR)
  @Query(() => AdminStructurePage, { description: 'Admin table of structures (every status; editors see theirs).' })
  adminStructures(@Ctx() ctx: Context, @Args() args: AdminStructuresArgs) {
    return adminListStructures(ctx, { ...args, sort: args.sort as AdminStructureSort | null });
  }
}
