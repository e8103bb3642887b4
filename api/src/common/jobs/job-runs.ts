import type { DataSource } from 'typeorm';
import { queryRows, sql } from '../sql/sql';

export type JobOutcome = 'success' | 'failure' | 'retry';
/** Why a job ran: its schedule (cron), an admin's « Lancer maintenant », or an event (a mail to send). */
export type JobTrigger = 'schedule' | 'manual' | 'event';
/** Counts a job reports (rows purged, persons anonymised…): numbers only, never personal data. */
export type JobResult = Record<string, number>;

export interface JobRunRecord {
  name: string;
  jobId: string;
  startedAt: Date;
  durationMs: number;
  outcome: JobOutcome;
  /** Sanitised (job-error.ts). */
  error?: string | null;
  attempt: number;
  maxAttempts: number;
  trigger: JobTrigger;
  result?: JobResult | null;
}

/** One line of the run history (table job_run). */
export async function recordJobRun(ds: DataSource, r: JobRunRecord): Promise<void> {
  await queryRows(
    ds,
    sql`INSERT INTO job_run (job_name, job_id, started_at, duration_ms, outcome, error, attempt, max_attempts, trigger, result)
     VALUES (${r.name}, ${r.jobId}, ${r.startedAt}, ${r.durationMs}, ${r.outcome}, ${r.error ?? null}, ${r.attempt},
       ${r.maxAttempts}, ${r.trigger}, ${r.result ? JSON.stringify(r.result) : null})`,
  );
}
