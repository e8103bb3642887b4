import type { JobSchedule } from '../../common/jobs/job-runner';
import { LOGIN_LIMITS } from '../account/auth.service';

/** A non-negative integer of the environment, else the fallback; anything else stops the start-up. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${raw}").`);
  return n;
}

/** How long what the purge job deletes is kept (README « Opérations »). */
export interface RetentionLimits {
  /** ESSOR_RETENTION_SESSION_DAYS: an expired session is deleted this many days after it expired. */
  sessionDays: number;
  /** ESSOR_RETENTION_LOGIN_ATTEMPT_HOURS: login attempts are kept the limits' window plus this margin. */
  loginAttemptHours: number;
  /** ESSOR_RETENTION_PASSWORD_RESET_DAYS: a used or expired reset token is deleted this many days later. */
  passwordResetDays: number;
  /** ESSOR_MAIL_RETENTION_DAYS: sent (and failed) mail is deleted this many days after it left. */
  mailDays: number;
  /** ESSOR_RETENTION_JOB_RUN_DAYS: lines of the job run history older than this are deleted. */
  jobRunDays: number;
  /** The login limits' window (auth.service.ts): never purged within it. */
  loginWindowMinutes: number;
}

export function retentionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionLimits {
  return {
    sessionDays: wholeNumber(env, 'ESSOR_RETENTION_SESSION_DAYS', 1),
    loginAttemptHours: wholeNumber(env, 'ESSOR_RETENTION_LOGIN_ATTEMPT_HOURS', 24),
    passwordResetDays: wholeNumber(env, 'ESSOR_RETENTION_PASSWORD_RESET_DAYS', 1),
    mailDays: wholeNumber(env, 'ESSOR_MAIL_RETENTION_DAYS', 30),
    jobRunDays: wholeNumber(env, 'ESSOR_RETENTION_JOB_RUN_DAYS', 30),
    loginWindowMinutes: LOGIN_LIMITS.windowMinutes,
  };
}

const MINUTE_STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12, 24];

/**
 * A period as a cron schedule (UTC) that repeats evenly: minutes dividing an hour (`*\/15 * * * *`),
 * or hours dividing a day, at minute `atMinute` (`10 *\/6 * * *`; 24 h: once a day at 00:MM UTC).
 */
export function cronEvery(minutes: number, atMinute = 0, variable = 'interval'): JobSchedule {
  if (MINUTE_STEPS.includes(minutes)) {
    return minutes === 1
      ? { cron: '* * * * *', label: 'toutes les minutes' }
      : { cron: `*/${minutes} * * * *`, label: `toutes les ${minutes} minutes` };
  }
  const hours = minutes / 60;
  if (HOUR_STEPS.includes(hours)) {
    const label = hours === 1 ? 'toutes les heures' : hours === 24 ? 'une fois par jour' : `toutes les ${hours} heures`;
    return { cron: `${atMinute} ${hours === 24 ? '0' : hours === 1 ? '*' : `*/${hours}`} * * *`, label };
  }
  throw new Error(
    `${variable}: ${minutes} minutes cannot repeat evenly; use minutes dividing an hour (${MINUTE_STEPS.join(', ')}) ` +
      `or hours dividing a day (${HOUR_STEPS.map((h) => h * 60).join(', ')} minutes).`,
  );
}

export interface JobSchedules {
  /** ESSOR_SNAPSHOT_INTERVAL_MINUTES (default 60): observatory snapshots. */
  snapshots: JobSchedule;
  /** ESSOR_RETENTION_INTERVAL_HOURS (default 6): anonymisation of persons past their retention. */
  retention: JobSchedule;
  /** Every hour: the purges (sessions, login attempts, reset tokens, mail, job runs). */
  purge: JobSchedule;
  /** Every 5 minutes: expired or outdated entries of the response cache. */
  responseCache: JobSchedule;
}

export function jobSchedulesFromEnv(env: NodeJS.ProcessEnv = process.env): JobSchedules {
  const snapshotMinutes = wholeNumber(env, 'ESSOR_SNAPSHOT_INTERVAL_MINUTES', 60);
  const retentionHours = wholeNumber(env, 'ESSOR_RETENTION_INTERVAL_HOURS', 6);
  if (!HOUR_STEPS.includes(retentionHours)) {
    throw new Error(`ESSOR_RETENTION_INTERVAL_HOURS must divide a day: ${HOUR_STEPS.join(', ')} (got "${retentionHours}").`);
  }
  const withBackfill = (s: JobSchedule, minutes: number): JobSchedule => ({ ...s, backfillMinutes: minutes });
  return {
    snapshots: withBackfill(cronEvery(snapshotMinutes, 0, 'ESSOR_SNAPSHOT_INTERVAL_MINUTES'), snapshotMinutes),
    retention: withBackfill(cronEvery(retentionHours * 60, 10, 'ESSOR_RETENTION_INTERVAL_HOURS'), retentionHours * 60),
    purge: withBackfill(cronEvery(60, 20), 60),
    // Cheap and frequent: a missed tick needs no catching up.
    responseCache: cronEvery(5),
  };
}
