import { Arg, Ctx, ID, Int, Mutation, Resolver, registerEnumType } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import {
  addDeliverable,
  addParticipant,
  addSession,
  archiveSpace,
  createSpace,
  removeChild,
  updateSpace,
} from './participatory-space-editing.service';
import { SpaceKind } from './participatory-space.entity';
import { CreateSpaceInput, DeliverableInput, ParticipantInput, SessionInput, SpacePatch } from './participatory-space.inputs';
import { ParticipatorySpaceType } from './participatory-space.types';

enum SpaceItem {
  session = 'session',
  participant = 'participant',
  deliverable = 'deliverable',
}
registerEnumType(SpaceItem, { name: 'SpaceItem', description: 'A child item of a participatory space.' });

/** Workshops, chantiers and study days: the mission, or the facilitator of the sector (row-level rule inside). */
@Resolver()
export class ParticipatorySpaceEditingResolver {
  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType)
  createSpace(@Ctx() ctx: Context, @Arg('kind', () => SpaceKind) kind: SpaceKind, @Arg('input') input: CreateSpaceInput) {
    return createSpace(ctx, kind, input);
  }

  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType, { description: 'CONFLICT if `version` is stale.' })
  updateSpace(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: SpacePatch,
  ) {
    return updateSpace(ctx, id, version, input);
  }

  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType)
  archiveSpace(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archiveSpace(ctx, id, version);
  }

  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType)
  addSpaceSession(@Ctx() ctx: Context, @Arg('spaceId', () => ID) spaceId: string, @Arg('input') input: SessionInput) {
    return addSession(ctx, spaceId, input);
  }

  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType)
  addSpaceParticipant(@Ctx() ctx: Context, @Arg('spaceId', () => ID) spaceId: string, @Arg('input') input: ParticipantInput) {
    return addParticipant(ctx, spaceId, input);
  }

  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType)
  addSpaceDeliverable(@Ctx() ctx: Context, @Arg('spaceId', () => ID) spaceId: string, @Arg('input') input: DeliverableInput) {
    return addDeliverable(ctx, spaceId, input);
  }

  @Roles(Role.ADMIN, Role.FACILITATOR)
  @Mutation(() => ParticipatorySpaceType, { description: 'Removes a session, participant or deliverable (its `id`).' })
  removeSpaceItem(
    @Ctx() ctx: Context,
    @Arg('spaceId', () => ID) spaceId: string,
    @Arg('item', () => SpaceItem) item: SpaceItem,
    @Arg('itemId', () => ID) itemId: string,
  ) {
    return removeChild(ctx, spaceId, item, itemId);
  }
}
