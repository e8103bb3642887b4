import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { archiveSector, createSector, restoreSector, setSectorFacilitators, updateSector } from './sector-editing.service';
import { Sector } from './sector.entity';
import { CreateSectorInput, SectorPatch } from './sector.inputs';

/** Sectors and their facilitators are the mission's to edit. */
@Resolver(() => Sector)
export class SectorEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => Sector)
  createSector(@Ctx() ctx: Context, @Arg('input') input: CreateSectorInput) {
    return createSector(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Sector, { description: 'CONFLICT if `version` is stale.' })
  updateSector(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: SectorPatch,
  ) {
    return updateSector(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Sector, { description: 'Archived sectors leave the public views.' })
  archiveSector(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archiveSector(ctx, id, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Sector, { description: 'Archived sectors come back to the public views; CONFLICT if `version` is stale.' })
  restoreSector(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return restoreSector(ctx, id, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Sector, {
    description:
      'Replaces the facilitators (animateurs) of a sector, under its `version` (bumped by a change); CONFLICT if it is stale, listing `facilitators` (person row ids) when they differ.',
  })
  setSectorFacilitators(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('personIds', () => [ID]) personIds: string[],
  ) {
    return setSectorFacilitators(ctx, id, version, personIds);
  }
}
