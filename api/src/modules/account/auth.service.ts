import type { Context } from '../../common/context';
import { enqueueMail } from '../../common/mail/mailer';
import { hitRateLimits, positiveInt, RATE_LIMITS } from '../../common/rate-limit/rate-limit';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { accountErrors } from './account.errors';
import { passwordProblem, hashPassword, verifyPassword } from './password';
import { PASSWORD_RESET_MAIL } from './account-mails';
import { createSession, deleteSession, deleteSessionsOf, sha256 } from './session.service';

/** Limits, all counted in PostgreSQL (shared by every API replica). */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  /** Failures of one e-mail (existing account or not) in the window; a success starts the count again. */
  failuresPerAccount: positiveInt('ESSOR_LOGIN_MAX_FAILURES_PER_ACCOUNT', 5),
  /** Failures from one client address in the window, whatever the e-mails (a success does not reset it). */
  failuresPerIp: positiveInt('ESSOR_LOGIN_MAX_FAILURES_PER_IP', 30),
  lockAfterFailures: 10,
  lockMinutes: 30,
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Reserves one login attempt for the e-mail and the client address, or refuses it (null) when one of
 * them has no failure left in its budget. The count and the decision are one atomic step: the
 * transaction first takes a lock per e-mail and per address (advisory, released at commit), then, in
 * a statement whose snapshot sees every attempt committed before the lock was granted, counts the
 * failures and records the new attempt as a failure. It becomes a success only once the password
 * matched, so parallel guesses cannot all see the same count: at most `failuresPerAccount` of them
 * reach the password check. Counted in `login_attempt`, shared by every replica; a null address
 * (no HTTP exchange) is counted per e-mail only.
 */
async function reserveLoginAttempt(ctx: Context, email: string, ip: string | null): Promise<string | null> {
  // READ COMMITTED whatever the server's default: the counting statement must take its own snapshot,
  // after the locks were granted.
  return ctx.ds.transaction('READ COMMITTED', async (m) => {
    // Always the e-mail's lock first, then the address's: two logins cannot wait for each other.
    await queryRows(
      m,
      sql`SELECT pg_advisory_xact_lock(hashtext('essor-login:email'), hashtext(${email})),
              pg_advisory_xact_lock(hashtext('essor-login:ip'), hashtext(${ip}::inet::text))`,
    );
    const row = (await queryRow(
      m,
      sql<{ attempt_id: string | null }>`WITH recent AS (
         SELECT id, email, ip, succeeded FROM login_attempt
         WHERE (email = ${email} OR ip = ${ip}::inet) AND at > now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})
       ), counts AS (
         SELECT
           count(*) FILTER (WHERE email = ${email} AND NOT succeeded AND id > coalesce(
             (SELECT max(id) FROM recent WHERE email = ${email} AND succeeded), 0))::int AS by_email,
           count(*) FILTER (WHERE ip = ${ip}::inet AND NOT succeeded)::int AS by_ip
         FROM recent
       ), reserved AS (
         INSERT INTO login_attempt (email, ip, succeeded)
         SELECT ${email}, ${ip}::inet, false FROM counts
         WHERE by_email < ${LOGIN_LIMITS.failuresPerAccount} AND by_ip < ${LOGIN_LIMITS.failuresPerIp}
         RETURNING id
       )
       SELECT (SELECT id::text FROM reserved) AS attempt_id`,
    ))!;
    return row.attempt_id;
  });
}

/**
 * Logs in with e-mail and password. The answer never says whether the account exists:
 * unknown e-mail, wrong password, locked or disabled account all get the same message
 * (and the same argon2 cost). Too many failures per e-mail or per IP: RATE_LIMITED, decided
 * atomically before the password is checked (see `reserveLoginAttempt`).
 */
export async function login(ctx: Context, emailInput: string, password: string): Promise<string> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  const attemptId = await reserveLoginAttempt(ctx, email, ctx.http.ip);
  if (!attemptId) {
    throw accountErrors.tooManyLogins({ minutes: LOGIN_LIMITS.windowMinutes });
  }
  const account = await queryRow(
    ctx.ds,
    sql<{ id: string; password_hash: string; disabled: boolean; locked: boolean }>`SELECT id::text, password_hash, disabled,
       coalesce(locked_until > now(), false) AS locked FROM account WHERE email = ${email}`,
  );
  const passwordOk = await verifyPassword(account?.password_hash ?? null, password);
  const ok = !!account && passwordOk && !account.disabled && !account.locked;
  if (!ok) {
    // The reserved attempt stays a failure.
    if (account && !passwordOk) {
      await queryRows(
        ctx.ds,
        sql`UPDATE account SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= ${LOGIN_LIMITS.lockAfterFailures}
             THEN now() + make_interval(mins => ${LOGIN_LIMITS.lockMinutes}) ELSE locked_until END
         WHERE id = ${account.id}`,
      );
    }
    throw accountErrors.invalidCredentials();
  }
  // A success: the attempt is recorded as one (the e-mail's failures before it no longer count).
  await queryRows(
    ctx.ds,
    sql`WITH attempt AS (UPDATE login_attempt SET succeeded = true WHERE id = ${attemptId})
     UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = ${account.id}`,
  );
  const { token, expires } = await createSession(ctx.ds, account.id, ctx.http);
  ctx.http.setSessionCookie(token, expires);
  return account.id;
}

export async function logout(ctx: Context): Promise<boolean> {
  await deleteSession(ctx.ds, ctx.http.sessionToken ?? undefined);
  ctx.http.clearSessionCookie();
  return true;
}

/**
 * « Mot de passe oublié » (public): always answers true; mails a single-use, expiring link only if
 * the account exists. Rate-limited per e-mail and per IP before anything else, for existing and
 * unknown e-mails alike (RATE_LIMITED never tells whether an account exists).
 */
export async function requestPasswordReset(ctx: Context, emailInput: string, resetUrlBase: string): Promise<boolean> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  await hitRateLimits(ctx, 'demandes de réinitialisation du mot de passe', [
    [RATE_LIMITS.passwordResetPerEmail, email],
    [RATE_LIMITS.passwordResetPerIp, ctx.http.ip],
  ]);
  return sendPasswordResetLink(ctx, email, resetUrlBase);
}

/**
 * Queues a password reset mail if the account exists. The single-use, expiring link is created
 * when the mail is sent (account-mails.ts): nothing secret waits in the outbox.
 */
export async function sendPasswordResetLink(ctx: Context, emailInput: string, resetUrlBase: string): Promise<boolean> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  const account = await queryRow(
    ctx.ds,
    sql<{ id: string }>`SELECT id::text FROM account WHERE email = ${email} AND NOT disabled`,
  );
  if (!account) return true;
  await enqueueMail(ctx.ds, PASSWORD_RESET_MAIL, email, { accountId: account.id, url: resetUrlBase });
  return true;
}

/** Consumes a reset token (single use, not expired), sets the password and ends every session. */
export async function resetPassword(ctx: Context, token: string, password: string): Promise<boolean> {
  const problem = passwordProblem(password);
  if (problem) throw accountErrors.weakPassword({ problem }, { field: 'password' });
  const passwordHash = await hashPassword(password);
  const accountId = await ctx.ds.transaction(async (m) => {
    const row = await queryRow(
      m,
      sql<{ account_id: string }>`UPDATE password_reset SET used_at = now()
       WHERE token_hash = ${sha256(token.slice(0, 100))} AND used_at IS NULL AND expires_at > now() RETURNING account_id::text`,
    );
    if (!row) return null;
    await queryRows(
      m,
      sql`UPDATE account SET password_hash = ${passwordHash}, failed_logins = 0, locked_until = NULL, updated_at = now(),
         version = version + 1 WHERE id = ${row.account_id}`,
    );
    await queryRows(
      m,
      sql`INSERT INTO audit_log (account_id, actor, action, entity_type, entity_id, after, request_id)
       VALUES (${row.account_id}::bigint, 'password-reset', 'PASSWORD_RESET', 'Account', ${row.account_id}::text, '{}'::jsonb,
               ${ctx.requestId})`,
    );
    return row.account_id;
  });
  if (!accountId) throw accountErrors.invalidResetToken({ field: 'token' });
  await deleteSessionsOf(ctx.ds, accountId);
  return true;
}
