import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { DEFAULT_MAX_ATTEMPTS, type JobDefinition } from '../../common/jobs/job-runner';
import { enqueueJob } from '../../common/jobs/job-queue';
import { ErrorCode, UserInputError } from '../../common/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { jobCatalog } from './essor-jobs';
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

const RUN_COLUMNS = `id::text, job_name AS name, started_at AS "startedAt", duration_ms AS "durationMs", outcome, error,
  attempt, max_attempts AS "maxAttempts", trigger, result`;

const toRun = (r: JobRunRow): JobRun => ({
  ...r,
  counts: Object.entries(r.result ?? {}).map(([name, value]) => ({ name, value: Number(value) })),
});

function definitionOf(name: string, catalog: readonly JobDefinition[] = jobCatalog()): JobDefinition {
  const def = catalog.find((j) => j.name === name);
  if (!def) {
    throw new UserInputError(ErrorCode.NOT_FOUND, `Aucune tâche ne s’appelle « ${name.slice(0, 60)} ».`, {
      field: 'name',
      known: catalog.map((j) => j.name),
    });
  }
  return def;
}

/** The platform's jobs with their last run and what waits in the queue (two statements). */
export async function listJobs(ctx: Context, catalog: readonly JobDefinition[] = jobCatalog()): Promise<BackgroundJob[]> {
  const names = catalog.map((j) => j.name);
  const [last, waiting]: [JobRunRow[], Array<{ name: string; n: number }>] = await Promise.all([
    ctx.ds.query(
      `SELECT r.* FROM unnest($1::text[]) AS j(name)
       CROSS JOIN LATERAL (SELECT ${RUN_COLUMNS} FROM job_run WHERE job_name = j.name ORDER BY id DESC LIMIT 1) r`,
      [names],
    ),
    ctx.ds.query(
      `SELECT task_identifier AS name, count(*)::int AS n FROM graphile_worker.jobs
       WHERE task_identifier = ANY($1::text[]) AND attempts < max_attempts GROUP BY 1`,
      [names],
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
    throw new UserInputError(ErrorCode.INVALID_CURSOR, 'Curseur de pagination invalide.', { field: 'after' });
  }
  const params: unknown[] = [];
  const where: string[] = [];
  if (a.name != null) where.push(`job_name = $${params.push(definitionOf(a.name).name)}`);
  const countSql = `SELECT count(*)::int AS n FROM job_run ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const countParams = [...params];
  if (after) where.push(`id < $${params.push(String(after[0]))}::bigint`);
  const rows: JobRunRow[] = await ctx.ds.query(
    `SELECT ${RUN_COLUMNS} FROM job_run ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY job_run.id DESC LIMIT $${params.push(size + 1)}`,
    params,
  );
  return toConnection(
    rows.map(toRun),
    size,
    after,
    (r) => [Number(r.id)],
    async () => (await ctx.ds.query(countSql, countParams))[0].n,
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
    throw new UserInputError(ErrorCode.BAD_USER_INPUT, `La tâche « ${def.label} » ne se lance pas à la main.`, {
      field: 'name',
    });
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
