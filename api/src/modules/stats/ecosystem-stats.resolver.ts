import { Ctx, Query, Resolver } from 'type-graphql';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { EcosystemStats } from './ecosystem-stats.type';
import { ecosystemStats } from './ecosystem-stats.service';

@Resolver()
export class EcosystemStatsResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => EcosystemStats)
  ecosystemStats(@Ctx() ctx: Context) {
    return ecosystemStats(ctx);
  }
}
