import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, Info } from 'type-graphql';
import { unneededColumnsOfConnection } from '../structure/structure.selection';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { PageArgs, pageSize } from '../../common/pagination/connection';
import { StructureConnection } from '../structure/structure.resolver';
import { INCLUDE_ARCHIVED } from '../sector/sector.resolver';
import { Network } from './network.entity';
import { findNetworkBySlug, listNetworks } from './network.service';

@Resolver(() => Network)
export class NetworkResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => [Network], { description: 'All networks (têtes de réseau), by name.' })
  networks(@Ctx() ctx: Context, @Arg('includeArchived', () => Boolean, INCLUDE_ARCHIVED) includeArchived: boolean | null) {
    return listNetworks(ctx, { includeArchived });
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Network, { nullable: true })
  network(
    @Ctx() ctx: Context,
    @Arg('slug') slug: string,
    @Arg('includeArchived', () => Boolean, INCLUDE_ARCHIVED) includeArchived: boolean | null,
  ) {
    return findNetworkBySlug(ctx, slug, { includeArchived });
  }

  @FieldResolver(() => StructureConnection, { description: 'Published member structures, by id.' })
  members(@Root() n: Network, @Ctx() ctx: Context, @Args() { first, after }: PageArgs, @Info() info: GraphQLResolveInfo) {
    pageSize(first);
    return ctx.loaders.network.members.load({
      parent: n.id,
      first,
      after,
      without: unneededColumnsOfConnection(info),
    });
  }

  @FieldResolver(() => Int)
  memberCount(@Root() n: Network, @Ctx() ctx: Context) {
    return ctx.loaders.network.memberCount.load(n.id);
  }
}
