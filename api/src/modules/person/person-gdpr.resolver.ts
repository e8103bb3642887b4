import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../../common/auth/access';
import { hasRole, Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { Consent } from './consent.type';
import { Person, PersonStatus } from './person.entity';
import {
  adminListPersons,
  type AdminPersonSort,
  erasePerson,
  exportPersonData,
  recordConsent,
  runRetentionNow,
  withdrawConsent,
} from './person-gdpr.service';

enum AdminPersonSortField {
  NAME = 'NAME',
  LAST_CONTACT_AT = 'LAST_CONTACT_AT',
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AdminPersonSortField, {
  name: 'AdminPersonSort',
  description: 'NAME: last name then first name (persons without one last); LAST_CONTACT_AT: without one last.',
});

@ObjectType()
class AdminPersonPage {
  @Field(() => Int) totalCount: number;
  @Field(() => [Person]) items: Person[];
}

@ArgsType()
class AdminPersonsArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'La recherche comporte au plus 200 caractères.' })
  text?: string | null;

  @Field(() => [PersonStatus], { nullable: true, description: 'Only these statuses (default: every status).' })
  @IsOptional()
  @ArrayMaxSize(2, { message: 'Au plus deux statuts.' })
  status?: PersonStatus[] | null;

  @Field(() => AdminPersonSortField, { nullable: true, description: 'Default: NAME.' })
  sort?: AdminPersonSortField | null;

  @Field(() => Boolean, { nullable: true })
  descending?: boolean | null;

  @Field(() => Int, { defaultValue: 0, description: 'Page index, from 0.' })
  @Min(0, { message: 'Le numéro de page commence à 0.' })
  page: number;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1, { message: 'Une page compte entre 1 et 100 personnes.' })
  @Max(100, { message: 'Une page compte entre 1 et 100 personnes.' })
  pageSize: number;
}

@Resolver(() => Person)
export class PersonGdprResolver {
  @Roles(Role.ADMIN, Role.STEERING)
  @Query(() => AdminPersonPage, { description: 'Every person (personal fields visible to the mission).' })
  adminPersons(@Ctx() ctx: Context, @Args() args: AdminPersonsArgs) {
    return adminListPersons(ctx, { ...args, sort: args.sort as AdminPersonSort | null });
  }

  @Roles(Role.ADMIN)
  @Query(() => String, { description: 'RGPD: everything held about a person, as JSON (the export is audited).' })
  personData(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return exportPersonData(ctx, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Person, { description: 'RGPD: erases the personal fields; links and counts stay.' })
  erasePerson(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return erasePerson(ctx, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Consent)
  recordConsent(
    @Ctx() ctx: Context,
    @Arg('personId', () => ID) personId: string,
    @Arg('scope') scope: string,
    @Arg('version') version: string,
  ) {
    return recordConsent(ctx, personId, scope, version);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Consent)
  withdrawConsent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return withdrawConsent(ctx, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Int, { description: 'Runs the retention job now; returns how many persons were anonymised.' })
  runRetention(@Ctx() ctx: Context) {
    return runRetentionNow(ctx);
  }

  @FieldResolver(() => [Consent], { nullable: true, description: 'Consents (mission and steering committee only).' })
  consents(@Root() p: Person, @Ctx() ctx: Context) {
    return hasRole(ctx.viewer, Role.ADMIN, Role.STEERING) ? ctx.loaders.person.consents.load(p.id) : null;
  }
}
