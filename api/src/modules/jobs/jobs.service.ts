import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { DEFAULT_MAX_ATTEMPTS, type JobDefinition } from '../../common/jobs/job-runner';
import { enqueueJob } from '../../common/jobs/job-queue';
import { invalidCursor, decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { queryRow, queryRows, sql, whereOf, type Sql } from '../../common/sql/sql';
import { jobCatalog } from './essor-jobs';
import { jobsErrors } from './jobs.errors';
import type { BackgroundJob, JobRun } from './jobs.types';

interface JobRunRow {
  id: string;
  name: string;
  startedAt: Date;
  durationMs: number;
  outcome: JobRun['outcome'];
  error: string | null;
  attempt: number;
  maxAttempts: number;
  trigger: JobRun['trigger'];
  result: Record<string, number> | null;
}

const RUN_COLUMNS = sql.raw(`id::text, job_name AS name, started_at AS "startedAt", duration_ms AS "durationMs", outcome, error,
  attempt, max_attempts AS "maxAttempts", trigger, result`);

const toRun = (r: JobRunRow): JobRun => ({
  ...r,
  counts: Object.entries(r.result ?? {}).map(([name, value]) => ({ name, value: Number(value) })),
});

function definitionOf(name: string, catalog: readonly JobDefinition[] = jobCatalog()): JobDefinition {
  const def = catalog.find((j) => j.name === name);
  if (!def) {
    throw jobsErrors.unknownJob({ name }, { field: 'name', known: catalog.map((j) => j.name) });
  }
  return def;
}

/** The platform's jobs with their last run and what waits in the queue (two statements). */
export async function listJobs(ctx: Context, catalog: readonly JobDefinition[] = jobCatalog()): Promise<BackgroundJob[]> {
  const names = catalog.map((j) => j.name);
  const [last, waiting] = await Promise.all([
    queryRows(
      ctx.ds,
      sql<JobRunRow>`SELECT r.* FROM unnest(${names}::text[]) AS j(name)
       CROSS JOIN LATERAL (SELECT ${RUN_COLUMNS} FROM job_run WHERE job_name = j.name ORDER BY id DESC LIMIT 1) r`,
    ),
    queryRows(
      ctx.ds,
      sql<{ name: string; n: number }>`SELECT task_identifier AS name, count(*)::int AS n FROM graphile_worker.jobs
       WHERE task_identifier = ANY(${names}::text[]) AND attempts < max_attempts GROUP BY 1`,
    ),
  ]);
  return catalog.map((j) => {
    const run = last.find((r) => r.name === j.name);
    return {
      name: j.name,
      label: j.label,
      schedule: j.schedule?.cron ?? null,
      scheduleLabel: j.schedule?.label ?? null,
      manual: !!j.manual,
      lastRun: run ? toRun(run) : null,
      waiting: waiting.find((w) => w.name === j.name)?.n ?? 0,
    };
  });
}

/** The run history, newest first, of every job or of one. */
export async function listJobRuns(
  ctx: Context,
  a: { first?: number | null; after?: string | null; name?: string | null },
): Promise<Connection<JobRun>> {
  const size = pageSize(a.first);
  const after = decodeCursor(a.after, 1);
  if (after && !/^[0-9]{1,18}$/.test(String(after[0]))) {
    throw invalidCursor();
  }
  const filters: Sql[] = a.name != null ? [sql`job_name = ${definitionOf(a.name).name}`] : [];
  const page = after ? [...filters, sql`id < ${String(after[0])}::bigint`] : filters;
  const rows = await queryRows(
    ctx.ds,
    sql<JobRunRow>`SELECT ${RUN_COLUMNS} FROM job_run ${whereOf(page)}
     ORDER BY job_run.id DESC LIMIT ${size + 1}`,
  );
  return toConnection(
    rows.map(toRun),
    size,
    after,
    (r) => [Number(r.id)],
    async () => (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM job_run ${whereOf(filters)}`))!.n,
  );
}

/**
 * « Lancer maintenant »: queues a run of the job (in its own queue: never two at once), audited.
 * A run already waiting is replaced, not doubled. Runs on a replica with a worker (ESSOR_JOBS=1).
 */
export async function runJobNow(ctx: Context, name: string): Promise<BackgroundJob> {
  const catalog = jobCatalog();
  const def = definitionOf(name, catalog);
  if (!def.manual) {
    throw jobsErrors.notManual({ label: def.label }, { field: 'name' });
  }
  await ctx.ds.transaction(async (m) => {
    await enqueueJob(
      m,
      def.name,
      { manual: true },
      { queueName: def.name, maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, jobKey: `manual:${def.name}` },
    );
    await audit(m, ctx, { action: 'RUN_NOW', entityType: 'Job', entityId: def.name });
  });
  return (await listJobs(ctx, [def]))[0];
}
