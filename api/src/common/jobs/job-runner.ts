import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  Logger,
  makeWorkerUtils,
  parseCronItems,
  run,
  runMigrations,
  type CronItem,
  type JobHelpers,
  type Runner,
  type Task,
  type TaskList,
  type WorkerUtils,
} from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { loggedError } from '../log/log-safe';
import { logger } from '../log/logger';
import { metrics } from '../metrics/metrics';
import { jobErrorMessage } from './job-error';
import { recordJobRun, type JobResult, type JobTrigger } from './job-runs';

/**
 * The one job queue of the API: graphile-worker on the application's PostgreSQL (schema
 * `graphile_worker`). Jobs are rows, locked by one worker at a time (SKIP LOCKED), so a job
 * enqueued once runs once whatever the number of replicas; cron schedules are recorded in the
 * database too (one execution per tick across replicas). The process keeps no job state.
 *
 * This file is generic: the composition root (main.ts, through modules/jobs) passes the job list.
 */

/** What a job's code receives. */
export interface JobContext {
  ds: DataSource;
  /** The job's payload (never personal data: ids and flags). */
  payload: Record<string, unknown>;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  trigger: JobTrigger;
  jobId: string;
  /** Aborted when the runner shuts down. */
  signal: AbortSignal;
  /** graphile-worker's utilities (cleanup of its own tables). */
  workerUtils: WorkerUtils;
}

export interface JobSchedule {
  /** Cron expression (UTC), graphile-worker's crontab syntax. */
  cron: string;
  /** For the admin page, in French: « toutes les 6 heures ». */
  label: string;
  /** Ticks missed while no worker ran, within this period, are scheduled at start. */
  backfillMinutes?: number;
  /**
   * Default true: a tick still waiting in the queue (backfilled ticks, a worker busy) is replaced
   * by the next one, so the job runs once to catch up. False: every tick runs.
   */
  coalesce?: boolean;
}

export interface JobDefinition {
  /** graphile-worker's task identifier (kebab-case), also the name in the run history. */
  name: string;
  /** For the admin page, in French. */
  label: string;
  schedule?: JobSchedule;
  /** May an admin start it (« Lancer maintenant »)? Only jobs without a payload. */
  manual?: boolean;
  /** Attempts of a scheduled or manual run (graphile-worker's exponential backoff in between). */
  maxAttempts?: number;
  run(ctx: JobContext): Promise<JobResult | void>;
}

/** Attempts of scheduled and manual runs when a definition says nothing. */
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface JobRunnerOptions {
  /** false (ESSOR_JOBS=0): this replica runs no worker and no cron; it still enqueues. */
  enabled: boolean;
  /** Jobs run at the same time by this replica (ESSOR_JOB_CONCURRENCY). */
  concurrency: number;
  /** How often workers look for jobs due later (retries); new jobs arrive by LISTEN/NOTIFY. */
  pollIntervalMs?: number;
}

const positive = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer (got "${value}").`);
  return n;
};

export function jobRunnerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): JobRunnerOptions {
  const jobs = env.ESSOR_JOBS ?? '1';
  if (jobs !== '0' && jobs !== '1') throw new Error(`ESSOR_JOBS must be 1 (run the jobs) or 0 (enqueue only), got "${jobs}".`);
  return { enabled: jobs === '1', concurrency: positive('ESSOR_JOB_CONCURRENCY', env.ESSOR_JOB_CONCURRENCY, 2) };
}

export interface JobRunner {
  /** Whether this replica runs a worker. */
  readonly running: boolean;
  /** Lets running jobs finish (graphile-worker's graceful shutdown), then closes the pool. */
  stop(): Promise<void>;
}

/** The connection of the data source, for the queue's own small pool. */
function connectionOf(ds: DataSource): string {
  const url = (ds.options as { url?: string }).url;
  if (!url) throw new Error('The job queue needs a data source configured by URL.');
  return url;
}

/** graphile-worker's messages, as JSON lines of the API's logger (task errors are sanitised before they get here). */
const workerLogger = new Logger((scope) => (level, message, meta) => {
  const fields = { source: 'graphile-worker', task: scope.taskIdentifier, jobId: scope.jobId };
  // A failed attempt that will be retried is a warning; the last one an error.
  const job = (meta as { failure?: boolean; job?: { attempts: number; max_attempts: number } } | undefined)?.job;
  const retried = (meta as { failure?: boolean } | undefined)?.failure && job && job.attempts < job.max_attempts;
  if (level === 'error' && !retried) logger.error(fields, message);
  else if (level === 'error') logger.warn(fields, message);
  else if (level === 'warning') logger.warn(fields, message);
  else if (level === 'info') logger.info(fields, message);
  else logger.debug(fields, message);
});

/** A small pool of the queue's own, with the error handlers graphile-worker asks for. */
function queuePool(ds: DataSource, max: number): Pool {
  const pool = new Pool({ connectionString: connectionOf(ds), max, application_name: 'essor-jobs' });
  // pg removes a broken client itself; without these handlers its error would crash the process.
  pool.on('error', (err) => logger.warn({ err }, 'jobs: an idle connection of the queue failed'));
  pool.on('connect', (client) => client.on('error', (err) => logger.warn({ err }, 'jobs: a connection of the queue failed')));
  return pool;
}

/**
 * Installs or upgrades graphile-worker's schema (its own migrations, run before the API's
 * bootstrap goes on; safe when replicas start together).
 */
export async function installJobQueue(ds: DataSource): Promise<void> {
  const pgPool = queuePool(ds, 2);
  try {
    await runMigrations({ pgPool, logger: workerLogger });
  } finally {
    await pgPool.end();
  }
}

/** Cleanup on the way out: its failure must not hide the error being reported. */
const quietly = async (f: () => unknown) => {
  try {
    await f();
  } catch {
    /* already stopping */
  }
};

const triggerOf = (payload: Record<string, unknown>): JobTrigger =>
  '_cron' in payload ? 'schedule' : payload.manual === true ? 'manual' : 'event';

/** An error whose message was sanitised: what graphile-worker stores in its table and logs. */
class JobFailedError extends Error {
  override name = 'JobFailedError';
}

/** Wraps a definition: runs it, records the run (success, retry or failure), rethrows a sanitised error. */
function taskOf(ds: DataSource, def: JobDefinition, workerUtils: WorkerUtils): Task {
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    const payload = rawPayload && typeof rawPayload === 'object' ? (rawPayload as Record<string, unknown>) : {};
    const { job } = helpers;
    const started = new Date();
    const t0 = performance.now();
    const run = {
      name: def.name,
      jobId: job.id,
      startedAt: started,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      trigger: triggerOf(payload),
    };
    const ms = () => Math.round(performance.now() - t0);
    let result: JobResult | void;
    try {
      result = await def.run({
        ds,
        payload,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        trigger: run.trigger,
        jobId: job.id,
        signal: helpers.abortSignal,
        workerUtils,
      });
    } catch (error) {
      metrics.jobRuns.inc({ task: def.name });
      metrics.jobFailures.inc({ task: def.name });
      const message = jobErrorMessage(error);
      await recordJobRun(ds, {
        ...run,
        durationMs: ms(),
        outcome: job.attempts >= job.max_attempts ? 'failure' : 'retry',
        error: message,
      }).catch((err: unknown) => logger.error({ err, task: def.name }, 'jobs: could not record a run'));
      const failure = new JobFailedError(message);
      // The original error's frames, under the sanitised message.
      const { stack } = loggedError(error);
      if (stack) failure.stack = stack.replace(/^[^\n]*/, `${failure.name}: ${message}`);
      throw failure;
    }
    metrics.jobRuns.inc({ task: def.name });
    // The job did its work: a failure to record it must not run it again.
    await recordJobRun(ds, { ...run, durationMs: ms(), outcome: 'success', result: result ?? null }).catch((err: unknown) =>
      logger.error({ err, task: def.name }, 'jobs: could not record a run'),
    );
  };
}

/** graphile-worker's cron items for the scheduled definitions: one queue per job, so runs never overlap. */
export function cronItemsOf(jobs: readonly JobDefinition[]): CronItem[] {
  return jobs
    .filter((j) => j.schedule)
    .map((j) => ({
      task: j.name,
      identifier: j.name,
      match: j.schedule!.cron,
      options: {
        backfillPeriod: (j.schedule!.backfillMinutes ?? 0) * 60_000,
        maxAttempts: j.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        queueName: j.name,
        // A tick still waiting (no worker free) is replaced by the next one, not doubled.
        ...(j.schedule!.coalesce === false ? {} : { jobKey: `schedule:${j.name}`, jobKeyMode: 'replace' as const }),
      },
    }));
}

/**
 * Starts this replica's worker and cron for `jobs` (unless `options.enabled` is false). Replicas
 * share the queue: each job runs once, on whichever worker takes it first.
 */
export async function startJobRunner(
  ds: DataSource,
  jobs: readonly JobDefinition[],
  options: JobRunnerOptions = jobRunnerOptionsFromEnv(),
): Promise<JobRunner> {
  if (!options.enabled) {
    logger.info('jobs: this replica runs no worker (ESSOR_JOBS=0); jobs it enqueues run on the others');
    return { running: false, stop: async () => {} };
  }
  const names = new Set<string>();
  for (const j of jobs) {
    if (names.has(j.name)) throw new Error(`Two jobs are named ${j.name}.`);
    names.add(j.name);
  }
  // A pool of its own: the LISTEN connection and the workers' locks never wait behind requests.
  const pgPool = queuePool(ds, options.concurrency + 2);
  let workerUtils: WorkerUtils | undefined;
  let runner: Runner;
  try {
    workerUtils = await makeWorkerUtils({ pgPool, logger: workerLogger });
    const taskList: TaskList = Object.fromEntries(jobs.map((j) => [j.name, taskOf(ds, j, workerUtils!)]));
    runner = await run({
      pgPool,
      logger: workerLogger,
      taskList,
      parsedCronItems: parseCronItems(cronItemsOf(jobs)),
      concurrency: options.concurrency,
      pollInterval: options.pollIntervalMs ?? 2000,
      // main.ts handles SIGINT and SIGTERM, and calls stop().
      noHandleSignals: true,
    });
  } catch (e) {
    await quietly(() => workerUtils?.release());
    await pgPool.end().catch(() => {});
    throw e;
  }
  let stopped: Promise<void> | undefined;
  runner.promise.catch((err: unknown) => {
    if (!stopped) logger.error({ err }, 'jobs: the worker stopped on an error');
  });
  return {
    running: true,
    stop() {
      stopped ??= (async () => {
        await runner.stop().catch((err: unknown) => logger.warn({ err }, 'jobs: the worker did not stop cleanly'));
        await quietly(() => workerUtils!.release());
        await pgPool.end().catch(() => {});
      })();
      return stopped;
    },
  };
}
