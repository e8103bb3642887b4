import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { ConnectionType } from '../../common/pagination/connection';
import { Commune } from './commune.entity';
import { Departement } from './departement.entity';
import { Epci } from './epci.entity';
import { Region } from './region.entity';
import { CommuneFilterArgs, EpciFilterArgs } from './territory.args';
import { listCommunes, listDepartements, listEpcis, listRegions } from './territory.service';

export const CommuneConnection = ConnectionType(Commune, 'Commune');
export const EpciConnection = ConnectionType(Epci, 'Epci');

@Resolver(() => Commune)
export class CommuneResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => CommuneConnection, { description: 'Communes by INSEE code order, filtered by EPCI or département.' })
  communes(@Ctx() ctx: Context, @Args() args: CommuneFilterArgs) {
    return listCommunes(ctx, args);
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Commune, { nullable: true })
  commune(@Ctx() ctx: Context, @Arg('code') code: string) {
    return ctx.loaders.territory.communeByCode.load(code);
  }

  @FieldResolver(() => Epci, { nullable: true })
  epci(@Root() c: Commune, @Ctx() ctx: Context) {
    return c.epciSiren ? ctx.loaders.territory.epciBySiren.load(c.epciSiren) : null;
  }

  @FieldResolver(() => Departement)
  departement(@Root() c: Commune, @Ctx() ctx: Context) {
    return ctx.loaders.territory.departementByCode.load(c.departementCode);
  }

  @FieldResolver(() => Int, { description: 'Published structures located in the commune.' })
  structureCount(@Root() c: Commune, @Ctx() ctx: Context) {
    return ctx.loaders.territory.structureCountByCommune.load(c.code);
  }
}

@Resolver(() => Epci)
export class EpciResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => EpciConnection)
  epcis(@Ctx() ctx: Context, @Args() args: EpciFilterArgs) {
    return listEpcis(ctx, args);
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Epci, { nullable: true })
  epci(@Ctx() ctx: Context, @Arg('siren') siren: string) {
    return ctx.loaders.territory.epciBySiren.load(siren);
  }

  @FieldResolver(() => [Commune], { description: 'Member communes, by name.' })
  communes(@Root() e: Epci, @Ctx() ctx: Context) {
    return ctx.loaders.territory.communesByEpci.load(e.siren);
  }

  @FieldResolver(() => Int)
  communeCount(@Root() e: Epci, @Ctx() ctx: Context) {
    return ctx.loaders.territory.communeCountByEpci.load(e.siren);
  }

  @FieldResolver(() => Int, { description: 'Published structures located in the EPCI.' })
  structureCount(@Root() e: Epci, @Ctx() ctx: Context) {
    return ctx.loaders.territory.structureCountByEpci.load(e.siren);
  }
}

@Resolver(() => Departement)
export class DepartementResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => [Departement])
  departements(@Ctx() ctx: Context, @Arg('region', () => String, { nullable: true }) region?: string | null) {
    return listDepartements(ctx, region);
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Departement, { nullable: true })
  departement(@Ctx() ctx: Context, @Arg('code') code: string) {
    return ctx.loaders.territory.departementByCode.load(code);
  }

  @FieldResolver(() => Region)
  region(@Root() d: Departement, @Ctx() ctx: Context) {
    return ctx.loaders.territory.regionByCode.load(d.regionCode);
  }

  @FieldResolver(() => Int)
  communeCount(@Root() d: Departement, @Ctx() ctx: Context) {
    return ctx.loaders.territory.communeCountByDepartement.load(d.code);
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => [Region])
  regions(@Ctx() ctx: Context) {
    return listRegions(ctx);
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: Context, @Arg('code') code: string) {
    return ctx.loaders.territory.regionByCode.load(code);
  }
}
