import { RATE_LIMITS } from '../../src/common/rate-limit/rate-limit';
import { createAccount, toGlobal, uniqueToken } from '../helpers/factories';
import { deliveredMailTo } from '../helpers/mail';
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
  // Delivered as without SMTP (development): the link is rendered into the outbox (helpers/mail.ts).
  const mailTo = (email: string) => deliveredMailTo(t.ds, email) as Promise<Array<{ body: string }>>;

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

describe('password reset requests are rate-limited (in PostgreSQL, shared by the replicas)', () => {
  const REQUEST = `mutation ($e: String!) { requestPasswordReset(email: $e) }`;
  // Distinct client addresses (the app trusts X-Forwarded-For from loopback, as behind its proxy):
  // 127.0.0.1's budget is shared with the other test files.
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const mails = async (email: string) =>
    (await t.ds.query('SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = $1', [email]))[0].n as number;

  it('per e-mail, for existing and unknown e-mails alike, with the same answer', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const ghost = `${uniqueToken()}@exemple.org`;
    const { max } = RATE_LIMITS.passwordResetPerEmail;
    const refusals = [];
    for (const [n, e] of [a.email, ghost].entries()) {
      for (let i = 0; i < max; i++) {
        const res = await t.gql(REQUEST, { e }, from(`198.51.100.${10 * n + i + 1}`));
        expect(res.data).toEqual({ requestPasswordReset: true });
      }
      const refused = await t.gql(REQUEST, { e: e.toUpperCase() }, from(`198.51.100.${10 * n + max + 1}`));
      expect(refused.data).toBeNull();
      refusals.push(refused.errors![0]);
    }
    expect(refusals[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refusals[0].message).toMatch(/^Trop de demandes .*Réessayez dans \d+ minutes?\.$/);
    // Nothing tells the two apart.
    expect(refusals[1].message).toBe(refusals[0].message);
    expect(refusals[1].extensions!.code).toBe('RATE_LIMITED');
    expect(await mails(a.email)).toBe(max);
    expect(await mails(ghost)).toBe(0);
    // Hashed keys: neither the e-mail nor the address is stored.
    const [{ stored }] = await t.ds.query(
      `SELECT string_agg(bucket || ' ' || encode(key_hash, 'escape'), ' ') AS stored FROM rate_limit_counter`,
    );
    expect(stored).not.toContain(a.email);
    expect(stored).not.toContain('198.51.100.');
  });

  it('per IP, whatever the e-mails', async () => {
    const ip = from('198.51.100.200');
    const { max } = RATE_LIMITS.passwordResetPerIp;
    for (let i = 0; i < max; i++)
      expect((await t.gql(REQUEST, { e: `${uniqueToken()}@exemple.org` }, ip)).data).toEqual({ requestPasswordReset: true });
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const refused = await t.gql(REQUEST, { e: a.email }, ip);
    expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(await mails(a.email)).toBe(0);
    // Another address still may.
    expect((await t.gql(REQUEST, { e: a.email }, from('198.51.100.201'))).data).toEqual({ requestPasswordReset: true });
    expect(await mails(a.email)).toBe(1);
  });

  it('account invitations by an admin are not counted', async () => {
    const admin = await createAccount(t.ds, { roles: ['ADMIN'] });
    const cookie = await t.login(admin.email, admin.password);
    const ip = from('198.51.100.210');
    for (let i = 0; i <= RATE_LIMITS.passwordResetPerIp.max; i++) {
      const email = `${uniqueToken()}@exemple.org`;
      const res = await t.gql(
        `mutation ($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
        { i: { email, displayName: 'Invitée', roles: ['STEERING'] } },
        { cookie, ...ip },
      );
      expect(res.errors).toBeUndefined();
      expect(await mails(email)).toBe(1);
    }
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
    const [invite] = await deliveredMailTo(t.ds, i.email);
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

  describe('updateAccount', () => {
    const UPDATE = `mutation ($id: ID!, $v: Int!, $i: UpdateAccountInput!) {
      updateAccount(id: $id, version: $v, input: $i) { displayName roles disabled version sectors { slug } }
    }`;
    const row = async (id: string) =>
      (await t.ds.query('SELECT display_name, roles, disabled, version FROM account WHERE id = $1', [id]))[0];
    const trail = async (id: string) =>
      t.ds.query(
        `SELECT actor, action, before, after FROM audit_log WHERE entity_type = 'Account' AND entity_id = $1 ORDER BY id`,
        [id],
      );
    let admin: { id: string; email: string };
    let asAdmin: { cookie: string };
    let iaeId: string;
    let cultureId: string;
    beforeAll(async () => {
      [{ id: iaeId }] = await t.ds.query(`SELECT id::text FROM sector WHERE slug = 'iae'`);
      [{ id: cultureId }] = await t.ds.query(`SELECT id::text FROM sector WHERE slug = 'culture'`);
      const a = await createAccount(t.ds, { roles: ['ADMIN'] });
      admin = a;
      asAdmin = { cookie: await t.login(a.email, a.password) };
    });

    it('anonymous: UNAUTHENTICATED; every other role: FORBIDDEN; nothing written', async () => {
      const target = await createAccount(t.ds, { roles: ['STEERING'] });
      const vars = { id: toGlobal('Account', target.id), v: 1, i: { roles: ['ADMIN'] } };
      expect((await t.gql(UPDATE, vars)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      for (const role of ['STEERING', 'FACILITATOR', 'STRUCTURE_EDITOR', 'PARTNER']) {
        const other = await createAccount(t.ds, { roles: [role] });
        const res = await t.gql(UPDATE, vars, { cookie: await t.login(other.email, other.password) });
        expect({ role, code: res.errors![0].extensions!.code }).toEqual({ role, code: 'FORBIDDEN' });
      }
      expect(await row(target.id)).toMatchObject({ roles: ['STEERING'], version: 1 });
      expect(await trail(target.id)).toEqual([]);
    });

    it('admin: edits the account (one audit entry, by the admin); a stale version is a CONFLICT', async () => {
      const target = await createAccount(t.ds, { roles: ['STEERING'] });
      const id = toGlobal('Account', target.id);
      const res = await t.gql(
        UPDATE,
        { id, v: 1, i: { displayName: 'Comité, présidence', roles: ['STEERING', 'PARTNER'] } },
        asAdmin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateAccount).toMatchObject({
        displayName: 'Comité, présidence',
        roles: ['STEERING', 'PARTNER'],
        version: 2,
      });
      expect(await trail(target.id)).toEqual([
        {
          actor: admin.email,
          action: 'UPDATE',
          before: expect.objectContaining({ roles: ['STEERING'], version: 1 }),
          after: expect.objectContaining({ roles: ['STEERING', 'PARTNER'], version: 2 }),
        },
      ]);
      const stale = await t.gql(UPDATE, { id, v: 1, i: { displayName: 'Autre nom' } }, asAdmin);
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect((await row(target.id)).display_name).toBe('Comité, présidence');
    });

    it('an admin cannot remove their own administration rights', async () => {
      const self = toGlobal('Account', admin.id);
      const version = (await row(admin.id)).version;
      for (const i of [{ roles: ['STEERING'] }, { disabled: true }]) {
        const res = await t.gql(UPDATE, { id: self, v: version, i }, asAdmin);
        expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roles' });
      }
      expect(await row(admin.id)).toMatchObject({ roles: ['ADMIN'], disabled: false, version });
    });

    it('disabling an account ends its sessions', async () => {
      const target = await createAccount(t.ds, { roles: ['STEERING'] });
      const session = await t.login(target.email, target.password);
      const res = await t.gql(UPDATE, { id: toGlobal('Account', target.id), v: 1, i: { disabled: true } }, asAdmin);
      expect(res.data!.updateAccount).toMatchObject({ disabled: true, version: 2 });
      expect((await t.gql(VIEWER, {}, { cookie: session })).data!.viewer).toBeNull();
    });

    it('changing the roles and the sectors at once writes one audit entry, scopes included', async () => {
      const target = await createAccount(t.ds, { roles: ['STEERING'] });
      const res = await t.gql(
        UPDATE,
        { id: toGlobal('Account', target.id), v: 1, i: { roles: ['FACILITATOR'], sectorSlugs: ['iae'] } },
        asAdmin,
      );
      expect(res.data!.updateAccount).toMatchObject({ roles: ['FACILITATOR'], sectors: [{ slug: 'iae' }], version: 2 });
      expect(await trail(target.id)).toEqual([
        {
          actor: admin.email,
          action: 'UPDATE',
          before: expect.objectContaining({ roles: ['STEERING'], sectorIds: [], version: 1 }),
          after: expect.objectContaining({ roles: ['FACILITATOR'], sectorIds: [iaeId], version: 2 }),
        },
      ]);
    });

    it('changing only the scopes bumps the version, so a form opened before gets a CONFLICT listing them', async () => {
      const target = await createAccount(t.ds, { roles: ['FACILITATOR'] });
      const id = toGlobal('Account', target.id);
      const first = await t.gql(UPDATE, { id, v: 1, i: { sectorSlugs: ['iae'] } }, asAdmin);
      expect(first.data!.updateAccount).toMatchObject({ version: 2, sectors: [{ slug: 'iae' }] });
      expect(await trail(target.id)).toEqual([
        {
          actor: admin.email,
          action: 'UPDATE',
          before: { sectorIds: [], version: 1 },
          after: { sectorIds: [iaeId], version: 2 },
        },
      ]);
      const second = await t.gql(UPDATE, { id, v: 1, i: { sectorSlugs: ['culture'] } }, asAdmin);
      expect(second.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: 2,
        changes: [{ field: 'sectorIds', current: [iaeId], submitted: [cultureId] }],
        lastChangedBy: admin.email,
      });
      const [{ sectors }] = await t.ds.query(
        'SELECT ARRAY(SELECT sector_id::text FROM account_sector WHERE account_id = $1) AS sectors',
        [target.id],
      );
      expect(sectors).toEqual([iaeId]);
      expect(await trail(target.id)).toHaveLength(1);
    });

    it('scopes sent unchanged write nothing: same version, no audit entry', async () => {
      const target = await createAccount(t.ds, { roles: ['FACILITATOR'], sectorIds: [iaeId] });
      const res = await t.gql(
        UPDATE,
        { id: toGlobal('Account', target.id), v: 1, i: { sectorSlugs: ['iae'], structureIds: [], roles: ['FACILITATOR'] } },
        asAdmin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateAccount).toMatchObject({ version: 1, sectors: [{ slug: 'iae' }] });
      expect(await row(target.id)).toMatchObject({ version: 1 });
      expect(await trail(target.id)).toEqual([]);
    });
  });
});
