import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { EssFamily } from '../structure/ess-family';

@ObjectType({ description: 'Counts and employees; estimates come from the workforce ranges, declared figures where known.' })
export class ObservatoryFigures {
  @Field(() => Int, { description: 'Establishments in the ESS perimeter.' }) establishments: number;
  @Field(() => Int, { description: 'Of which employers.' }) employers: number;
  @Field(() => Int, { description: 'Establishments with a declared number of employees.' }) declaredEstablishments: number;
  @Field(() => Int, { description: 'Employees they declared.' }) declaredEmployees: number;
  @Field(() => Float, { description: 'Estimated employees of the others (low bounds of their ranges).' }) estimatedLow: number;
  @Field(() => Float) estimatedMid: number;
  @Field(() => Float) estimatedHigh: number;
  @Field(() => Float, { description: 'declaredEmployees + estimatedLow.' }) employeesLow: number;
  @Field(() => Float, { description: 'declaredEmployees + estimatedMid: the headline figure.' }) employeesMid: number;
  @Field(() => Float) employeesHigh: number;
}

@ObjectType()
export class ObservatoryBreakdownItem {
  @Field({ description: 'Code: family, NAF section, SIREN of the EPCI, INSEE code, sector slug.' }) key: string;
  @Field() label: string;
  @Field(() => ObservatoryFigures) figures: ObservatoryFigures;
}

@ObjectType()
export class ObservatoryYear {
  @Field(() => Int) year: number;
  @Field(() => ObservatoryFigures) figures: ObservatoryFigures;
}

@ObjectType({ description: 'A published figure of a reference territory.' })
export class ReferenceFigure {
  @Field() territoryType: string;
  @Field() territoryCode: string;
  @Field() territoryName: string;
  @Field() indicator: string;
  @Field(() => Int) year: number;
  @Field(() => Float) value: number;
  @Field() source: string;
}

@ObjectType({ description: 'Share of the ESS in total employment, when a reference total is known.' })
export class EssShare {
  @Field(() => Float) essEmployees: number;
  @Field(() => Float) totalEmployees: number;
  @Field(() => Float, { description: 'Percent.' }) percent: number;
  @Field(() => Int) referenceYear: number;
  @Field() source: string;
}

@ObjectType({ description: "Observatoire de l'ESS : poids de l'ESS par famille, secteur, territoire et année." })
export class ObservatoryReport {
  @Field(() => Int) year: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the snapshot of the year was computed.' })
  computedAt: Date | null;
  @Field(() => String, { nullable: true }) ruleVersion: string | null;
  @Field({ description: 'French description of the scope.' }) scope: string;
  @Field(() => ObservatoryFigures) totals: ObservatoryFigures;
  @Field(() => [ObservatoryBreakdownItem]) byFamily: ObservatoryBreakdownItem[];
  @Field(() => [ObservatoryBreakdownItem]) byNafSection: ObservatoryBreakdownItem[];
  @Field(() => [ObservatoryBreakdownItem], {
    description: 'EPCIs of the scope (their part in it); the communes without an EPCI have an empty key.',
  })
  byEpci: ObservatoryBreakdownItem[];
  @Field(() => [ObservatoryBreakdownItem], {
    description:
      'Communes of the scope, most establishments first, only when the scope is at most one département: communes, ' +
      'EPCIs, a zone or a single département (empty for a région, several départements or France; `notes` says so). ' +
      'At most 1,000 communes: the others are then summed into a last item with an empty key, « Autres communes (n) ».',
  })
  byCommune: ObservatoryBreakdownItem[];
  @Field(() => [ObservatoryBreakdownItem]) bySector: ObservatoryBreakdownItem[];
  @Field(() => [ObservatoryYear], { description: 'The same scope, every year with a snapshot.' }) series: ObservatoryYear[];
  @Field(() => EssShare, { nullable: true }) share: EssShare | null;
  @Field(() => [ReferenceFigure], { description: 'Figures of the region and of France, for comparison.' })
  references: ReferenceFigure[];
  @Field(() => [String]) notes: string[];
}

/** The years the observatory has snapshots for (a smallint in the database). */
export const OBSERVATORY_YEARS = { min: 1990, max: 2100 };

@ArgsType()
export class ObservatoryArgs {
  @Field(() => Int, { nullable: true, description: 'Default: the latest year with a snapshot.' })
  @IsOptional()
  @Min(OBSERVATORY_YEARS.min)
  @Max(OBSERVATORY_YEARS.max)
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'A named zone, e.g. "sambre-avesnois".' })
  @IsOptional()
  @MaxLength(40)
  zone?: string | null;

  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(200) commune?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) epci?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(101) departement?: string[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(18) region?: string[] | null;
  @Field(() => [EssFamily], { nullable: true }) @IsOptional() essFamily?: EssFamily[] | null;
  @Field(() => [String], { nullable: true, description: 'Sector slugs.' }) @IsOptional() @ArrayMaxSize(50) sector?:
    string[] | null;
}
