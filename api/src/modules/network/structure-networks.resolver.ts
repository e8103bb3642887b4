import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Structure } from '../structure/structure.entity';
import { Network } from './network.entity';
import { unneededNetworkColumns } from './network.selection';

/** `Structure.networks`: declared here, not in structure, which sits below network (docs/architecture.md). */
@Resolver(() => Structure)
export class StructureNetworksResolver {
  @FieldResolver(() => [Network])
  networks(@Root() s: Structure, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.network.byStructureIdFor(unneededNetworkColumns(info)).load(s.id);
  }
}
