import type { Context } from '../../common/context';
import { ErrorCode, UserInputError } from '../../common/errors';
import { updateReturning } from '../../common/db/rows';
import { enqueueMail } from '../../common/mail/mailer';
import { hitRateLimits, positiveInt, RATE_LIMITS } from '../../common/rate-limit/rate-limit';
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

const INVALID = 'Adresse e-mail ou mot de passe incorrect.';

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
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtext('essor-login:email'), hashtext($1)),
              pg_advisory_xact_lock(hashtext('essor-login:ip'), hashtext($2::inet::text))`,
      [email, ip],
    );
    const [row]: Array<{ attempt_id: string | null }> = await m.query(
      `WITH recent AS (
         SELECT id, email, ip, succeeded FROM login_attempt
         WHERE (email = $1 OR ip = $2::inet) AND at > now() - make_interval(mins => $3)
       ), counts AS (
         SELECT
           count(*) FILTER (WHERE email = $1 AND NOT succeeded AND id > coalesce(
             (SELECT max(id) FROM recent WHERE email = $1 AND succeeded), 0))::int AS by_email,
           count(*) FILTER (WHERE ip = $2::inet AND NOT succeeded)::int AS by_ip
         FROM recent
       ), reserved AS (
         INSERT INTO login_attempt (email, ip, succeeded)
         SELECT $1, $2::inet, false FROM counts WHERE by_email < $4 AND by_ip < $5
         RETURNING id
       )
       SELECT (SELECT id::text FROM reserved) AS attempt_id`,
      [email, ip, LOGIN_LIMITS.windowMinutes, LOGIN_LIMITS.failuresPerAccount, LOGIN_LIMITS.failuresPerIp],
    );
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
    throw new UserInputError(
      ErrorCode.RATE_LIMITED,
      `Trop de tentatives de connexion. Réessayez dans ${LOGIN_LIMITS.windowMinutes} minutes.`,
    );
  }
  const [account]: Array<{ id: string; password_hash: string; disabled: boolean; locked: boolean }> = await ctx.ds.query(
    `SELECT id::text, password_hash, disabled, coalesce(locked_until > now(), false) AS locked FROM account WHERE email = $1`,
    [email],
  );
  const passwordOk = await verifyPassword(account?.password_hash ?? null, password);
  const ok = !!account && passwordOk && !account.disabled && !account.locked;
  if (!ok) {
    // The reserved attempt stays a failure.
    if (account && !passwordOk) {
      await ctx.ds.query(
        `UPDATE account SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1`,
        [account.id, LOGIN_LIMITS.lockAfterFailures, LOGIN_LIMITS.lockMinutes],
      );
    }
    throw new UserInputError(ErrorCode.INVALID_CREDENTIALS, INVALID);
  }
  // A success: the attempt is recorded as one (the e-mail's failures before it no longer count).
  await ctx.ds.query(
    `WITH attempt AS (UPDATE login_attempt SET succeeded = true WHERE id = $2)
     UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`,
    [account.id, attemptId],
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
  const [account] = await ctx.ds.query(`SELECT id::text FROM account WHERE email = $1 AND NOT disabled`, [email]);
  if (!account) return true;
  await enqueueMail(ctx.ds, PASSWORD_RESET_MAIL, email, { accountId: account.id, url: resetUrlBase });
  return true;
}

/** Consumes a reset token (single use, not expired), sets the password and ends every session. */
export async function resetPassword(ctx: Context, token: string, password: string): Promise<boolean> {
  const problem = passwordProblem(password);
  if (problem) throw new UserInputError(ErrorCode.BAD_USER_INPUT, problem, { field: 'password' });
  const passwordHash = await hashPassword(password);
  const accountId = await ctx.ds.transaction(async (m) => {
    const [row] = await updateReturning(
      m,
      `UPDATE password_reset SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id::text`,
      [sha256(token.slice(0, 100))],
    );
    if (!row) return null;
    await m.query(
      `UPDATE account SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now(), version = version + 1 WHERE id = $1`,
      [row.account_id, passwordHash],
    );
    await m.query(
      `INSERT INTO audit_log (account_id, actor, action, entity_type, entity_id, after, request_id)
       VALUES ($1::bigint, 'password-reset', 'PASSWORD_RESET', 'Account', $1::text, '{}'::jsonb, $2)`,
      [row.account_id, ctx.requestId],
    );
    return String(row.account_id);
  });
  if (!accountId) {
    throw new UserInputError(ErrorCode.INVALID_TOKEN, 'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé.', {
      field: 'token',
    });
  }
  await deleteSessionsOf(ctx.ds, accountId);
  return true;
}
