import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many items each part of the ecosystem graph holds (public items only).' })
export class EcosystemStats {
  @Field(() => Int, { description: 'Published structures.' }) structures: number;
  @Field(() => Int) sectors: number;
  @Field(() => Int) networks: number;
  @Field(() => Int, { description: 'Persons who chose to be public.' }) persons: number;
  @Field(() => Int) workshops: number;
  @Field(() => Int) chantiers: number;
  @Field(() => Int) studyDays: number;
  @Field(() => Int) mentorOffers: number;
  @Field(() => Int, { description: 'Communes holding at least one published structure.' }) communesWithStructures: number;
  @Field(() => Int, { description: 'Communes of France in the reference data.' }) communes: number;
  @Field(() => Int) epcis: number;
}
