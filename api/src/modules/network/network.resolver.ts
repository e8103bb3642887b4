import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { PageArgs, pageSize } from '../../common/pagination/connection';
import { StructureConnection } from '../structure/structure.resolver';
import { Network } from './network.entity';
import { findNetworkBySlug, listNetworks } from './network.service';

@Resolver(() => Network)
export class NetworkResolver {
  @Public()
  @Query(() => [Network], { description: 'All networks (têtes de réseau), by name.' })
  networks(@Ctx() ctx: Context) {
    return listNetworks(ctx);
  }

  @Public()
  @Query(() => Network, { nullable: true })
  network(@Ctx() ctx: Context, @Arg('slug') slug: string) {
    return findNetworkBySlug(ctx, slug);
  }

  @FieldResolver(() => StructureConnection, { description: 'Published member structures, by id.' })
  members(@Root() n: Network, @Ctx() ctx: Context, @Args() { first, after }: PageArgs) {
    pageSize(first);
    return ctx.loaders.network.members.load({ parent: n.id, first, after });
  }

  @FieldResolver(() => Int)
  memberCount(@Root() n: Network, @Ctx() ctx: Context) {
    return ctx.loaders.network.memberCount.load(n.id);
  }
}
