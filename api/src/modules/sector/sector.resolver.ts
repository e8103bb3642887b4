import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, Info } from 'type-graphql';
import { unneededColumnsOfConnection } from '../structure/structure.selection';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { PageArgs, pageSize } from '../../common/pagination/connection';
import { Person } from '../person/person.entity';
import { StructureConnection } from '../structure/structure.resolver';
import { Sector } from './sector.entity';
import { findSectorBySlug, listSectors } from './sector.service';

/** The `includeArchived` argument of the sector and network queries. */
export const INCLUDE_ARCHIVED = {
  nullable: true,
  defaultValue: false,
  description: 'Also archived ones: honoured for ADMIN and STEERING only (ignored for anyone else).',
} as const;

@Resolver(() => Sector)
export class SectorResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => [Sector], { description: 'All sectors of the territorial network, by name.' })
  sectors(@Ctx() ctx: Context, @Arg('includeArchived', () => Boolean, INCLUDE_ARCHIVED) includeArchived: boolean | null) {
    return listSectors(ctx, { includeArchived });
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Sector, { nullable: true })
  sector(
    @Ctx() ctx: Context,
    @Arg('slug') slug: string,
    @Arg('includeArchived', () => Boolean, INCLUDE_ARCHIVED) includeArchived: boolean | null,
  ) {
    return findSectorBySlug(ctx, slug, { includeArchived });
  }

  @FieldResolver(() => [Person], { description: 'Animateurs et animatrices du secteur.' })
  facilitators(@Root() s: Sector, @Ctx() ctx: Context) {
    return ctx.loaders.sector.facilitators.load(s.id);
  }

  @FieldResolver(() => StructureConnection, { description: 'Published structures of the sector, by id.' })
  structures(@Root() s: Sector, @Ctx() ctx: Context, @Args() { first, after }: PageArgs, @Info() info: GraphQLResolveInfo) {
    pageSize(first);
    return ctx.loaders.sector.structures.load({
      parent: s.id,
      first,
      after,
      without: unneededColumnsOfConnection(info),
    });
  }

  @FieldResolver(() => Int)
  structureCount(@Root() s: Sector, @Ctx() ctx: Context) {
    return ctx.loaders.sector.structureCount.load(s.id);
  }
}
