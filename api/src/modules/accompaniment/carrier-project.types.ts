import { Field, Int, ObjectType } from 'type-graphql';
import { CarrierProject, CarrierProjectStage, TechnicalOpinionVerdict } from './carrier-project.entity';

@ObjectType({ description: 'A page of the carriers’ projects (offset pages, like the other admin tables).' })
export class CarrierProjectPage {
  @Field(() => Int) totalCount: number;
  @Field(() => [CarrierProject]) items: CarrierProject[];
}

@ObjectType({ description: 'How many projects are at a stage (the pipeline bar).' })
export class CarrierProjectStageCount {
  @Field(() => CarrierProjectStage) stage: CarrierProjectStage;
  @Field(() => Int) count: number;
}

/** A project's mentorship, from the project's columns (`mentorOffer` is resolved through a loader). */
@ObjectType('CarrierMentorship', { description: 'Tutorat d’un projet : une offre de tutorat et ses dates.' })
export class CarrierMentorship {
  mentorOfferId: string;
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it goes on.' }) endsOn: string | null;
  @Field({ description: 'Started, and not ended, today.' }) active: boolean;
}

/** The mission's technical opinion, from the project's columns (`author` through the account loader). */
@ObjectType({ description: 'Avis technique de la mission sur un projet.' })
export class TechnicalOpinion {
  accountId: string | null;
  @Field(() => TechnicalOpinionVerdict) verdict: TechnicalOpinionVerdict;
  @Field(() => String, { nullable: true, description: 'Personal: emptied by erasure.' }) text: string | null;
  @Field({ description: 'YYYY-MM-DD' }) givenOn: string;
}
