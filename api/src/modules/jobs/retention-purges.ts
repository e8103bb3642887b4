import type { DataSource } from 'typeorm';
import type { JobResult } from '../../common/jobs/job-runs';
import { retentionLimitsFromEnv, type RetentionLimits } from './jobs.config';

/**
 * The purges of the retention job `purge-expired`: each deletes, in one statement, the rows past
 * their retention and says how many went. Personal data in the audit trail is not touched (it
 * stays redacted as the audit writes it: the trail is append-only).
 */

const deleted = async (ds: DataSource, sql: string, params: unknown[]): Promise<number> => {
  const [row]: Array<{ n: number }> = await ds.query(
    `WITH gone AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    params,
  );
  return row.n;
};

/** Sessions expired more than `days` ago (their IP and user agent go with them). */
export const purgeExpiredSessions = (ds: DataSource, days: number) =>
  deleted(ds, `DELETE FROM session WHERE expires_at < now() - make_interval(days => $1)`, [days]);

/** Login attempts older than the limits' window plus `hours` (they no longer count for any limit). */
export const purgeLoginAttempts = (ds: DataSource, windowMinutes: number, hours: number) =>
  deleted(ds, `DELETE FROM login_attempt WHERE at < now() - make_interval(mins => $1) - make_interval(hours => $2)`, [
    windowMinutes,
    hours,
  ]);

/** Reset tokens used, or expired, more than `days` ago. */
export const purgePasswordResets = (ds: DataSource, days: number) =>
  deleted(
    ds,
    // least() skips NULLs: the use, else the expiry, whichever came first.
    `DELETE FROM password_reset WHERE least(used_at, expires_at) < now() - make_interval(days => $1)`,
    [days],
  );

/** Sent and failed mail (recipient, rendered message) that left more than `days` ago; queued mail stays. */
export const purgeFinishedMail = (ds: DataSource, days: number) =>
  deleted(
    ds,
    `DELETE FROM mail_outbox WHERE status <> 'queued' AND coalesce(sent_at, created_at) < now() - make_interval(days => $1)`,
    [days],
  );

/** Lines of the job run history older than `days`. */
export const purgeJobRuns = (ds: DataSource, days: number) =>
  deleted(ds, `DELETE FROM job_run WHERE started_at < now() - make_interval(days => $1)`, [days]);

/** Rate limit counters whose window is over (keys never hit again would stay forever). */
export const purgeRateLimitCounters = (ds: DataSource) =>
  deleted(ds, `DELETE FROM rate_limit_counter WHERE window_end < now()`, []);

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
