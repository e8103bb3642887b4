import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection';
import { Node } from '../../common/relay/node.interface';
import { fetchNode } from './node.service';
import { relayErrors } from './relay.errors';

@Resolver()
export class NodeResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id.' })
  node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return fetchNode(ctx, id);
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => [Node], { nullable: 'items', description: 'Fetches objects by their global ids (100 at most).' })
  nodes(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]) {
    if (ids.length > MAX_PAGE_SIZE) {
      throw relayErrors.tooManyIds({ max: MAX_PAGE_SIZE }, { field: 'ids' });
    }
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}
