import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Public, PUBLIC_CACHE_SECONDS, Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { observatoryErrors } from './observatory.errors';
import { OBSERVATORY_YEARS, ObservatoryArgs, ObservatoryReport } from './observatory.types';
import { observatoryReport } from './observatory.service';
import { importReferenceFigures } from './reference-figures.service';
import { ReferenceImportReport } from './reference-figures.types';
import { refreshSnapshot } from './snapshot.service';

@Resolver()
export class ObservatoryResolver {
  @Public({ cacheSeconds: PUBLIC_CACHE_SECONDS })
  @Query(() => ObservatoryReport, { description: "Poids de l'ESS (indicateurs non personnels), depuis les instantanés annuels." })
  observatory(@Ctx() ctx: Context, @Args() args: ObservatoryArgs) {
    return observatoryReport(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Int, { description: 'Recomputes the snapshot of a year (default: this year); returns the structures counted.' })
  async refreshObservatory(@Ctx() ctx: Context, @Arg('year', () => Int, { nullable: true }) year?: number | null) {
    if (year != null && (year < OBSERVATORY_YEARS.min || year > OBSERVATORY_YEARS.max)) {
      throw observatoryErrors.yearOutOfRange(OBSERVATORY_YEARS, { field: 'year' });
    }
    return (await refreshSnapshot(ctx.ds, year ?? undefined)).structures;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ReferenceImportReport, {
    description: 'Imports reference figures (CSV: territory_type;territory_code;territory_name;indicator;year;value;source).',
  })
  importReferenceFigures(@Ctx() ctx: Context, @Arg('csv') csv: string) {
    return importReferenceFigures(ctx, csv);
  }
}
