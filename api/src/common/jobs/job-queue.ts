import type { DataSource, EntityManager } from 'typeorm';

export interface EnqueueOptions {
  maxAttempts?: number;
  /** Jobs of one queue run one at a time, across replicas (low cardinality: one per kind of job). */
  queueName?: string;
  /** A job with the same key still waiting is replaced (graphile-worker's job_key, mode `replace`). */
  jobKey?: string;
}

/**
 * Enqueues a job through graphile-worker's SQL function `add_job`, on the caller's connection:
 * in its transaction, the job exists only if the transaction commits (a mail is enqueued with the
 * row that causes it). Works on every replica, whether or not it runs a worker (ESSOR_JOBS=0).
 */
export async function enqueueJob(
  m: DataSource | EntityManager,
  name: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `SELECT (graphile_worker.add_job($1, $2::json, queue_name => $3, max_attempts => $4, job_key => $5)).id::text AS id`,
    [name, JSON.stringify(payload), opts.queueName ?? null, opts.maxAttempts ?? null, opts.jobKey ?? null],
  );
  return row.id;
}
