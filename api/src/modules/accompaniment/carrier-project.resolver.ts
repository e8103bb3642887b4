import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { rowIdOf } from '../../common/relay/global-id';
import { MentorOffer } from '../mentor/mentor-offer.entity';
import { Person } from '../person/person.entity';
import { Sector } from '../sector/sector.entity';
import { Structure } from '../structure/structure.entity';
import { findStructure } from '../structure/structure.service';
import { Commune } from '../territory/commune.entity';
import { CarrierProjectReferral } from './carrier-project-referral.entity';
import { CarrierProjectStageChange } from './carrier-project-stage-change.entity';
import { CarrierProject, CarrierProjectStage } from './carrier-project.entity';
import { canReadCarrierProjects } from './carrier-project.permissions';
import {
  authorName,
  carrierProjectPipeline,
  findCarrierProject,
  listCarrierProjects,
  mentorshipOf,
  technicalOpinionOf,
  type CarrierProjectSort,
} from './carrier-project.service';
import { CarrierMentorship, CarrierProjectPage, CarrierProjectStageCount, TechnicalOpinion } from './carrier-project.types';

enum CarrierProjectSortField {
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
  STAGE_CHANGED_ON = 'STAGE_CHANGED_ON',
}
registerEnumType(CarrierProjectSortField, { name: 'CarrierProjectSort' });

@ArgsType()
class CarrierProjectFilterArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words of the title or of the carrier’s names (accents and case ignored).',
  })
  @IsOptional()
  @MaxLength(200, { message: 'La recherche comporte au plus 200 caractères.' })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'INSEE commune codes.' })
  @IsOptional()
  @ArrayMaxSize(500)
  commune?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'EPCI SIREN codes: projects in one of their communes.' })
  @IsOptional()
  @ArrayMaxSize(100)
  epci?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Sector codes (slugs).' })
  @IsOptional()
  @ArrayMaxSize(100)
  sector?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'false (default): active projects; true: archived ones; null: both.',
  })
  archived?: boolean | null;
}

@ArgsType()
class CarrierProjectsArgs extends CarrierProjectFilterArgs {
  @Field(() => [CarrierProjectStage], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  stage?: CarrierProjectStage[] | null;

  @Field(() => CarrierProjectSortField, { nullable: true, description: 'Default: UPDATED_AT.' })
  sort?: CarrierProjectSortField | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Default: true (most recent first).' })
  descending?: boolean | null;

  @Field(() => Int, { defaultValue: 0, description: 'Page index, from 0.' })
  page: number;

  @Field(() => Int, { defaultValue: 20, description: '1 to 100 (PAGE_SIZE_OUT_OF_RANGE otherwise).' })
  pageSize: number;
}

/**
 * The carriers' projects are personal data: the mission (ADMIN) and the steering committee (STEERING)
 * read them; facilitators, structure editors, partners and anonymous visitors do not (see
 * carrier-project.permissions.ts). Only the mission edits them (carrier-project-editing.resolver.ts).
 */
@Resolver(() => CarrierProject)
export class CarrierProjectResolver {
  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => CarrierProjectPage, {
    description: 'Carriers’ projects (mission and steering committee): filtered, sorted, by offset pages.',
  })
  carrierProjects(@Ctx() ctx: Context, @Args() args: CarrierProjectsArgs) {
    return listCarrierProjects(ctx, { ...args, sort: args.sort as CarrierProjectSort | null });
  }

  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => [CarrierProjectStageCount], {
    description: 'How many projects are at each stage (every stage, in pipeline order), under the same filters.',
  })
  carrierProjectPipeline(@Ctx() ctx: Context, @Args() args: CarrierProjectFilterArgs) {
    return carrierProjectPipeline(ctx, args);
  }

  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => CarrierProject, { nullable: true, description: 'A project, archived ones included.' })
  carrierProject(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return findCarrierProject(ctx, rowIdOf(id, 'CarrierProject'));
  }

  @FieldResolver(() => Person, { description: 'The carrier.' })
  person(@Root() p: CarrierProject, @Ctx() ctx: Context) {
    return ctx.loaders.person.byId.load(p.personId);
  }

  @FieldResolver(() => Commune, { nullable: true })
  commune(@Root() p: CarrierProject, @Ctx() ctx: Context) {
    return p.communeCode ? ctx.loaders.territory.communeByCode.load(p.communeCode) : null;
  }

  @FieldResolver(() => Sector, { nullable: true })
  sector(@Root() p: CarrierProject, @Ctx() ctx: Context) {
    return p.sectorId ? ctx.loaders.sector.byId.load(p.sectorId) : null;
  }

  @FieldResolver(() => [CarrierProjectReferral], { description: 'Referrals, by date.' })
  referrals(@Root() p: CarrierProject, @Ctx() ctx: Context) {
    return ctx.loaders.carrierProject.referrals.load(p.id);
  }

  @FieldResolver(() => [CarrierProjectStageChange], { description: 'Stages the project went through, oldest first.' })
  stageHistory(@Root() p: CarrierProject, @Ctx() ctx: Context) {
    return ctx.loaders.carrierProject.stageHistory.load(p.id);
  }

  @FieldResolver(() => CarrierMentorship, { nullable: true })
  mentorship(@Root() p: CarrierProject) {
    return mentorshipOf(p);
  }

  @FieldResolver(() => TechnicalOpinion, { nullable: true })
  technicalOpinion(@Root() p: CarrierProject) {
    return technicalOpinionOf(p);
  }
}

@Resolver(() => CarrierProjectReferral)
export class CarrierProjectReferralResolver {
  @FieldResolver(() => Structure, { nullable: true })
  structure(@Root() r: CarrierProjectReferral, @Ctx() ctx: Context) {
    return findStructure(ctx, r.structureId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who recorded it (account name).' })
  author(@Root() r: CarrierProjectReferral, @Ctx() ctx: Context) {
    return authorName(ctx, r.accountId);
  }
}

@Resolver(() => CarrierProjectStageChange)
export class CarrierProjectStageChangeResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who recorded it (account name).' })
  author(@Root() c: CarrierProjectStageChange, @Ctx() ctx: Context) {
    return authorName(ctx, c.accountId);
  }
}

@Resolver(() => CarrierMentorship)
export class CarrierMentorshipResolver {
  @FieldResolver(() => MentorOffer, { nullable: true })
  mentorOffer(@Root() m: CarrierMentorship, @Ctx() ctx: Context) {
    return ctx.loaders.mentorOffer.byId.load(m.mentorOfferId);
  }
}

@Resolver(() => TechnicalOpinion)
export class TechnicalOpinionResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who gave it (account name).' })
  author(@Root() o: TechnicalOpinion, @Ctx() ctx: Context) {
    return authorName(ctx, o.accountId);
  }
}

@Resolver(() => Person)
export class PersonCarrierProjectsResolver {
  @FieldResolver(() => [CarrierProject], {
    nullable: true,
    description: 'Projects this person carries: mission and steering committee only (null for the others).',
  })
  carrierProjects(@Root() p: Person, @Ctx() ctx: Context) {
    return canReadCarrierProjects(ctx) ? ctx.loaders.carrierProject.byPersonId.load(p.id) : null;
  }
}
