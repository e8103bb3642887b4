import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { Structure } from '../structure/structure.entity';
import { StructureConnection } from '../structure/structure.resolver';
import { StructureListArgs } from './structure-list.args';
import { listStructures } from './structure-list.service';

@Resolver(() => Structure)
export class StructureListResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => StructureConnection, { description: 'Published structures, alphabetical, filtered by official codes.' })
  structures(@Ctx() ctx: Context, @Args() args: StructureListArgs) {
    return listStructures(ctx, args);
  }
}
