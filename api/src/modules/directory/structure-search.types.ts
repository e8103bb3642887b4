import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { PageInfo } from '../../common/pagination/connection';
import { EssFamily } from '../structure/ess-family';
import { Structure } from '../structure/structure.entity';

export enum StructureSort {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
  RECENT = 'RECENT',
}
registerEnumType(StructureSort, {
  name: 'StructureSort',
  description: 'Default: RELEVANCE with text, DISTANCE near a point, else NAME.',
});

export const MAX_RADIUS_KM = 200;
export const DEFAULT_RADIUS_KM = 10;

@InputType({ description: 'A point (WGS84) and a radius.' })
export class NearInput {
  @Field(() => Float)
  @Min(-90)
  @Max(90)
  latitude: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  longitude: number;

  @Field(() => Float, { nullable: true, description: `Kilometres, ${MAX_RADIUS_KM} at most (default ${DEFAULT_RADIUS_KM}).` })
  @Min(0.1)
  @Max(MAX_RADIUS_KM)
  radiusKm?: number | null;
}

@ObjectType({ description: 'A value of a facet: the code to filter with, its French label, how many hits have it.' })
export class FacetValue {
  @Field({ description: 'Code to filter with (family, slug, SIREN, INSEE code, range code).' })
  value: string;
  @Field()
  label: string;
  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Facet counts; each follows every filter but its own.' })
export class StructureFacets {
  @Field(() => [FacetValue]) essFamily: FacetValue[];
  @Field(() => [FacetValue]) sector: FacetValue[];
  @Field(() => [FacetValue]) network: FacetValue[];
  @Field(() => [FacetValue]) epci: FacetValue[];
  @Field(() => [FacetValue]) commune: FacetValue[];
  @Field(() => [FacetValue]) workforceRange: FacetValue[];
  @Field(() => Int, { description: 'Hits hosting interns.' }) acceptsInterns: number;
  @Field(() => Int, { description: 'Hits looking for volunteers.' }) seeksVolunteers: number;
}

@ObjectType({ description: 'A hit on the map.' })
export class MapPoint {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field(() => EssFamily) essFamily: EssFamily;
}

@ObjectType()
export class StructureSearchEdge {
  @Field() cursor: string;
  @Field(() => Structure) node: Structure;
  @Field(() => Float, { nullable: true, description: 'Distance to the centre of a near search, in km.' })
  distanceKm: number | null;
}

@ObjectType({ description: 'Directory search: hits, facets and map points of the same query.' })
export class StructureSearchResult {
  @Field(() => [StructureSearchEdge]) edges: StructureSearchEdge[];
  @Field(() => [Structure]) nodes: Structure[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number | Promise<number>;
  @Field(() => StructureFacets) facets: StructureFacets | Promise<StructureFacets>;
  @Field({ description: 'True when no structure matched the words and the hits come from the typo-tolerant name match.' })
  fuzzy: boolean;
  /** Loads the map points (resolved by a field resolver with its limit). */
  loadMapPoints: (limit: number) => Promise<MapPoint[]>;
}

@ObjectType()
export class NearbyStructure {
  @Field(() => Float) distanceKm: number;
  @Field(() => Structure) structure: Structure;
}
