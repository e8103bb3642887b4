import { metrics } from '../../src/common/metrics/metrics';
// The job queue (graphile-worker in PostgreSQL): one execution whatever the number of replicas,
// retries with exponential backoff, cron schedules run once per tick across replicas, the run
// history (ADMIN only) and « Lancer maintenant ». Runners of this file are given their own task
// names (unique per run), so they never take the jobs of other test files.
import { createAppDataSource } from '../../src/data-source';
import { enqueueJob } from '../../src/common/jobs/job-queue';
import { jobRunnerOptionsFromEnv, startJobRunner, type JobDefinition, type JobRunner } from '../../src/common/jobs/job-runner';
import { jobCatalog } from '../../src/modules/jobs/essor-jobs';
import { cronEvery, jobSchedulesFromEnv } from '../../src/modules/jobs/jobs.config';
import { createAccount, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
const extra: Array<ReturnType<typeof createAppDataSource>> = [];
const runners: JobRunner[] = [];

beforeAll(async () => {
  t = await startTestServer();
});
// Each test stops its runners: no job of one test runs during the next.
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop();
});
afterAll(async () => {
  for (const ds of extra) await ds.destroy();
  await t.close();
});

/** A data source of its own: what another replica of the API would have. */
async function replica() {
  const ds = createAppDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
  await ds.initialize();
  extra.push(ds);
  return ds;
}

async function runner(ds: ReturnType<typeof createAppDataSource>, jobs: JobDefinition[]) {
  const r = await startJobRunner(ds, jobs, { enabled: true, concurrency: 2, pollIntervalMs: 100 });
  runners.push(r);
  return r;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const runsOf = (name: string) =>
  t.ds.query(
    `SELECT job_id::text, outcome, attempt, max_attempts, error, trigger, started_at, duration_ms, result
     FROM job_run WHERE job_name = $1 ORDER BY id`,
    [name],
  ) as Promise<
    Array<{
      job_id: string;
      outcome: string;
      attempt: number;
      max_attempts: number;
      error: string | null;
      trigger: string;
      started_at: Date;
      duration_ms: number;
      result: Record<string, number> | null;
    }>
  >;

describe('one queue for every replica', () => {
  it('a job enqueued once runs once, with two runners (two data sources) on one database', async () => {
    const name = uniqueToken('test-once-');
    const executions: Array<{ replica: string; n: number }> = [];
    const job = (replica: string): JobDefinition => ({
      name,
      label: 'Essai',
      async run({ payload }) {
        executions.push({ replica, n: Number(payload.n) });
        await sleep(20);
      },
    });
    await runner(await replica(), [job('a')]);
    await runner(await replica(), [job('b')]);
    for (let n = 0; n < 30; n++) await enqueueJob(t.ds, name, { n });

    await waitFor('30 runs', async () => (await runsOf(name)).length >= 30);
    await sleep(500);
    const runs = await runsOf(name);
    expect(runs).toHaveLength(30);
    expect(new Set(runs.map((r) => r.job_id)).size).toBe(30);
    expect(runs.every((r) => r.outcome === 'success' && r.attempt === 1 && r.trigger === 'event')).toBe(true);
    expect(executions.map((e) => e.n).sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
    // Both replicas took jobs (each has two workers, and every job lasts 20 ms).
    expect(new Set(executions.map((e) => e.replica))).toEqual(new Set(['a', 'b']));
    const [{ left }] = await t.ds.query(`SELECT count(*)::int AS left FROM graphile_worker.jobs WHERE task_identifier = $1`, [
      name,
    ]);
    expect(left).toBe(0);
  });

  it('ESSOR_JOBS=0: the replica runs nothing, the job waits for a replica that does', async () => {
    expect(jobRunnerOptionsFromEnv({ ESSOR_JOBS: '0' })).toMatchObject({ enabled: false, concurrency: 2 });
    expect(jobRunnerOptionsFromEnv({})).toEqual({ enabled: true, concurrency: 2 });
    expect(jobRunnerOptionsFromEnv({ ESSOR_JOB_CONCURRENCY: '4' }).concurrency).toBe(4);
    expect(() => jobRunnerOptionsFromEnv({ ESSOR_JOBS: 'yes' })).toThrow(/ESSOR_JOBS must be 1 .* or 0/);
    expect(() => jobRunnerOptionsFromEnv({ ESSOR_JOB_CONCURRENCY: '0' })).toThrow(/ESSOR_JOB_CONCURRENCY/);

    const name = uniqueToken('test-idle-');
    const ran: number[] = [];
    const def: JobDefinition = { name, label: 'Essai', run: async () => void ran.push(1) };
    const idle = await startJobRunner(await replica(), [def], { enabled: false, concurrency: 2, pollIntervalMs: 100 });
    expect(idle.running).toBe(false);
    await enqueueJob(t.ds, name, {});
    await sleep(700);
    expect(ran).toEqual([]);
    await idle.stop();
    await runner(await replica(), [def]);
    await waitFor('the run', async () => ran.length === 1);
  });
});

describe('retries', () => {
  it('a failing job is retried with exponential backoff, each failure recorded without personal data', async () => {
    const name = uniqueToken('test-flaky-');
    const attempts: Array<{ attempt: number; at: number }> = [];
    await runner(await replica(), [
      {
        name,
        label: 'Essai',
        async run({ attempt }) {
          attempts.push({ attempt, at: Date.now() });
          throw new Error(
            `550 mailbox unavailable for camille.durand@exemple.org: "valeur privée" https://essor.example/admin/mot-de-passe?jeton=abcdefghijklmnopqrstuvwxyz0123456789`,
          );
        },
      },
    ]);
    const jobId = await enqueueJob(t.ds, name, {}, { maxAttempts: 2 });

    const [first] = await waitFor('the first failure', async () => {
      const runs = await runsOf(name);
      return runs.length ? runs : null;
    });
    expect(first).toMatchObject({ outcome: 'retry', attempt: 1, max_attempts: 2, trigger: 'event' });
    // graphile-worker's backoff: the next attempt exp(1) ≈ 2.7 s after the failure.
    const [job] = await t.ds.query(`SELECT attempts, max_attempts, run_at, last_error FROM graphile_worker.jobs WHERE id = $1`, [
      jobId,
    ]);
    const failedAt = first.started_at.getTime() + first.duration_ms;
    const delay = (job.run_at as Date).getTime() - failedAt;
    expect(delay).toBeGreaterThan(2_400);
    expect(delay).toBeLessThan(3_500);
    expect(job.attempts).toBe(1);

    const runs = await waitFor(
      'the second failure',
      async () => {
        const r = await runsOf(name);
        return r.length >= 2 ? r : null;
      },
      10_000,
    );
    expect(runs.map((r) => [r.outcome, r.attempt])).toEqual([
      ['retry', 1],
      ['failure', 2],
    ]);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThan(2_400);
    // Both attempts counted in /metrics (this process ran them).
    const countOf = async (c: typeof metrics.jobRuns) => (await c.get()).values.find((v) => v.labels.task === name)?.value ?? 0;
    expect(await countOf(metrics.jobRuns)).toBe(2);
    expect(await countOf(metrics.jobFailures)).toBe(2);
    // Sanitised in the history and in graphile-worker's own table: no address, no quoted value, no token.
    const [after] = await t.ds.query(`SELECT attempts, max_attempts, last_error FROM graphile_worker.jobs WHERE id = $1`, [
      jobId,
    ]);
    expect(after).toMatchObject({ attempts: 2, max_attempts: 2 });
    for (const message of [...runs.map((r) => r.error!), job.last_error, after.last_error]) {
      expect(message).toMatch(/^550 mailbox unavailable for …@…/);
      expect(message).not.toMatch(/camille|exemple\.org|valeur privée|abcdefghij/);
    }
    expect(runs[1].error).toContain('jeton=…');
    // A job that failed for good is not tried again.
    await sleep(500);
    expect(attempts).toHaveLength(2);
  });
});

describe('cron schedules', () => {
  it('maps the configuration to cron expressions (UTC)', () => {
    expect(jobSchedulesFromEnv({})).toEqual({
      snapshots: { cron: '0 * * * *', label: 'toutes les heures', backfillMinutes: 60 },
      retention: { cron: '10 */6 * * *', label: 'toutes les 6 heures', backfillMinutes: 360 },
      purge: { cron: '20 * * * *', label: 'toutes les heures', backfillMinutes: 60 },
      responseCache: { cron: '*/5 * * * *', label: 'toutes les 5 minutes' },
    });
    const env = { ESSOR_SNAPSHOT_INTERVAL_MINUTES: '15', ESSOR_RETENTION_INTERVAL_HOURS: '24' };
    expect(jobSchedulesFromEnv(env)).toMatchObject({
      snapshots: { cron: '*/15 * * * *', backfillMinutes: 15 },
      retention: { cron: '10 0 * * *', label: 'une fois par jour' },
    });
    expect(cronEvery(120).cron).toBe('0 */2 * * *');
    expect(() => jobSchedulesFromEnv({ ESSOR_SNAPSHOT_INTERVAL_MINUTES: '90' })).toThrow(/cannot repeat evenly/);
    expect(() => jobSchedulesFromEnv({ ESSOR_SNAPSHOT_INTERVAL_MINUTES: 'soon' })).toThrow(/whole number/);
    expect(() => jobSchedulesFromEnv({ ESSOR_RETENTION_INTERVAL_HOURS: '5' })).toThrow(/must divide a day/);
  });

  /** As if the platform had known `name`'s schedule for ten minutes without any replica running (graphile-worker's table). */
  const knownForTenMinutes = (name: string) =>
    t.ds.query(
      `INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since) VALUES ($1, now() - interval '10 minutes')`,
      [name],
    );
  const minute = 60_000;
  /** The ticks of `* * * * *` in the three minutes before `start`. */
  const lastThreeTicks = (start: number) =>
    [3, 2, 1].map((k) => new Date(Math.ceil((start - k * minute) / minute) * minute).toISOString());

  it('runs a scheduled job on its schedule, each tick once although two replicas schedule it', async () => {
    const name = uniqueToken('test-cron-');
    const ticks: Array<{ ts: string; backfilled: boolean }> = [];
    const def: JobDefinition = {
      name,
      label: 'Essai',
      schedule: { cron: '* * * * *', label: 'toutes les minutes', backfillMinutes: 3, coalesce: false },
      async run({ payload, trigger }) {
        expect(trigger).toBe('schedule');
        ticks.push(payload._cron as { ts: string; backfilled: boolean });
      },
    };
    await knownForTenMinutes(name);
    const start = Date.now();
    // On start, both replicas schedule the ticks of the backfill period (3 minutes).
    await Promise.all([runner(await replica(), [def]), runner(await replica(), [def])]);
    const runs = await waitFor('three ticks', async () => {
      const r = await runsOf(name);
      return r.length >= 3 ? r : null;
    });
    await sleep(700);
    expect(new Set(ticks.map((k) => k.ts)).size).toBe(ticks.length);
    // (A tick of the current minute may come on top, if the test crossed a minute.)
    const missed = ticks.filter((k) => k.ts < new Date(start).toISOString());
    expect(missed.map((k) => k.ts).sort()).toEqual(lastThreeTicks(start));
    expect(missed.every((k) => k.backfilled)).toBe(true);
    expect(runs.every((r) => r.trigger === 'schedule' && r.outcome === 'success')).toBe(true);
    expect((await runsOf(name)).length).toBe(ticks.length);
  });

  it('backfills the last missed tick only when the period is one interval, as the platform’s schedules do', async () => {
    const name = uniqueToken('test-catch-up-');
    const ticks: string[] = [];
    const def: JobDefinition = {
      name,
      label: 'Essai',
      schedule: { cron: '* * * * *', label: 'toutes les minutes', backfillMinutes: 1 },
      run: async ({ payload }) => void ticks.push((payload._cron as { ts: string }).ts),
    };
    await knownForTenMinutes(name);
    const start = Date.now();
    await Promise.all([runner(await replica(), [def]), runner(await replica(), [def])]);
    await waitFor('the catch-up run', async () => ticks.length >= 1);
    await sleep(1000);
    const missed = ticks.filter((ts) => ts < new Date(start).toISOString());
    expect(missed).toEqual([lastThreeTicks(start)[2]]);
  });
});

describe('run history and « Lancer maintenant » (ADMIN only)', () => {
  const JOBS = `{ jobs { name label schedule scheduleLabel manual waiting lastRun { outcome trigger attempt } } }`;
  const RUNS = `query ($first: Int, $after: String, $name: String) {
    jobRuns(first: $first, after: $after, name: $name) {
      totalCount
      edges { cursor node { name outcome trigger attempt maxAttempts durationMs error counts { name value } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const RUN_NOW = `mutation ($n: String!) { runJobNow(name: $n) { name waiting } }`;
  let admin: string;
  let steering: string;
  beforeAll(async () => {
    const a = await createAccount(t.ds, { roles: ['ADMIN'] });
    const s = await createAccount(t.ds, { roles: ['STEERING'] });
    admin = await t.login(a.email, a.password);
    steering = await t.login(s.email, s.password);
  });

  it('anonymous: UNAUTHENTICATED; another role: FORBIDDEN; nothing queued', async () => {
    const key = `manual:purge-response-cache`;
    const waiting = async () =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1`, [key]))[0].n;
    const before = await waiting();
    for (const [headers, code] of [
      [{}, 'UNAUTHENTICATED'],
      [{ cookie: steering }, 'FORBIDDEN'],
    ] as const) {
      for (const [query, variables] of [
        [JOBS, {}],
        [RUNS, {}],
        [RUN_NOW, { n: 'purge-response-cache' }],
      ] as const) {
        const res = await t.gql(query, variables, headers);
        expect(res.data).toBeNull();
        expect(res.errors![0].extensions!.code).toBe(code);
      }
    }
    expect(await waiting()).toBe(before);
  });

  it('an admin starts a job now: queued in its own queue, audited, run by a worker, in the history', async () => {
    const name = 'purge-response-cache';
    const res = await t.gql(RUN_NOW, { n: name }, { cookie: admin, 'x-request-id': `jobs-spec-${uniqueToken()}` });
    expect(res.errors).toBeUndefined();
    expect(res.data!.runJobNow).toEqual({ name, waiting: expect.any(Number) });
    expect(res.data!.runJobNow.waiting).toBeGreaterThanOrEqual(1);
    const [queued] = await t.ds.query(
      `SELECT queue_name, max_attempts FROM graphile_worker.jobs WHERE key = 'manual:purge-response-cache'`,
    );
    expect(queued).toEqual({ queue_name: name, max_attempts: 3 });
    const [entry] = await t.ds.query(`SELECT actor, action, entity_type, entity_id FROM audit_log WHERE request_id = $1`, [
      res.headers.get('x-request-id'),
    ]);
    expect(entry).toMatchObject({ action: 'RUN_NOW', entity_type: 'Job', entity_id: name });

    // A worker with that one job (without its schedule, not to register it in the shared database).
    const def = jobCatalog().find((j) => j.name === name)!;
    await runner(await replica(), [{ ...def, schedule: undefined }]);
    await waitFor('the manual run', async () => (await runsOf(name)).some((r) => r.trigger === 'manual'));

    const jobs = (await t.gql(JOBS, {}, { cookie: admin })).data!.jobs as any[];
    expect(jobs.map((j) => j.name)).toEqual([
      'observatory-snapshots',
      'retention',
      'purge-expired',
      'purge-response-cache',
      'send-mail',
    ]);
    expect(jobs.find((j) => j.name === name)).toMatchObject({
      schedule: '*/5 * * * *',
      scheduleLabel: 'toutes les 5 minutes',
      manual: true,
      lastRun: { outcome: 'SUCCESS', trigger: 'MANUAL', attempt: 1 },
    });
    expect(jobs.find((j) => j.name === 'send-mail')).toMatchObject({ schedule: null, manual: false });

    const history = await t.gql(RUNS, { name, first: 1 }, { cookie: admin });
    expect(history.errors).toBeUndefined();
    expect(history.data!.jobRuns.edges[0].node).toMatchObject({ name, outcome: 'SUCCESS', trigger: 'MANUAL', error: null });
    expect(history.data!.jobRuns.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('pages the history newest first; refuses bad arguments with typed errors', async () => {
    const name = uniqueToken('test-history-');
    await runner(await replica(), [{ name, label: 'Essai', run: async ({ payload }) => ({ n: Number(payload.n) }) }]);
    for (let n = 1; n <= 3; n++) await enqueueJob(t.ds, name, { n }, { queueName: name });
    await waitFor('three runs', async () => (await runsOf(name)).length === 3);
    const page1 = await t.gql(RUNS, { first: 2 }, { cookie: admin });
    const ids = page1.data!.jobRuns.edges.map((e: any) => e.node);
    expect(ids[0].name).toBe(name);
    expect(ids[0].counts).toEqual([{ name: 'n', value: 3 }]);
    expect(ids[1].counts).toEqual([{ name: 'n', value: 2 }]);
    expect(page1.data!.jobRuns.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(RUNS, { first: 1, after: page1.data!.jobRuns.pageInfo.endCursor }, { cookie: admin });
    expect(page2.data!.jobRuns.edges[0].node.counts).toEqual([{ name: 'n', value: 1 }]);

    const refused = async (variables: Record<string, unknown>, query = RUNS) => {
      const res = await t.gql(query, variables, { cookie: admin });
      expect(res.status).toBeLessThan(500);
      expect(res.data?.jobRuns ?? res.data?.runJobNow ?? null).toBeNull();
      return res.errors![0].extensions!;
    };
    expect(await refused({ first: 500 })).toMatchObject({ code: 'PAGE_SIZE_OUT_OF_RANGE', field: 'first' });
    expect(await refused({ after: 'pas-un-curseur' })).toMatchObject({ code: 'INVALID_CURSOR' });
    expect(await refused({ after: Buffer.from('["x"]').toString('base64url') })).toMatchObject({ code: 'INVALID_CURSOR' });
    expect(await refused({ name: 'inconnue' })).toMatchObject({ code: 'NOT_FOUND', field: 'name' });
    expect(await refused({ name: 'x'.repeat(61) })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refused({ n: 'inconnue' }, RUN_NOW)).toMatchObject({ code: 'NOT_FOUND', field: 'name' });
    // A mail is sent when there is one to send: no « Lancer maintenant ».
    expect(await refused({ n: 'send-mail' }, RUN_NOW)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = 'manual:send-mail'`);
    expect(n).toBe(0);
  });
});
