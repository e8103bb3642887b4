import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectedFields } from '../../common/graphql/selection';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { directoryErrors } from './directory.errors';
import { SearchStructuresArgs } from './structure-list.args';
import { MAP_POINTS_DEFAULT, searchStructures } from './structure-search.service';
import { MapPoint, MAX_RADIUS_KM, NearbyStructure, StructureSearchResult } from './structure-search.types';
import { Structure } from '../structure/structure.entity';
import { FACETS } from './structure-filter';
import { unneededColumnsOfConnection, unneededColumnsOfNearby } from '../structure/structure.selection';

@Resolver(() => StructureSearchResult)
export class StructureSearchResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => StructureSearchResult, {
    description:
      'Directory search: French full text (typo-tolerant names as fallback), filters by official codes, radius, facets.',
  })
  searchStructures(@Ctx() ctx: Context, @Args() args: SearchStructuresArgs, @Info() info: GraphQLResolveInfo) {
    const facets = selectedFields(info, ['facets']);
    return searchStructures(ctx, args, {
      totalCount: selectedFields(info).has('totalCount'),
      facets: FACETS.filter((f) => facets.has(f)),
      without: unneededColumnsOfConnection(info),
    });
  }

  @FieldResolver(() => [MapPoint], {
    description: `Every hit with coordinates (${MAP_POINTS_DEFAULT} by default, 5000 at most).`,
  })
  mapPoints(@Root() r: StructureSearchResult, @Arg('limit', () => Int, { nullable: true }) limit?: number | null) {
    return r.loadMapPoints(limit ?? MAP_POINTS_DEFAULT);
  }
}

@Resolver(() => Structure)
export class StructureNearbyResolver {
  @FieldResolver(() => [NearbyStructure], { description: 'Nearest published structures, nearest first.' })
  nearby(
    @Root() s: Structure,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('radiusKm', () => Float, { nullable: true }) radiusKm?: number | null,
  ) {
    const n = first ?? 5;
    const r = radiusKm ?? 15;
    if (!Number.isInteger(n) || n < 0 || n > 20) {
      throw directoryErrors.nearbyFirstOutOfRange({ field: 'first' });
    }
    if (!(r > 0 && r <= MAX_RADIUS_KM)) {
      throw directoryErrors.radiusOutOfRange({ max: MAX_RADIUS_KM }, { field: 'radiusKm' });
    }
    return ctx.loaders.directory.nearby(n, r, unneededColumnsOfNearby(info)).load(s.id);
  }
}
