import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { COMMUNE_FOR_EPCI, unneededCommuneColumns } from '../territory/commune.selection';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { ConnectionType } from '../../common/pagination/connection';
import { rowIdOf } from '../../common/relay/global-id';
import { Commune } from '../territory/commune.entity';
import { Epci } from '../territory/epci.entity';
import { perimeterOf } from './perimeter';
import { explainEssFamily } from './ess-family';
import { Structure } from './structure.entity';
import { findStructure, findStructureBySiret } from './structure.service';
import { WORKFORCE_RANGE_LABELS } from './workforce-range';

export const StructureConnection = ConnectionType(Structure, 'Structure');

@Resolver(() => Structure)
export class StructureResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Structure, { nullable: true })
  structure(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return findStructure(ctx, rowIdOf(id, 'Structure'));
  }

  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => Structure, { nullable: true, description: 'Find a structure by its SIRET (14 digits).' })
  structureBySiret(@Ctx() ctx: Context, @Arg('siret') siret: string) {
    return findStructureBySiret(ctx, siret);
  }

  @FieldResolver(() => Commune, { nullable: true })
  commune(@Root() s: Structure, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return s.communeCode ? ctx.loaders.territory.communeByCodeFor(unneededCommuneColumns(info)).load(s.communeCode) : null;
  }

  @FieldResolver(() => Epci, { nullable: true })
  async epci(@Root() s: Structure, @Ctx() ctx: Context) {
    const commune = s.communeCode ? await ctx.loaders.territory.communeByCodeFor(COMMUNE_FOR_EPCI).load(s.communeCode) : null;
    return commune?.epciSiren ? ctx.loaders.territory.epciBySiren.load(commune.epciSiren) : null;
  }

  @FieldResolver(() => String, { description: 'Why the structure is (or is not) in the ESS perimeter: rule and version.' })
  whyInPerimeter(@Root() s: Structure) {
    return perimeterOf(s).explanation;
  }

  @FieldResolver(() => String, { description: 'Why the structure has its ESS family (rule and version).' })
  essFamilyExplanation(@Root() s: Structure) {
    return explainEssFamily({
      legalCategory: s.legalCategory,
      override: s.essFamilyOverride,
      essFlag: s.esus || !!s.sireneEssFlag,
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'French label of the workforce range.' })
  workforceRangeLabel(@Root() s: Structure) {
    return s.workforceRange ? (WORKFORCE_RANGE_LABELS[s.workforceRange] ?? null) : null;
  }
}
