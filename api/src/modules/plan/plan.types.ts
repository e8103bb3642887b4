import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class PlanIndicatorValue {
  @Field() measuredOn: string;
  @Field(() => Float) value: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: 'MANUAL or COMPUTED.' }) source: string;
}

@ObjectType({ description: "Indicateur d'une action : cible et historique ; calculé depuis le graphe ou saisi." })
export class PlanIndicator {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() title: string;
  @Field() unit: string;
  @Field(() => Float, { nullable: true }) target: number | null;
  @Field(() => String, { nullable: true, description: 'Set when the value is computed from the graph.' }) computedKey:
    string | null;
  @Field(() => Float, { nullable: true, description: 'Current value (computed now, or the last entry).' }) current: number | null;
  @Field(() => [PlanIndicatorValue]) history: PlanIndicatorValue[];
}

@ObjectType()
export class PlanMilestone {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field(() => String, { nullable: true }) doneOn: string | null;
}

@ObjectType({ description: "Action du plan d'action : objectifs, responsable, jalons, statut, indicateurs." })
export class PlanAction {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) owner: string | null;
  @Field({ description: 'NOT_STARTED, ON_TRACK, AT_RISK, LATE, DONE.' }) status: string;
  @Field(() => Int) version: number;
  @Field(() => [String]) objectives: string[];
  @Field(() => [PlanMilestone]) milestones: PlanMilestone[];
  @Field(() => [PlanIndicator]) indicators: PlanIndicator[];
}

@ObjectType()
export class SteeringDecision {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => String, { nullable: true }) owner: string | null;
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field() status: string;
  @Field(() => String, { nullable: true }) followUp: string | null;
  @Field(() => Int, { nullable: true, description: 'Number of the related action.' }) actionNumber: number | null;
}

@ObjectType({ description: 'Comité de pilotage : décisions et suivi.' })
export class SteeringMeeting {
  @Field(() => ID) id: string;
  @Field() heldOn: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => [SteeringDecision]) decisions: SteeringDecision[];
}
