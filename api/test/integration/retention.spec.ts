// The purges of the retention job `purge-expired` (modules/jobs/retention-purges.ts), one test each:
// rows past their retention go, newer ones stay. Each test looks at its own rows only (the database is
// shared with the other test files).
import { createHash, randomInt } from 'node:crypto';
import { lookUpEntry, purgeResponseCache, storeEntry } from '../../src/common/cache/response-cache';
import { LOGIN_LIMITS } from '../../src/modules/account/auth.service';
import { retentionLimitsFromEnv } from '../../src/modules/jobs/jobs.config';
import {
  purgeExpired,
  purgeExpiredSessions,
  purgeFinishedMail,
  purgeJobRuns,
  purgeLoginAttempts,
  purgePasswordResets,
  purgeRateLimitCounters,
} from '../../src/modules/jobs/retention-purges';
import { createAccount, createSector, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const limits = retentionLimitsFromEnv({});
const hash = (s: string) => createHash('sha256').update(s).digest();

describe('retention limits', () => {
  it('come from the environment, with defaults; a wrong value stops the start-up', () => {
    expect(limits).toEqual({
      sessionDays: 1,
      loginAttemptHours: 24,
      passwordResetDays: 1,
      mailDays: 30,
      jobRunDays: 30,
      loginWindowMinutes: LOGIN_LIMITS.windowMinutes,
    });
    expect(retentionLimitsFromEnv({ ESSOR_MAIL_RETENTION_DAYS: '7', ESSOR_RETENTION_SESSION_DAYS: '0' })).toMatchObject({
      mailDays: 7,
      sessionDays: 0,
    });
    expect(() => retentionLimitsFromEnv({ ESSOR_RETENTION_JOB_RUN_DAYS: '-1' })).toThrow(/ESSOR_RETENTION_JOB_RUN_DAYS/);
  });
});

describe('purges', () => {
  it('expired sessions, a day after they expired', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const session = (label: string, expires: string) =>
      t.ds.query(
        `INSERT INTO session (token_hash, account_id, expires_at, ip) VALUES ($1, $2, now() + $3::interval, '198.51.100.9')`,
        [hash(`${a.id}-${label}`), a.id, expires],
      );
    await session('long-expired', '-2 days');
    await session('just-expired', '-2 hours');
    await session('valid', '10 days');
    expect(await purgeExpiredSessions(t.ds, limits.sessionDays)).toBeGreaterThanOrEqual(1);
    const left = await t.ds.query(`SELECT token_hash FROM session WHERE account_id = $1 ORDER BY expires_at`, [a.id]);
    expect(left).toEqual([{ token_hash: hash(`${a.id}-just-expired`) }, { token_hash: hash(`${a.id}-valid`) }]);
  });

  it('login attempts, after the limits’ window plus the margin', async () => {
    const email = `${uniqueToken('tentative')}@exemple.org`;
    const attempt = (ago: string) =>
      t.ds.query(
        `INSERT INTO login_attempt (email, ip, succeeded, at) VALUES ($1, '198.51.100.9', false, now() - $2::interval)`,
        [email, ago],
      );
    await attempt('25 hours 16 minutes');
    await attempt('23 hours');
    await attempt('5 minutes');
    await purgeLoginAttempts(t.ds, limits.loginWindowMinutes, limits.loginAttemptHours);
    const left = await t.ds.query(
      `SELECT round(extract(epoch FROM now() - at) / 3600)::int AS hours FROM login_attempt WHERE email = $1 ORDER BY at`,
      [email],
    );
    expect(left).toEqual([{ hours: 23 }, { hours: 0 }]);
  });

  it('password reset tokens, a day after their use or their expiry', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const token = (label: string, expires: string, used: string | null) =>
      t.ds.query(
        `INSERT INTO password_reset (token_hash, account_id, created_at, expires_at, used_at)
         VALUES ($1, $2, now() - interval '3 days', now() + $3::interval, now() + $4::interval)`,
        [hash(`${a.id}-${label}`), a.id, expires, used],
      );
    await token('used-long-ago', '-47 hours', '-48 hours');
    await token('expired-long-ago', '-2 days', null);
    await token('used-recently', '50 minutes', '-10 minutes');
    await token('expired-recently', '-3 hours', null);
    await token('valid', '30 minutes', null);
    expect(await purgePasswordResets(t.ds, limits.passwordResetDays)).toBeGreaterThanOrEqual(2);
    const left = await t.ds.query(`SELECT token_hash FROM password_reset WHERE account_id = $1 ORDER BY expires_at`, [a.id]);
    expect(left).toEqual(['expired-recently', 'valid', 'used-recently'].map((l) => ({ token_hash: hash(`${a.id}-${l}`) })));
  });

  it('sent and failed mail after ESSOR_MAIL_RETENTION_DAYS; queued mail stays', async () => {
    const to = `${uniqueToken('courrier')}@exemple.org`;
    const mail = (subject: string, status: string, sentAgo: string | null, createdAgo: string) =>
      t.ds.query(
        `INSERT INTO mail_outbox (recipient, subject, body, status, transport, sent_at, created_at)
         VALUES ($1, $2, 'Bonjour', $3::text, CASE WHEN $3::text = 'sent' THEN 'outbox' END, now() - $4::interval, now() - $5::interval)`,
        [to, subject, status, sentAgo, createdAgo],
      );
    await mail('sent-31-days-ago', 'sent', '31 days', '31 days');
    await mail('sent-29-days-ago', 'sent', '29 days', '40 days');
    await mail('failed-31-days-ago', 'failed', null, '31 days');
    await mail('failed-yesterday', 'failed', null, '1 day');
    await mail('queued-40-days-ago', 'queued', null, '40 days');
    expect(await purgeFinishedMail(t.ds, limits.mailDays)).toBeGreaterThanOrEqual(2);
    const left = await t.ds.query(`SELECT subject FROM mail_outbox WHERE recipient = $1 ORDER BY subject`, [to]);
    expect(left.map((r: { subject: string }) => r.subject)).toEqual([
      'failed-yesterday',
      'queued-40-days-ago',
      'sent-29-days-ago',
    ]);
  });

  it('job run history after ESSOR_RETENTION_JOB_RUN_DAYS', async () => {
    const name = uniqueToken('test-purge-');
    for (const ago of ['31 days', '29 days', '1 hour']) {
      await t.ds.query(
        `INSERT INTO job_run (job_name, job_id, started_at, duration_ms, outcome, attempt, max_attempts, trigger)
         VALUES ($1, $2, now() - $3::interval, 5, 'success', 1, 1, 'schedule')`,
        [name, randomInt(1_000_000), ago],
      );
    }
    expect(await purgeJobRuns(t.ds, limits.jobRunDays)).toBeGreaterThanOrEqual(1);
    const left = await t.ds.query(
      `SELECT round(extract(epoch FROM now() - started_at) / 86400)::int AS days FROM job_run WHERE job_name = $1 ORDER BY started_at`,
      [name],
    );
    expect(left).toEqual([{ days: 29 }, { days: 0 }]);
  });

  it('rate limit counters whose window is over', async () => {
    const bucket = uniqueToken('test-bucket-');
    for (const [key, end] of [
      ['past', '-1 minute'],
      ['current', '30 minutes'],
    ]) {
      await t.ds.query(
        `INSERT INTO rate_limit_counter (bucket, key_hash, window_end, hits) VALUES ($1, $2, now() + $3::interval, 1)`,
        [bucket, hash(key), end],
      );
    }
    await purgeRateLimitCounters(t.ds);
    expect(await t.ds.query(`SELECT key_hash FROM rate_limit_counter WHERE bucket = $1`, [bucket])).toEqual([
      { key_hash: hash('current') },
    ]);
  });

  it('stale entries of the response cache: expired, or evicted by a write to a table they read', async () => {
    const key = uniqueToken('test-cache-');
    const entry = async (suffix: string, tables: string[], seconds: number) => {
      const { snapshot } = await lookUpEntry(t.ds, `${key}-${suffix}`);
      await storeEntry(t.ds, { key: `${key}-${suffix}`, snapshot, tables, body: '{}', seconds });
    };
    await entry('expired', ['region'], 60);
    await t.ds.query(`UPDATE response_cache SET expires_at = now() - interval '1 second' WHERE key = $1`, [`${key}-expired`]);
    await entry('evicted', ['sector'], 300);
    await createSector(t.ds);
    // A table no test writes: stays valid.
    await entry('fresh', ['region'], 300);
    await purgeResponseCache(t.ds);
    expect(await t.ds.query(`SELECT key FROM response_cache WHERE key LIKE $1 || '%'`, [key])).toEqual([{ key: `${key}-fresh` }]);
  });

  it('the job runs them all and reports what each deleted', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    await t.ds.query(`INSERT INTO session (token_hash, account_id, expires_at) VALUES ($1, $2, now() - interval '3 days')`, [
      hash(`${a.id}-job`),
      a.id,
    ]);
    const counts = await purgeExpired(t.ds, limits);
    expect(Object.keys(counts).sort()).toEqual([
      'jobRuns',
      'loginAttempts',
      'mails',
      'passwordResets',
      'rateLimitCounters',
      'sessions',
    ]);
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(await t.ds.query(`SELECT 1 FROM session WHERE account_id = $1`, [a.id])).toEqual([]);
  });
});
