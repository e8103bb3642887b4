import { LOGIN_LIMITS } from '../../src/modules/account/auth.service';
import { passwordChecks } from '../../src/modules/account/password';
import { createAccount, uniqueToken } from '../helpers/factories';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/server';

// The test server trusts X-Forwarded-For from loopback: each test logs in from addresses of its own
// (TEST-NET-3, used by no other test file), so 127.0.0.1's per-IP budget, shared with the other
// test files, is not spent here.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ trustProxy: 'loopback' });
});
afterAll(() => t.close());

const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code ?? 'OK';
const WRONG = 'pas le bon mot de passe';

/** Password checks (argon2 verifications) made while `run` ran. */
async function checksDuring<T>(run: () => Promise<T>): Promise<{ checks: number; result: T }> {
  const before = passwordChecks.count;
  const result = await run();
  return { checks: passwordChecks.count - before, result };
}

describe('login limits hold under parallel guesses (one atomic step in PostgreSQL)', () => {
  it('40 parallel wrong guesses on one account make at most 5 password checks; then the right password is refused', async () => {
    const a = await createAccount(t.ds, { roles: ['ADMIN'] });
    const max = LOGIN_LIMITS.failuresPerAccount;
    const { checks, result } = await checksDuring(() =>
      Promise.all(Array.from({ length: 40 }, (_, i) => t.gql(LOGIN, { e: a.email, p: WRONG }, from(`203.0.113.${i + 1}`)))),
    );
    expect(checks).toBe(max);
    const codes = result.map(codeOf);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(checks);
    expect(codes.filter((c) => c !== 'INVALID_CREDENTIALS').every((c) => c === 'RATE_LIMITED')).toBe(true);
    // The attempts that reached the password check are the ones recorded as failures.
    const [{ failures }] = await t.ds.query(
      `SELECT count(*)::int AS failures FROM login_attempt WHERE email = $1 AND NOT succeeded`,
      [a.email],
    );
    expect(failures).toBe(checks);

    const right = await checksDuring(() => t.gql(LOGIN, { e: a.email, p: a.password }, from('203.0.113.41')));
    expect(right.checks).toBe(0);
    expect(codeOf(right.result)).toBe('RATE_LIMITED');
    expect(right.result.data).toBeNull();
    expect(right.result.cookies).toEqual([]);
    const [{ sessions }] = await t.ds.query('SELECT count(*)::int AS sessions FROM session WHERE account_id = $1', [a.id]);
    expect(sessions).toBe(0);
  });

  it('the right password among 40 parallel guesses logs in only if its check was one of the first 5', async () => {
    // Whatever the interleaving, no more than 5 checks, and a session exists only for a checked attempt.
    const a = await createAccount(t.ds, { roles: ['ADMIN'] });
    const { checks, result } = await checksDuring(() =>
      Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          t.gql(LOGIN, { e: a.email, p: i === 39 ? a.password : WRONG }, from(`203.0.113.${50 + i}`)),
        ),
      ),
    );
    expect(checks).toBeLessThanOrEqual(LOGIN_LIMITS.failuresPerAccount);
    const [{ sessions }] = await t.ds.query('SELECT count(*)::int AS sessions FROM session WHERE account_id = $1', [a.id]);
    expect(sessions).toBe(codeOf(result[39]) === 'OK' ? 1 : 0);
  });

  it('40 parallel wrong guesses from one address, on as many e-mails, make at most the per-IP budget of checks', async () => {
    const ip = from('203.0.113.100');
    const { checks, result } = await checksDuring(() =>
      Promise.all(Array.from({ length: 40 }, () => t.gql(LOGIN, { e: `${uniqueToken()}@exemple.org`, p: WRONG }, ip))),
    );
    expect(checks).toBe(LOGIN_LIMITS.failuresPerIp);
    expect(result.map(codeOf).filter((c) => c === 'RATE_LIMITED')).toHaveLength(40 - checks);
  });
});

describe('login limits, one request at a time', () => {
  it('a normal login works, sets the session cookie and is recorded as a success', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const { checks, result } = await checksDuring(() => t.gql(LOGIN, { e: a.email, p: a.password }, from('203.0.113.150')));
    expect(checks).toBe(1);
    expect(result.errors).toBeUndefined();
    expect(result.cookies.join()).toMatch(/essor_session=[A-Za-z0-9_-]{40,};/);
    expect(await t.ds.query('SELECT succeeded, host(ip) AS ip FROM login_attempt WHERE email = $1', [a.email])).toEqual([
      { succeeded: true, ip: '203.0.113.150' },
    ]);
  });

  it("a successful login resets the e-mail's count of failures", async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const max = LOGIN_LIMITS.failuresPerAccount;
    const ip = from('203.0.113.151');
    for (let i = 0; i < max - 1; i++)
      expect(codeOf(await t.gql(LOGIN, { e: a.email, p: WRONG }, ip))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await t.gql(LOGIN, { e: a.email, p: a.password }, ip))).toBe('OK');
    // A full budget again: `max` failures, then RATE_LIMITED.
    for (let i = 0; i < max; i++) expect(codeOf(await t.gql(LOGIN, { e: a.email, p: WRONG }, ip))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await t.gql(LOGIN, { e: a.email, p: WRONG }, ip))).toBe('RATE_LIMITED');
    const refused = await t.gql(LOGIN, { e: a.email, p: a.password }, ip);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.cookies).toEqual([]);
  });

  it("the per-account limit counts an e-mail's failures from every address, existing account or not", async () => {
    for (const email of [(await createAccount(t.ds, { roles: ['ADMIN'] })).email, `${uniqueToken()}@exemple.org`]) {
      for (let i = 0; i < LOGIN_LIMITS.failuresPerAccount; i++)
        expect(codeOf(await t.gql(LOGIN, { e: email, p: WRONG }, from(`203.0.113.${160 + i}`)))).toBe('INVALID_CREDENTIALS');
      const limited = await checksDuring(() => t.gql(LOGIN, { e: email, p: WRONG }, from('203.0.113.170')));
      expect(codeOf(limited.result)).toBe('RATE_LIMITED');
      expect(limited.checks).toBe(0);
    }
  });

  it('the per-IP limit holds across e-mails, and does not reset on a success', async () => {
    const ip = from('203.0.113.200');
    const max = LOGIN_LIMITS.failuresPerIp;
    for (let i = 0; i < max - 1; i++)
      expect(codeOf(await t.gql(LOGIN, { e: `${uniqueToken()}@exemple.org`, p: WRONG }, ip))).toBe('INVALID_CREDENTIALS');
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    expect(codeOf(await t.gql(LOGIN, { e: a.email, p: a.password }, ip))).toBe('OK');
    expect(codeOf(await t.gql(LOGIN, { e: `${uniqueToken()}@exemple.org`, p: WRONG }, ip))).toBe('INVALID_CREDENTIALS');
    // Budget spent: even the right password of an account with no failure is refused from this address…
    const b = await createAccount(t.ds, { roles: ['STEERING'] });
    const refused = await t.gql(LOGIN, { e: b.email, p: b.password }, ip);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.cookies).toEqual([]);
    // …and accepted from another one.
    expect(codeOf(await t.gql(LOGIN, { e: b.email, p: b.password }, from('203.0.113.201')))).toBe('OK');
  });
});
