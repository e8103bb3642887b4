import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Sector } from '../sector/sector.entity';
import { SpaceKind } from './participatory-space.entity';
import { Chantier, StudyDay, Workshop } from './participatory-space.types';

/** `Sector.workshops/chantiers/studyDays`: declared here, not in sector, which sits below participatory-space (docs/architecture.md). */
@Resolver(() => Sector)
export class SectorSpacesResolver {
  @FieldResolver(() => [Workshop])
  async workshops(@Root() s: Sector, @Ctx() ctx: Context) {
    return (await ctx.loaders.space.bySectorId.load(s.id)).filter((x) => x.kind === SpaceKind.WORKSHOP);
  }

  @FieldResolver(() => [Chantier])
  async chantiers(@Root() s: Sector, @Ctx() ctx: Context) {
    return (await ctx.loaders.space.bySectorId.load(s.id)).filter((x) => x.kind === SpaceKind.CHANTIER);
  }

  @FieldResolver(() => [StudyDay])
  async studyDays(@Root() s: Sector, @Ctx() ctx: Context) {
    return (await ctx.loaders.space.bySectorId.load(s.id)).filter((x) => x.kind === SpaceKind.STUDY_DAY);
  }
}
