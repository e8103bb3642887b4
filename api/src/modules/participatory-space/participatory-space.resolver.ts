import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import { Public, PUBLIC_CACHE_SECONDS } from '../../common/auth/access';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { rowIdOf } from '../../common/relay/global-id';
import { Person } from '../person/person.entity';
import { Sector } from '../sector/sector.entity';
import { Structure } from '../structure/structure.entity';
import { findStructure } from '../structure/structure.service';
import { Commune } from '../territory/commune.entity';
import { ParticipatorySpace, SPACE_TYPENAME, SpaceKind, SpaceStatus } from './participatory-space.entity';
import { canEditSpacesOfSector } from './participatory-space.permissions';
import { findSpace, listSpaces, listUpcomingSessions } from './participatory-space.service';
import { Chantier, ParticipatorySpaceType, StudyDay, Workshop } from './participatory-space.types';
import { SpaceDeliverable } from './space-deliverable.entity';
import { SpaceParticipant } from './space-participant.entity';
import { SpaceSession } from './space-session.entity';

@ArgsType()
class SpaceArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: 'Sector codes (slugs).' })
  @ArrayMaxSize(100)
  sector?: string[] | null;

  @Field(() => [SpaceStatus], { nullable: true })
  status?: SpaceStatus[] | null;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/**
 * One resolver per kind (Workshop, Chantier, StudyDay): list, get by id, and the
 * shared field resolvers of the ParticipatorySpace interface.
 */
function spaceResolver(type: ClassType, kind: SpaceKind, listName: string) {
  const typeName = SPACE_TYPENAME[kind];
  const connection = ConnectionType(type, typeName);

  @Resolver(() => type)
  class SpaceResolver {
    @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
    @Query(() => connection, { name: listName })
    list(@Ctx() ctx: Context, @Args() args: SpaceArgs) {
      return listSpaces(ctx, kind, args);
    }

    @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
    @Query(() => type, { name: lowerFirst(typeName), nullable: true })
    one(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
      return findSpace(ctx, kind, rowIdOf(id, typeName));
    }

    @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit this space (for the UI).' })
    viewerCanEdit(@Root() s: ParticipatorySpace, @Ctx() ctx: Context) {
      return canEditSpacesOfSector(ctx, s.sectorId);
    }

    @FieldResolver(() => Sector)
    sector(@Root() s: ParticipatorySpace, @Ctx() ctx: Context) {
      return ctx.loaders.sector.byId.load(s.sectorId);
    }

    @FieldResolver(() => [SpaceSession])
    sessions(@Root() s: ParticipatorySpace, @Ctx() ctx: Context) {
      return ctx.loaders.space.sessions.load(s.id);
    }

    @FieldResolver(() => [SpaceParticipant])
    participants(@Root() s: ParticipatorySpace, @Ctx() ctx: Context) {
      return ctx.loaders.space.participants.load(s.id);
    }

    @FieldResolver(() => [SpaceDeliverable])
    deliverables(@Root() s: ParticipatorySpace, @Ctx() ctx: Context) {
      return ctx.loaders.space.deliverables.load(s.id);
    }
  }
  Object.defineProperty(SpaceResolver, 'name', { value: `${typeName}Resolver` });
  return SpaceResolver;
}

export const WorkshopResolver = spaceResolver(Workshop, SpaceKind.WORKSHOP, 'workshops');
export const ChantierResolver = spaceResolver(Chantier, SpaceKind.CHANTIER, 'chantiers');
export const StudyDayResolver = spaceResolver(StudyDay, SpaceKind.STUDY_DAY, 'studyDays');

@Resolver(() => SpaceSession)
export class SpaceSessionResolver {
  // « To come » moves with the clock: a minute at most in the cache.
  @Public({ cacheSeconds: 60 })
  @Query(() => [SpaceSession], { description: 'Sessions to come (workshops, chantiers, study days), soonest first.' })
  upcomingSessions(@Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true }) first?: number | null) {
    return listUpcomingSessions(ctx, first);
  }

  @FieldResolver(() => ParticipatorySpaceType)
  space(@Root() s: SpaceSession, @Ctx() ctx: Context) {
    return ctx.loaders.space.byId.load(s.spaceId);
  }

  @FieldResolver(() => Commune, { nullable: true })
  commune(@Root() s: SpaceSession, @Ctx() ctx: Context) {
    return s.communeCode ? ctx.loaders.territory.communeByCode.load(s.communeCode) : null;
  }
}

@Resolver(() => SpaceParticipant)
export class SpaceParticipantResolver {
  @FieldResolver(() => Structure, { nullable: true })
  structure(@Root() p: SpaceParticipant, @Ctx() ctx: Context) {
    return p.structureId ? findStructure(ctx, p.structureId) : null;
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() p: SpaceParticipant, @Ctx() ctx: Context) {
    return p.personId ? ctx.loaders.person.byId.load(p.personId) : null;
  }
}
