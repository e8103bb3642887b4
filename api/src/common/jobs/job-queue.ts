import type { DataSource, EntityManager } from 'typeorm';
import { queryRow, sql } from '../sql/sql';

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
  const row = await queryRow(
    m,
    sql<{ id: string }>`SELECT (graphile_worker.add_job(${name}, ${JSON.stringify(payload)}::json,
      queue_name => ${opts.queueName ?? null}, max_attempts => ${opts.maxAttempts ?? null}, job_key => ${opts.jobKey ?? null})).id::text AS id`,
  );
  return row!.id;
}
