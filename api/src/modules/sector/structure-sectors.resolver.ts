import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Structure } from '../structure/structure.entity';
import { Sector } from './sector.entity';
import { unneededSectorColumns } from './sector.selection';

/** `Structure.sectors`: declared here, not in structure, which sits below sector (docs/architecture.md). */
@Resolver(() => Structure)
export class StructureSectorsResolver {
  @FieldResolver(() => [Sector])
  sectors(@Root() s: Structure, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.sector.byStructureIdFor(unneededSectorColumns(info)).load(s.id);
  }
}
