import { Ctx, Query, Resolver } from 'type-graphql';
import { Public } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { EcosystemStats } from './ecosystem-stats.type';
import { ecosystemStats } from './ecosystem-stats.service';

@Resolver()
export class EcosystemStatsResolver {
  @Public()
  @Query(() => EcosystemStats)
  ecosystemStats(@Ctx() ctx: Context) {
    return ecosystemStats(ctx);
  }
}
