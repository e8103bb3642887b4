import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsEmail, Length, MaxLength } from 'class-validator';
import { Public, Roles } from '../../common/auth/access';
import { Role } from '../../common/auth/roles';
import type { Context } from '../../common/context';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { Sector } from '../sector/sector.entity';
import { Structure } from '../structure/structure.entity';
import { Account } from './account.entity';
import { CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { ADMIN_RESET_URL, createAccount, findAccount, listAccounts, updateAccount } from './account.service';
import { login, logout, requestPasswordReset, resetPassword } from './auth.service';

export const AccountConnection = ConnectionType(Account, 'Account');

@ArgsType()
class LoginArgs {
  @Field()
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide." })
  @MaxLength(320)
  email: string;

  @Field()
  @Length(1, 200, { message: 'Saisissez votre mot de passe.' })
  password: string;
}

@Resolver(() => Account)
export class AccountResolver {
  @Public()
  @Query(() => Account, { nullable: true, description: 'The logged-in account, or null.' })
  viewer(@Ctx() ctx: Context) {
    return ctx.viewer ? findAccount(ctx, ctx.viewer.accountId) : null;
  }

  @Public()
  @Mutation(() => Account, { description: 'Logs in; sets an httpOnly session cookie.' })
  async login(@Ctx() ctx: Context, @Args() { email, password }: LoginArgs) {
    return findAccount(ctx, await login(ctx, email, password));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of the cookie.' })
  logout(@Ctx() ctx: Context) {
    return logout(ctx);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Always true; mails a single-use link if the account exists.' })
  requestPasswordReset(@Ctx() ctx: Context, @Arg('email') email: string) {
    return requestPasswordReset(ctx, email, ADMIN_RESET_URL);
  }

  @Public()
  @Mutation(() => Boolean)
  resetPassword(@Ctx() ctx: Context, @Arg('token') token: string, @Arg('password') password: string) {
    return resetPassword(ctx, token, password);
  }

  @Roles(Role.ADMIN)
  @Query(() => AccountConnection)
  accounts(@Ctx() ctx: Context, @Args() args: PageArgs) {
    return listAccounts(ctx, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Account)
  createAccount(@Ctx() ctx: Context, @Arg('input') input: CreateAccountInput) {
    return createAccount(ctx, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Account)
  updateAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateAccountInput,
  ) {
    return updateAccount(ctx, id, version, input);
  }

  @FieldResolver(() => [Structure], { description: 'Structures this account may edit (structure editors).' })
  structures(@Root() a: Account, @Ctx() ctx: Context) {
    return ctx.loaders.account.structures.load(a.id);
  }

  @FieldResolver(() => [Sector], { description: 'Sectors this account animates (facilitators).' })
  sectors(@Root() a: Account, @Ctx() ctx: Context) {
    return ctx.loaders.account.sectors.load(a.id);
  }
}
