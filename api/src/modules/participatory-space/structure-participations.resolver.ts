import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { Structure } from '../structure/structure.entity';
import { ParticipatorySpaceType } from './participatory-space.types';

/** `Structure.participations`: declared here, not in structure, which sits below participatory-space (docs/architecture.md). */
@Resolver(() => Structure)
export class StructureParticipationsResolver {
  @FieldResolver(() => [ParticipatorySpaceType], { description: 'Workshops, chantiers and study days it takes part in.' })
  participations(@Root() s: Structure, @Ctx() ctx: Context) {
    return ctx.loaders.space.byStructureId.load(s.id);
  }
}
