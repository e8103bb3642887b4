import { createAccount, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id email roles } }`;
const VIEWER = `{ viewer { email roles } }`;

describe('login and sessions', () => {
  it('sets an httpOnly, Secure, SameSite session cookie; logout ends the session', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const res = await t.gql(LOGIN, { e: a.email.toUpperCase(), p: a.password });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login).toMatchObject({ email: a.email, roles: ['STEERING'] });
    const [cookie] = res.cookies;
    expect(cookie).toMatch(/^essor_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = cookie.split(';')[0];
    expect((await t.gql(VIEWER, {}, { cookie: session })).data!.viewer.email).toBe(a.email);
    // only the token's hash is stored
    const token = session.split('=')[1];
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM session WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`,
      [token],
    );
    expect(n).toBe(0);
    const out = await t.gql(`mutation { logout }`, {}, { cookie: session });
    expect(out.cookies[0]).toMatch(/essor_session=;/);
    expect((await t.gql(VIEWER, {}, { cookie: session })).data!.viewer).toBeNull();
  });

  it('never says whether the account exists', async () => {
    const a = await createAccount(t.ds, { roles: ['ADMIN'] });
    const wrong = await t.gql(LOGIN, { e: a.email, p: 'pas le bon mot de passe' });
    const unknown = await t.gql(LOGIN, { e: `${uniqueToken()}@exemple.org`, p: 'pas le bon mot de passe' });
    expect(wrong.errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors![0]).toEqual(wrong.errors![0]);
    expect(wrong.cookies).toEqual([]);
  });

  it('rate-limits failures per account, for existing and unknown e-mails alike', async () => {
    const a = await createAccount(t.ds, { roles: ['ADMIN'] });
    const ghost = `${uniqueToken()}@exemple.org`;
    for (const email of [a.email, ghost]) {
      for (let i = 0; i < 5; i++)
        expect((await t.gql(LOGIN, { e: email, p: 'mauvais mot de passe' })).errors![0].extensions!.code).toBe(
          'INVALID_CREDENTIALS',
        );
      const limited = await t.gql(LOGIN, { e: email, p: 'mauvais mot de passe' });
      expect(limited.errors![0].extensions!.code).toBe('RATE_LIMITED');
    }
    // even the right password is refused while limited
    expect((await t.gql(LOGIN, { e: a.email, p: a.password })).errors![0].extensions!.code).toBe('RATE_LIMITED');
  });

  it('locks an account after repeated failures: the right password no longer works, with the same message', async () => {
    const a = await createAccount(t.ds, { roles: ['ADMIN'] });
    await t.ds.query('UPDATE account SET failed_logins = 9 WHERE id = $1', [a.id]);
    await t.gql(LOGIN, { e: a.email, p: 'mauvais mot de passe' });
    const [{ locked }] = await t.ds.query('SELECT locked_until > now() AS locked FROM account WHERE id = $1', [a.id]);
    expect(locked).toBe(true);
    const res = await t.gql(LOGIN, { e: a.email, p: a.password });
    expect(res.errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('password reset', () => {
  const mailTo = async (email: string) =>
    t.ds.query(`SELECT body FROM mail_outbox WHERE recipient = $1 ORDER BY id DESC`, [email]) as Promise<Array<{ body: string }>>;

  it('mails a single-use link only to existing accounts, and ends the old sessions', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const oldSession = await t.login(a.email, a.password);
    const ghost = `${uniqueToken()}@exemple.org`;
    for (const e of [a.email, ghost]) {
      const res = await t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e });
      expect(res.data!.requestPasswordReset).toBe(true);
    }
    expect(await mailTo(ghost)).toEqual([]);
    const [mail] = await mailTo(a.email);
    const token = /jeton=([A-Za-z0-9_-]+)/.exec(mail.body)![1];
    const RESET = `mutation ($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`;
    const weak = await t.gql(RESET, { t: token, p: 'court' });
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await t.gql(RESET, { t: token, p: 'un nouveau mot de passe solide' })).data!.resetPassword).toBe(true);
    expect((await t.gql(RESET, { t: token, p: 'encore un autre mot de passe' })).errors![0].extensions!.code).toBe(
      'INVALID_TOKEN',
    );
    expect((await t.gql(VIEWER, {}, { cookie: oldSession })).data!.viewer).toBeNull();
    expect(await t.login(a.email, 'un nouveau mot de passe solide')).toMatch(/essor_session=/);
  });

  it('refuses an expired token', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    await t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email });
    const [mail] = await mailTo(a.email);
    const token = /jeton=([A-Za-z0-9_-]+)/.exec(mail.body)![1];
    await t.ds.query(`UPDATE password_reset SET expires_at = now() - interval '1 minute' WHERE account_id = $1`, [a.id]);
    const res = await t.gql(`mutation ($t: String!) { resetPassword(token: $t, password: "un nouveau mot de passe solide") }`, {
      t: token,
    });
    expect(res.errors![0].extensions!.code).toBe('INVALID_TOKEN');
  });
});

describe('accounts administration', () => {
  const CREATE = `mutation ($i: CreateAccountInput!) { createAccount(input: $i) { id email roles } }`;
  const input = () => ({
    email: `${uniqueToken()}@exemple.org`,
    displayName: 'Animatrice IAE',
    roles: ['FACILITATOR'],
    sectorSlugs: ['iae'],
  });

  it('anonymous: UNAUTHENTICATED; wrong role: FORBIDDEN; nothing written', async () => {
    const steering = await createAccount(t.ds, { roles: ['STEERING'] });
    const cookie = await t.login(steering.email, steering.password);
    const i1 = input();
    expect((await t.gql(CREATE, { i: i1 })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(CREATE, { i: i1 }, { cookie })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(`{ accounts { totalCount } }`, {}, { cookie })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM account WHERE email = $1', [i1.email]);
    expect(n).toBe(0);
  });

  it('admin: creates an invited account, audited without secrets', async () => {
    const admin = await createAccount(t.ds, { roles: ['ADMIN'] });
    const cookie = await t.login(admin.email, admin.password);
    const i = input();
    const res = await t.gql(CREATE, { i }, { cookie });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAccount).toMatchObject({ email: i.email, roles: ['FACILITATOR'] });
    const [invite] = await t.ds.query('SELECT body FROM mail_outbox WHERE recipient = $1', [i.email]);
    expect(invite.body).toMatch(/jeton=/);
    const entries = await t.ds.query(
      `SELECT actor, action, before, after FROM audit_log WHERE entity_type = 'Account' AND entity_id = (
      SELECT id::text FROM account WHERE email = $1)`,
      [i.email],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: admin.email, action: 'CREATE' });
    expect(JSON.stringify(entries)).not.toMatch(/password|token|argon2/i);
    const dup = await t.gql(CREATE, { i }, { cookie });
    expect(dup.errors![0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
  });
});
