import type { DataSource } from 'typeorm';
import { queryRow, sql, type Sql } from '../../common/sql/sql';
import type { JobResult } from '../../common/jobs/job-runs';
import { retentionLimitsFromEnv, type RetentionLimits } from './jobs.config';

/**
 * The purges of the retention job `purge-expired`: each deletes, in one statement, the rows past
 * their retention and says how many went. Personal data in the audit trail is not touched (it
 * stays redacted as the audit writes it: the trail is append-only).
 */

const deleted = async (ds: DataSource, statement: Sql): Promise<number> =>
  (await queryRow(ds, sql<{ n: number }>`WITH gone AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM gone`))!.n;

/** Sessions expired more than `days` ago (their IP and user agent go with them). */
export const purgeExpiredSessions = (ds: DataSource, days: number) =>
  deleted(ds, sql`DELETE FROM session WHERE expires_at < now() - make_interval(days => ${days})`);

/** Login attempts older than the limits' window plus `hours` (they no longer count for any limit). */
export const purgeLoginAttempts = (ds: DataSource, windowMinutes: number, hours: number) =>
  deleted(
    ds,
    sql`DELETE FROM login_attempt WHERE at < now() - make_interval(mins => ${windowMinutes}) - make_interval(hours => ${hours})`,
  );

/** Reset tokens used, or expired, more than `days` ago. */
export const purgePasswordResets = (ds: DataSource, days: number) =>
  deleted(
    ds,
    // least() skips NULLs: the use, else the expiry, whichever came first.
    sql`DELETE FROM password_reset WHERE least(used_at, expires_at) < now() - make_interval(days => ${days})`,
  );

/** Sent and failed mail (recipient, rendered message) that left more than `days` ago; queued mail stays. */
export const purgeFinishedMail = (ds: DataSource, days: number) =>
  deleted(
    ds,
    sql`DELETE FROM mail_outbox WHERE status <> 'queued' AND coalesce(sent_at, created_at) < now() - make_interval(days => ${days})`,
  );

/** Lines of the job run history older than `days`. */
export const purgeJobRuns = (ds: DataSource, days: number) =>
  deleted(ds, sql`DELETE FROM job_run WHERE started_at < now() - make_interval(days => ${days})`);

/** Rate limit counters whose window is over (keys never hit again would stay forever). */
export const purgeRateLimitCounters = (ds: DataSource) =>
  deleted(ds, sql`DELETE FROM rate_limit_counter WHERE window_end < now()`);

/** Every purge, with the configured limits: the job's result (how many rows each deleted). */
export async function purgeExpired(ds: DataSource, limits: RetentionLimits = retentionLimitsFromEnv()): Promise<JobResult> {
  return {
    sessions: await purgeExpiredSessions(ds, limits.sessionDays),
    loginAttempts: await purgeLoginAttempts(ds, limits.loginWindowMinutes, limits.loginAttemptHours),
    passwordResets: await purgePasswordResets(ds, limits.passwordResetDays),
    mails: await purgeFinishedMail(ds, limits.mailDays),
    jobRuns: await purgeJobRuns(ds, limits.jobRunDays),
    rateLimitCounters: await purgeRateLimitCounters(ds),
  };
}
