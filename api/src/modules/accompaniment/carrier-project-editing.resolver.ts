import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import {
  addCarrierProjectReferral,
  archiveCarrierProject,
  createCarrierProject,
  moveCarrierProjectStage,
  recordCarrierProjectOpinion,
  restoreCarrierProject,
  setCarrierProjectMentorship,
  updateCarrierProject,
  updateCarrierProjectReferral,
} from './carrier-project-editing.service';
import { CarrierProject } from './carrier-project.entity';
import {
  CarrierProjectPatch,
  CreateCarrierProjectInput,
  MentorshipInput,
  ReferralInput,
  ReferralPatch,
  StageChangeInput,
  TechnicalOpinionInput,
} from './carrier-project.inputs';

const STALE = 'CONFLICT if `version` is stale (nothing is written).';

/**
 * The carriers' projects are the mission's to edit (ADMIN only; the steering committee reads them).
 * Every mutation names the project's `version`, bumps it and appends one audit entry (texts redacted).
 */
@Resolver(() => CarrierProject)
export class CarrierProjectEditingResolver {
  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: 'Records the first stage in the history; ANONYMISED for an anonymised person.' })
  createCarrierProject(@Ctx() ctx: Context, @Arg('input') input: CreateCarrierProjectInput) {
    return createCarrierProject(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `${STALE} ANONYMISED for new texts once the carrier was anonymised.` })
  updateCarrierProject(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: CarrierProjectPatch,
  ) {
    return updateCarrierProject(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `Moves the project to another stage, recorded in its history. ${STALE}` })
  moveCarrierProjectStage(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: StageChangeInput,
  ) {
    return moveCarrierProjectStage(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `Refers the project to a structure. ${STALE}` })
  addCarrierProjectReferral(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ReferralInput,
  ) {
    return addCarrierProjectReferral(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `Changes a referral of the project (its row id). ${STALE}` })
  updateCarrierProjectReferral(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('referralId', () => ID) referralId: string,
    @Arg('input') input: ReferralPatch,
  ) {
    return updateCarrierProjectReferral(ctx, id, version, referralId, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `Sets the project's mentorship (null removes it). ${STALE}` })
  setCarrierProjectMentorship(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('mentorship', () => MentorshipInput, { nullable: true }) mentorship: MentorshipInput | null,
  ) {
    return setCarrierProjectMentorship(ctx, id, version, mentorship);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, {
    description: `Records the mission's technical opinion (replaces the previous one). ${STALE}`,
  })
  recordCarrierProjectOpinion(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: TechnicalOpinionInput,
  ) {
    return recordCarrierProjectOpinion(ctx, id, version, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `Archived projects leave the lists and the indicators. ${STALE}` })
  archiveCarrierProject(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return archiveCarrierProject(ctx, id, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CarrierProject, { description: `Brings an archived project back (an active one is left as it is). ${STALE}` })
  restoreCarrierProject(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return restoreCarrierProject(ctx, id, version);
  }
}
