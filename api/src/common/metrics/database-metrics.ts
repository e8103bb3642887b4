import type { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { readerPoolStats } from '../reads';

/** A scrape waits this long at most for the database: a stuck database must not stall Prometheus. */
const SCRAPE_SQL_TIMEOUT_MS = 2000;

/** A status or task name as a label: names of the code, anything else `other`. */
const labelValue = (v: unknown) => (typeof v === 'string' && /^[a-z][a-z0-9_:.-]{0,59}$/i.test(v) ? v : 'other');

/** `p`, or a rejection after `ms` (a probe or a scrape must answer even when the database hangs). */
export function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Metrics read from the data source when Prometheus scrapes (a registry per app, merged with the
 * process's at each scrape):
 * - `essor_db_pool_connections{pool, state}`: connections in use / idle, requests waiting, of TypeORM's
 *   pool (`main`) and of the loaders' reads (`reads`, common/reads/reader-pools.ts), and `essor_db_pool_max{pool}`;
 * - `essor_mail_outbox_messages{status}` when `mail_outbox` has a `status` column (the mail queue:
 *   `status="queued"` is its length, present even at 0); no series otherwise;
 * - `essor_job_queue_jobs{task, state}` from graphile-worker's `jobs` view when it exists: `waiting`,
 *   `running`, `failed` (attempts exhausted). These two read the database: they are the same on every
 *   replica (take the max across instances, not the sum).
 * A failing or slow database leaves those series out of the scrape; the scrape itself still answers.
 */
export function databaseRegistry(ds: DataSource): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'essor_db_pool_connections',
    help: 'PostgreSQL pool connections of this process, by pool (main, reads) and state (in_use, idle, waiting)',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const main = (ds.driver as { master?: Pool }).master;
      const pools = [
        ['main', main && { total: main.totalCount, idle: main.idleCount, waiting: main.waitingCount }],
        ['reads', readerPoolStats(ds)],
      ] as const;
      for (const [pool, s] of pools) {
        if (!s) continue;
        this.set({ pool, state: 'in_use' }, s.total - s.idle);
        this.set({ pool, state: 'idle' }, s.idle);
        this.set({ pool, state: 'waiting' }, s.waiting);
      }
    },
  });
  new Gauge({
    name: 'essor_db_pool_max',
    help: 'Largest number of connections of each PostgreSQL pool of this process',
    labelNames: ['pool'] as const,
    registers: [registry],
    collect() {
      const max = (ds.options as { extra?: { max?: number } }).extra?.max ?? 10;
      this.set({ pool: 'main' }, max);
      this.set({ pool: 'reads' }, readerPoolStats(ds)?.max ?? max);
    },
  });
  // The gauges below are collected in parallel (prom-client): they share one read of the database per scrape.
  let reading: Promise<QueueRows | null> | undefined;
  const read = () =>
    (reading ??= within(readQueues(ds), SCRAPE_SQL_TIMEOUT_MS)
      .catch(() => null)
      .finally(() => {
        reading = undefined;
      }));
  new Gauge({
    name: 'essor_mail_outbox_messages',
    help: 'Mail of mail_outbox by status (database-wide: the same on every replica)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = (await read())?.outbox;
      this.reset();
      if (!rows) return;
      // `queued` always, 0 when empty: the mail queue's length.
      this.set({ status: 'queued' }, 0);
      for (const r of rows) this.inc({ status: labelValue(r.status) }, r.n);
    },
  });
  new Gauge({
    name: 'essor_job_queue_jobs',
    help: "Jobs of graphile-worker's queue by task and state: waiting, running, failed (database-wide)",
    labelNames: ['task', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = (await read())?.jobs;
      this.reset();
      for (const r of rows ?? []) this.inc({ task: labelValue(r.task), state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'essor_metrics_database_up',
    help: 'Whether this scrape could read the database-wide metrics (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
  return registry;
}

interface QueueRows {
  outbox: Array<{ status: string; n: number }> | null;
  jobs: Array<{ task: string; state: string; n: number }> | null;
}

async function readQueues(ds: DataSource): Promise<QueueRows> {
  // Which of the queues exist (a column another migration adds, graphile-worker's schema).
  const [has]: Array<{ mail_status: boolean; worker_jobs: boolean }> = await ds.query(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'mail_outbox' AND column_name = 'status') AS mail_status,
            to_regclass('graphile_worker.jobs') IS NOT NULL AS worker_jobs`,
  );
  const [outbox, jobs] = await Promise.all([
    has.mail_status ? ds.query(`SELECT status::text AS status, count(*)::int AS n FROM mail_outbox GROUP BY 1`) : null,
    has.worker_jobs
      ? ds.query(
          `SELECT task_identifier AS task,
                  CASE WHEN attempts >= max_attempts THEN 'failed' WHEN locked_at IS NOT NULL THEN 'running' ELSE 'waiting' END AS state,
                  count(*)::int AS n
           FROM graphile_worker.jobs GROUP BY 1, 2`,
        )
      : null,
  ]);
  return { outbox, jobs };
}
