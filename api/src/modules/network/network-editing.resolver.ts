import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { Structure } from '../structure/structure.entity';
import { findStructure } from '../structure/structure.service';
import {
  addNetworkMember,
  archiveNetwork,
  createNetwork,
  removeNetworkMember,
  restoreNetwork,
  updateNetwork,
} from './network-editing.service';
import { NetworkMembershipChange } from './network-membership.types';
import { Network } from './network.entity';
import { CreateNetworkInput, NetworkPatch } from './network.inputs';

@Resolver(() => Network)
export class NetworkEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => Network)
  createNetwork(@Ctx() ctx: Context, @Arg('input') input: CreateNetworkInput) {
    return createNetwork(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Network, { description: 'CONFLICT if `version` is stale.' })
  updateNetwork(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: NetworkPatch,
  ) {
    return updateNetwork(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Network, { description: 'Archived networks leave the public views.' })
  archiveNetwork(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archiveNetwork(ctx, id, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Network, { description: 'Archived networks come back to the public views; CONFLICT if `version` is stale.' })
  restoreNetwork(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return restoreNetwork(ctx, id, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => NetworkMembershipChange, {
    description:
      'Makes a structure (any status) a member of a network (any status). Idempotent: already a member, `changed` is false and nothing is written, unless another `since` is given. NOT_FOUND (field networkId or structureId) for an unknown id.',
  })
  addNetworkMember(
    @Ctx() ctx: Context,
    @Arg('networkId', () => ID) networkId: string,
    @Arg('structureId', () => ID) structureId: string,
    @Arg('since', () => String, { nullable: true, description: 'YYYY-MM-DD' }) since?: string | null,
  ) {
    return addNetworkMember(ctx, networkId, structureId, since);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => NetworkMembershipChange, {
    description:
      'Ends the membership of a structure in a network. Idempotent: not a member, `changed` is false and nothing is written. NOT_FOUND (field networkId or structureId) for an unknown id.',
  })
  removeNetworkMember(
    @Ctx() ctx: Context,
    @Arg('networkId', () => ID) networkId: string,
    @Arg('structureId', () => ID) structureId: string,
  ) {
    return removeNetworkMember(ctx, networkId, structureId);
  }
}

@Resolver(() => NetworkMembershipChange)
export class NetworkMembershipChangeResolver {
  @FieldResolver(() => Network)
  network(@Root() c: NetworkMembershipChange, @Ctx() ctx: Context) {
    return ctx.loaders.network.byId.load(c.networkId);
  }

  @FieldResolver(() => Structure, { nullable: true, description: 'Null if the viewer may not see it.' })
  structure(@Root() c: NetworkMembershipChange, @Ctx() ctx: Context) {
    return findStructure(ctx, c.structureId);
  }
}
