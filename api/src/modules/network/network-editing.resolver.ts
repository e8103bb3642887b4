import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { archiveNetwork, createNetwork, updateNetwork } from './network-editing.service';
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
}
