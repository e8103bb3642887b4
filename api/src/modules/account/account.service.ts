import type { EntityManager } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import { updateVersioned, lockRow, type EditSpec, type LinkedValues } from '../../common/db/editing';
import { typedTransaction } from '../../common/db/sql-errors';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { rowIdOf } from '../../common/relay/global-id';
import { Account } from './account.entity';
import { accountErrors } from './account.errors';
import { enqueueMail } from '../../common/mail/mailer';
import { INVITATION_MAIL } from './account-mails';
import { normaliseEmail } from './auth.service';
import { hashPassword, passwordProblem } from './password';
import { newToken, deleteSessionsOf } from './session.service';

const SPEC: EditSpec<Account> = { entity: Account, table: 'account', entityType: 'Account' };
export const ADMIN_RESET_URL = process.env.ESSOR_PUBLIC_URL
  ? `${process.env.ESSOR_PUBLIC_URL.replace(/\/$/, '')}/admin/mot-de-passe`
  : 'http://localhost:4000/admin/mot-de-passe';

export function listAccounts(ctx: Context, args: { first?: number | null; after?: string | null }) {
  return idPage(ctx.ds, Account, { table: 'account', first: args.first, after: args.after });
}

/** The scopes of an account: row ids of its structures and of its sectors. */
interface Scopes {
  structures: string[];
  sectors: string[];
}

async function resolveScopes(m: EntityManager, structureIds?: string[] | null, sectorSlugs?: string[] | null) {
  const structures = (structureIds ?? []).map((id) => rowIdOf(id, 'Structure'));
  const found = (await queryRow(
    m,
    sql<Scopes>`SELECT ARRAY(SELECT id::text FROM structure WHERE id = ANY(${structures}::bigint[])) AS structures,
            ARRAY(SELECT id::text FROM sector WHERE slug = ANY(${sectorSlugs ?? []}::text[])) AS sectors`,
  ))!;
  if (found.structures.length !== new Set(structures).size) throw accountErrors.unknownStructure({ field: 'structureIds' });
  if (found.sectors.length !== new Set(sectorSlugs ?? []).size) throw accountErrors.unknownSector({ field: 'sectorSlugs' });
  return found;
}

async function setScopes(m: EntityManager, accountId: string, scopes: Scopes) {
  await queryRows(m, sql`DELETE FROM account_structure WHERE account_id = ${accountId}`);
  await queryRows(m, sql`DELETE FROM account_sector WHERE account_id = ${accountId}`);
  await queryRows(
    m,
    sql`INSERT INTO account_structure (account_id, structure_id) SELECT ${accountId}, unnest(${scopes.structures}::bigint[])`,
  );
  await queryRows(
    m,
    sql`INSERT INTO account_sector (account_id, sector_id) SELECT ${accountId}, unnest(${scopes.sectors}::bigint[])`,
  );
}

const byNumber = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

/**
 * The scopes of an account (structures and sectors, as row ids), edited with the account: under
 * its version, in its audit entry (`structureIds`, `sectorIds`, as in the CREATE entry). Only the
 * lists submitted count; undefined when neither is.
 */
async function scopeEdit(m: EntityManager, accountId: string, data: UpdateAccountData): Promise<LinkedValues | undefined> {
  if (!data.structureIds && !data.sectorSlugs) return undefined;
  const row = (await queryRow(
    m,
    sql<Scopes>`SELECT ARRAY(SELECT structure_id::text FROM account_structure WHERE account_id = ${accountId}) AS structures,
            ARRAY(SELECT sector_id::text FROM account_sector WHERE account_id = ${accountId}) AS sectors`,
  ))!;
  const current = { structureIds: byNumber(row.structures), sectorIds: byNumber(row.sectors) };
  const scopes = await resolveScopes(m, data.structureIds, data.sectorSlugs);
  const submitted = {
    structureIds: data.structureIds ? byNumber(scopes.structures) : undefined,
    sectorIds: data.sectorSlugs ? byNumber(scopes.sectors) : undefined,
  };
  return {
    current,
    submitted,
    write: () =>
      setScopes(m, accountId, {
        structures: submitted.structureIds ?? current.structureIds,
        sectors: submitted.sectorIds ?? current.sectorIds,
      }),
  };
}

export interface CreateAccountData {
  email: string;
  displayName: string;
  password?: string | null;
  roles: Account['roles'];
  structureIds?: string[] | null;
  sectorSlugs?: string[] | null;
}

/** Creates an account; without a password, the person gets an invitation to choose one (queued in the same transaction). */
export async function createAccount(ctx: Context, data: CreateAccountData): Promise<Account> {
  const email = normaliseEmail(data.email);
  if (data.password) {
    const problem = passwordProblem(data.password);
    if (problem) throw accountErrors.weakPassword({ problem }, { field: 'password' });
  }
  const passwordHash = await hashPassword(data.password || newToken());
  // Two identical creations at once both pass this check: the unique index refuses one (EMAIL_TAKEN).
  const account = await typedTransaction(ctx.ds, async (m) => {
    const exists = await queryRow(m, sql`SELECT 1 FROM account WHERE email = ${email}`);
    if (exists) throw accountErrors.emailTaken({ field: 'email' });
    const scopes = await resolveScopes(m, data.structureIds, data.sectorSlugs);
    const row = (await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO account (email, display_name, password_hash, roles)
       VALUES (${email}, ${data.displayName.trim()}, ${passwordHash}, ${[...new Set(data.roles)]}::text[]) RETURNING id::text`,
    ))!;
    await setScopes(m, row.id, scopes);
    // The invitation is queued with the account (its link is created when the mail is sent).
    if (!data.password) await enqueueMail(m, INVITATION_MAIL, email, { accountId: row.id, url: ADMIN_RESET_URL });
    await audit(m, ctx, {
      action: 'CREATE',
      entityType: 'Account',
      entityId: row.id,
      after: {
        email,
        displayName: data.displayName.trim(),
        roles: data.roles,
        structureIds: scopes.structures,
        sectorIds: scopes.sectors,
      },
    });
    return lockRow(m, SPEC, row.id);
  });
  return account;
}

export interface UpdateAccountData {
  displayName?: string | null;
  roles?: Account['roles'] | null;
  disabled?: boolean | null;
  unlock?: boolean | null;
  structureIds?: string[] | null;
  sectorSlugs?: string[] | null;
}

export async function updateAccount(ctx: Context, id: string, version: number, data: UpdateAccountData): Promise<Account> {
  const rowId = rowIdOf(id, 'Account');
  if (rowId === ctx.viewer?.accountId && (data.disabled || (data.roles && !data.roles.includes('ADMIN' as never)))) {
    throw accountErrors.ownAdminRights({ field: 'roles' });
  }
  const account = await ctx.ds.transaction(async (m) => {
    const current = await lockRow(m, SPEC, rowId);
    return updateVersioned(
      ctx,
      m,
      SPEC,
      current,
      version,
      {
        displayName: data.displayName?.trim() ?? undefined,
        roles: data.roles ? [...new Set(data.roles)] : undefined,
        disabled: data.disabled ?? undefined,
        failedLogins: data.unlock ? 0 : undefined,
        lockedUntil: data.unlock ? null : undefined,
      },
      'UPDATE',
      await scopeEdit(m, rowId, data),
    );
  });
  if (data.disabled) await deleteSessionsOf(ctx.ds, rowId);
  return account;
}

export function findAccount(ctx: Context, id: string): Promise<Account | null> {
  return ctx.loaders.account.byId.load(id);
}
