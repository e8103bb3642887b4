import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { IsCalendarDay } from '../../common/validation/calendar-day';
import { PlanAction, SteeringMeeting } from './plan.types';
import {
  ACTION_NUMBERS,
  addMilestone,
  createMeeting,
  listMeetings,
  listPlan,
  recordIndicatorValue,
  setMilestoneDone,
  updateActionStatus,
  updateDecision,
} from './plan.service';

@InputType()
class DecisionInput {
  @Field() @Length(2, 2000) text: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) owner?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsCalendarDay() dueOn?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(ACTION_NUMBERS.min) @Max(ACTION_NUMBERS.max) actionNumber?:
    number | null;
}

@InputType()
class MeetingInput {
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDay() heldOn: string;
  @Field() @Length(2, 300) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20000) notes?: string | null;
  @Field(() => [DecisionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  decisions?: DecisionInput[] | null;
}

@Resolver()
export class PlanResolver {
  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => [PlanAction], { description: "Suivi du plan d'action : les 15 actions, leurs objectifs, jalons et indicateurs." })
  planActions(@Ctx() ctx: Context) {
    return listPlan(ctx);
  }

  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => [SteeringMeeting], { description: 'Comités de pilotage, du plus récent au plus ancien.' })
  steeringMeetings(@Ctx() ctx: Context) {
    return listMeetings(ctx);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PlanAction, { description: 'CONFLICT if `version` is stale.' })
  updatePlanAction(
    @Ctx() ctx: Context,
    @Arg('number', () => Int) number: number,
    @Arg('version', () => Int) version: number,
    @Arg('status') status: string,
    @Arg('owner', () => String, { nullable: true }) owner?: string | null,
  ) {
    return updateActionStatus(ctx, number, version, status, owner);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Records the value of a hand-entered indicator at a date.' })
  recordIndicatorValue(
    @Ctx() ctx: Context,
    @Arg('code') code: string,
    @Arg('measuredOn') measuredOn: string,
    @Arg('value', () => Float) value: number,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return recordIndicatorValue(ctx, code, measuredOn, value, note);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SteeringMeeting)
  createSteeringMeeting(@Ctx() ctx: Context, @Arg('input') input: MeetingInput) {
    return createMeeting(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Follow-up of a decision.' })
  updateSteeringDecision(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('status') status: string,
    @Arg('followUp', () => String, { nullable: true }) followUp?: string | null,
  ) {
    return updateDecision(ctx, id, status, followUp);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Adds a milestone (jalon) to an action.' })
  addPlanMilestone(
    @Ctx() ctx: Context,
    @Arg('number', () => Int) number: number,
    @Arg('title') title: string,
    @Arg('dueOn', () => String, { nullable: true }) dueOn?: string | null,
  ) {
    return addMilestone(ctx, number, title, dueOn);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Marks a milestone done on a date (null: not done).' })
  setPlanMilestoneDone(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('doneOn', () => String, { nullable: true }) doneOn: string | null,
  ) {
    return setMilestoneDone(ctx, id, doneOn);
  }
}
