import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { createAppDataSource } from '../../src/data-source';
import { logger, setLogDestination } from '../../src/common/log/logger';
import { createDatabase, dropDatabase } from '../helpers/databases';
import { createAccount, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { deliveredMailTo } from '../helpers/mail';
import { startTestServer, type TestServer } from '../helpers/server';

// The logs of the API, captured while it serves operations that carry personal data and secrets:
// none may appear in any line; each /graphql request makes exactly one line with its fields.

type Line = Record<string, any>;
const raw: string[] = [];
const lines = (): Line[] => raw.map((l) => JSON.parse(l));
const requestLines = (id: string) => lines().filter((l) => l.msg === 'graphql request' && l.requestId === id);

/** The request line is written when the response ends: it may come just after the client read it. */
async function requestLine(id: string): Promise<Line> {
  for (let i = 0; i < 100 && requestLines(id).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const found = requestLines(id);
  expect(found).toHaveLength(1);
  return found[0];
}

let t: TestServer;
let restoreLog: () => void;
let savedLevel: string;
/** Everything that must never be logged, gathered as the tests go. */
const secrets = new Set<string>();
const secret = <T extends string>(s: T): T => (secrets.add(s), s);

let ipCount = 0;
/** A documentation address (RFC 5737) of this request alone, sent as the proxy would. */
const ip = () => secret(`198.51.100.${++ipCount}`);
const rid = (name: string) => `logs-${name}-${uniqueToken('')}`;
const as = (id: string, extra: Record<string, string> = {}) => ({ 'x-request-id': id, 'x-forwarded-for': ip(), ...extra });

beforeAll(async () => {
  savedLevel = logger.level;
  logger.level = 'info';
  restoreLog = setLogDestination({
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) raw.push(line);
    },
  });
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
  restoreLog();
  logger.level = savedLevel;
});

const LOGIN = `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const CREATE_ACCOUNT = `mutation CreateAccount($i: CreateAccountInput!) { createAccount(input: $i) { id } }`;

describe('one JSON line per /graphql request, without personal data', () => {
  let admin: { email: string; password: string };
  let adminCookie: string;

  beforeAll(async () => {
    admin = await createAccount(t.ds, { roles: ['ADMIN'], password: secret(`Phrase de passe ${uniqueToken()} admin`) });
    secret(admin.email);
    adminCookie = await t.login(admin.email, admin.password);
    secret(adminCookie.split('=')[1]);
  });

  it('logs a login (right and wrong password) with its id, operation, duration, status, statements and codes', async () => {
    const email = secret(`${uniqueToken('connexion')}@exemple.org`);
    const password = secret(`Mot de passe ${uniqueToken()} correct`);
    const wrong = secret(`Mot de passe ${uniqueToken()} faux`);
    await createAccount(t.ds, { roles: ['STEERING'], email, password });

    const okId = rid('login-ok');
    const ok = await t.gql(LOGIN, { e: email, p: password }, as(okId));
    expect(ok.errors).toBeUndefined();
    secret(ok.cookies[0].split(';')[0].split('=')[1]);
    expect(ok.headers.get('x-request-id')).toBe(okId);
    const okLine = await requestLine(okId);
    expect(okLine).toMatchObject({ level: 'info', operationName: 'Login', status: 200, method: 'POST' });
    expect(typeof okLine.durationMs).toBe('number');
    expect(okLine.durationMs).toBeGreaterThanOrEqual(0);
    expect(okLine.sqlStatements).toBeGreaterThanOrEqual(2);
    expect(okLine.errorCodes).toBeUndefined();

    const wrongId = rid('login-wrong');
    const bad = await t.gql(LOGIN, { e: email, p: wrong }, as(wrongId));
    expect(bad.errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    expect(await requestLine(wrongId)).toMatchObject({ operationName: 'Login', errorCodes: ['INVALID_CREDENTIALS'] });
  });

  it('logs a password reset request and the reset itself without the e-mail, the token or the new password', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    secret(a.email);
    const id = rid('reset-request');
    const res = await t.gql(`mutation AskReset($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email }, as(id));
    expect(res.data!.requestPasswordReset).toBe(true);
    await requestLine(id);
    const [mail] = await deliveredMailTo(t.ds, a.email);
    const token = secret(/jeton=([A-Za-z0-9_-]+)/.exec(mail.body!)![1]);

    const resetId = rid('reset');
    const newPassword = secret(`Nouvelle phrase ${uniqueToken()} secrète`);
    const reset = await t.gql(
      `mutation Reset($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`,
      { t: token, p: newPassword },
      as(resetId),
    );
    expect(reset.errors).toBeUndefined();
    expect(await requestLine(resetId)).toMatchObject({ operationName: 'Reset', status: 200 });
  });

  it('logs public proposals without the submitter’s e-mail', async () => {
    const s = await createStructure(t.ds);
    const proposeId = rid('propose');
    const proposed = await t.gql(
      `mutation Propose($i: ProposeStructureInput!) { proposeStructure(input: $i) { id } }`,
      {
        i: {
          name: `Ressourcerie ${uniqueToken()}`,
          communeCode: '59392',
          submitterEmail: secret(`${uniqueToken('porteuse')}@exemple.org`),
        },
      },
      as(proposeId),
    );
    expect(proposed.errors).toBeUndefined();
    const suggestId = rid('suggest');
    const suggested = await t.gql(
      `mutation Suggest($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`,
      {
        i: {
          structureId: toGlobal('Structure', s.id),
          message: 'Le numéro a changé',
          submitterEmail: secret(`${uniqueToken('voisin')}@exemple.org`),
        },
      },
      as(suggestId),
    );
    expect(suggested.errors).toBeUndefined();
    expect(await requestLine(proposeId)).toMatchObject({ operationName: 'Propose', status: 200 });
    expect(await requestLine(suggestId)).toMatchObject({ operationName: 'Suggest', status: 200 });
  });

  it('logs an account creation, and a request with a session cookie, without the e-mail, password or cookie', async () => {
    const id = rid('create-account');
    const created = await t.gql(
      CREATE_ACCOUNT,
      {
        i: {
          email: secret(`${uniqueToken('nouveau')}@exemple.org`),
          displayName: 'Compte créé',
          password: secret(`Phrase ${uniqueToken()} du nouveau compte`),
          roles: ['STEERING'],
        },
      },
      as(id, { cookie: adminCookie }),
    );
    expect(created.errors).toBeUndefined();
    expect(await requestLine(id)).toMatchObject({ operationName: 'CreateAccount', status: 200 });

    const viewerId = rid('viewer');
    const viewer = await t.gql(`query Me { viewer { email } }`, {}, as(viewerId, { cookie: adminCookie }));
    expect(viewer.data!.viewer.email).toBe(admin.email);
    expect(await requestLine(viewerId)).toMatchObject({ operationName: 'Me', status: 200 });
  });

  it('never logs the literals of the query text; an anonymous operation has no operationName', async () => {
    const literal = secret(`litteral${uniqueToken()}`);
    const id = rid('literal');
    const res = await t.gql(`{ structures(filter: { search: "${literal}" }) { totalCount } }`, {}, as(id));
    expect(res.errors).toBeUndefined();
    const line = await requestLine(id);
    expect(line.operationName).toBeUndefined();
    expect(line.sqlStatements).toBeGreaterThanOrEqual(1);
  });

  it('logs typed errors by their codes; a refused or malformed request is logged too', async () => {
    const id = rid('forbidden');
    const res = await t.gql(`query Accounts { accounts { totalCount } }`, {}, as(id));
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await requestLine(id)).toMatchObject({ operationName: 'Accounts', errorCodes: ['UNAUTHENTICATED'] });

    const invalidId = rid('invalid');
    const invalid = await t.gql(`query Broken { nope }`, {}, as(invalidId));
    expect(invalid.status).toBe(400);
    expect(await requestLine(invalidId)).toMatchObject({ status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });

    // A body that is not JSON, holding an e-mail: a clear 400, and nothing of the body logged.
    const malformedId = rid('malformed');
    const email = secret(`${uniqueToken('malforme')}@exemple.org`);
    const r = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(malformedId) },
      body: `{"query": "mutation { requestPasswordReset(email: \\"${email}\\") }", oops`,
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('x-request-id')).toBe(malformedId);
    const body: any = await r.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/);
    expect(await requestLine(malformedId)).toMatchObject({ status: 400 });
  });

  it('keeps a well-formed x-request-id and replaces any other by a UUID', async () => {
    for (const incoming of ['a'.repeat(101), 'avec espace', 'x"y', 'é', '198.51.100.200;drop']) {
      const res = await t.gql(`query Ping { __typename }`, {}, { 'x-request-id': incoming });
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      await requestLine(id);
    }
    secrets.add('198.51.100.200');
    const kept = 'Abc.123_x-Y';
    expect((await t.gql(`query Ping { __typename }`, {}, { 'x-request-id': kept })).headers.get('x-request-id')).toBe(kept);
    await requestLine(kept);
  });

  it('logs a unique violation with its SQLSTATE and constraint, never its parameters (e-mail, argon2 hash)', async () => {
    // Another transaction inserts the same e-mail and commits while createAccount waits on the
    // unique index: its check found no account, its INSERT fails in PostgreSQL.
    const email = secret(`${uniqueToken('doublon')}@exemple.org`);
    const password = secret(`Phrase ${uniqueToken()} du doublon`);
    const other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO account (email, display_name, password_hash, roles) VALUES ($1, 'Doublon', 'x', '{STEERING}')`,
        [email],
      );
      const id = rid('unique-violation');
      const pending = t.gql(
        CREATE_ACCOUNT,
        { i: { email, displayName: 'Doublon', password, roles: ['STEERING'] } },
        as(id, { cookie: adminCookie }),
      );
      // (Watched from outside that transaction: pg_stat_activity is a snapshot per transaction.)
      // (Up to 30 s: the password is hashed with argon2 first, slow on a loaded machine.)
      let waiting = false;
      for (let i = 0; i < 1500 && !waiting; i++) {
        const [{ n }] = await t.ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO account %'`,
        );
        waiting = n > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 20));
      }
      expect(waiting).toBe(true);
      await other.query('COMMIT');
      const res = await pending;
      expect(['EMAIL_TAKEN', 'INTERNAL_SERVER_ERROR']).toContain(res.errors![0].extensions!.code);
      const line = await requestLine(id);
      expect(line.operationName).toBe('CreateAccount');
      const sqlErrors = lines().filter((l) => l.msg === 'sql error' && l.requestId === id);
      expect(sqlErrors).toHaveLength(1);
      expect(sqlErrors[0]).toMatchObject({
        level: 'error',
        sqlState: '23505',
        constraint: 'account_email_key',
        table: 'account',
      });
      expect(sqlErrors[0].message).toBe('duplicate key value violates unique constraint "account_email_key"');
      expect(sqlErrors[0].statement).toMatch(/^INSERT INTO account/);
      expect(Object.keys(sqlErrors[0]).sort()).toEqual(
        [
          'constraint',
          'hostname',
          'level',
          'message',
          'msg',
          'pid',
          'requestId',
          'sqlState',
          'statement',
          'table',
          'time',
        ].sort(),
      );
    } finally {
      await other.query('ROLLBACK').catch(() => {});
      await other.end();
      await t.ds.query('DELETE FROM account WHERE email = $1', [email]);
    }
  });
});

describe('masked errors (a database missing tables)', () => {
  const dbName = `essor_logs_${process.pid}`;
  let ds: DataSource;
  /** The app as in production (no statement count in the responses), with each execution engine. */
  const apps: Record<'graphql-jit' | 'graphql-js', { url: string; server: Server; stop: () => Promise<void> }> = {} as never;
  const post = (engine: keyof typeof apps, query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
    fetch(apps[engine].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    ds = createAppDataSource({ url: await createDatabase(dbName), poolSize: 2 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    for (const engine of ['graphql-jit', 'graphql-js'] as const) {
      const saved = process.env.ESSOR_JIT;
      process.env.ESSOR_JIT = engine === 'graphql-js' ? '0' : '1';
      const { app, stop } = await createApp({ ds, responseCache: false });
      if (saved === undefined) delete process.env.ESSOR_JIT;
      else process.env.ESSOR_JIT = saved;
      const server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      apps[engine] = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, stop };
    }
  });
  afterAll(async () => {
    for (const { server, stop } of Object.values(apps)) {
      await new Promise((resolve) => server.close(resolve));
      await stop();
    }
    await ds?.destroy();
    await dropDatabase(dbName);
  });

  it.each(['graphql-jit', 'graphql-js'] as const)(
    'gives the client the request id of the masked error, logged once with name, message and stack, no parameters (%s)',
    async (engine) => {
      const a = await createAccount(ds, { roles: ['STEERING'] });
      secret(a.email);
      await ds.query('DROP TABLE IF EXISTS mail_outbox');
      const id = rid(`masked-${engine}`);
      const res = await post(
        engine,
        `mutation AskReset($e: String!) { requestPasswordReset(email: $e) }`,
        { e: a.email },
        as(id),
      );
      const body: any = await res.json();
      expect(res.headers.get('x-request-id')).toBe(id);
      expect(body.errors).toEqual([
        {
          message: 'Erreur interne du serveur.',
          locations: [{ line: 1, column: expect.any(Number) }],
          path: ['requestPasswordReset'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id },
        },
      ]);
      expect(body.extensions?.sqlStatements).toBeUndefined();

      const line = await requestLine(id);
      expect(line).toMatchObject({ operationName: 'AskReset', errorCodes: ['INTERNAL_SERVER_ERROR'] });
      expect(line.sqlStatements).toBeGreaterThanOrEqual(3);
      const masked = lines().filter((l) => l.msg === 'masked error' && l.requestId === id);
      expect(masked).toHaveLength(1);
      expect(masked[0]).toMatchObject({
        level: 'error',
        path: ['requestPasswordReset'],
        err: { name: 'QueryFailedError', message: 'relation "mail_outbox" does not exist', code: '42P01' },
      });
      expect(masked[0].err.stack).toMatch(/^QueryFailedError: relation "mail_outbox" does not exist\n\s+at /);
      expect(Object.keys(masked[0].err).sort()).toEqual(['code', 'message', 'name', 'stack']);
      const sqlErrors = lines().filter((l) => l.msg === 'sql error' && l.requestId === id);
      expect(sqlErrors).toHaveLength(1);
      expect(sqlErrors[0]).toMatchObject({ sqlState: '42P01', statement: expect.stringMatching(/^INSERT INTO mail_outbox/) });
      // The link with its token was in the failed statement's parameters.
      expect(raw.join('\n')).not.toMatch(/jeton=/);
    },
  );

  it('adds the request id to an error masked before any resolver runs (the session lookup fails)', async () => {
    await ds.query('DROP TABLE session CASCADE');
    const token = secret(`jeton${uniqueToken()}${uniqueToken()}`);
    const id = rid('context');
    const res = await post('graphql-jit', `query Me { viewer { id } }`, {}, as(id, { cookie: `essor_session=${token}` }));
    expect(res.status).toBe(500);
    const body: any = await res.json();
    expect(body.errors).toEqual([
      { message: 'Erreur interne du serveur.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id } },
    ]);
    expect(await requestLine(id)).toMatchObject({ status: 500, errorCodes: ['INTERNAL_SERVER_ERROR'] });
    const masked = lines().filter((l) => l.msg === 'masked error' && l.requestId === id);
    expect(masked).toHaveLength(1);
    expect(masked[0].err.message).toMatch(/relation "session" does not exist/);
  });
});

describe('the captured lines', () => {
  it('are all valid JSON, with a level and a time', () => {
    expect(raw.length).toBeGreaterThan(20);
    for (const l of raw) {
      const line = JSON.parse(l);
      expect(typeof line.level).toBe('string');
      expect(typeof line.time).toBe('string');
    }
  });

  it('hold none of the e-mails, passwords, hashes, tokens, cookies, IPs or literals sent', () => {
    const all = raw.join('\n');
    expect(secrets.size).toBeGreaterThan(20);
    for (const s of secrets) {
      expect({ secret: s, found: all.includes(s) }).toEqual({ secret: s, found: false });
      // JSON escapes nothing in these, but a log may lower-case: check that too.
      expect({ secret: s, found: all.toLowerCase().includes(s.toLowerCase()) }).toEqual({ secret: s, found: false });
    }
    expect(all).not.toMatch(/\$argon2/);
    expect(all).not.toMatch(/@exemple\.org/);
    expect(all).not.toMatch(/\b198\.51\.100\.\d+\b/);
    expect(all).not.toMatch(/127\.0\.0\.1|::ffff/);
  });

  it('redact the usual names of personal fields if one is ever logged by mistake', () => {
    const before = raw.length;
    logger.info({ email: 'x@exemple.org', password: 'p', nested: { token: 't', cookie: 'c' }, kept: 1 }, 'oops');
    const line = JSON.parse(raw[before]);
    expect(line).toMatchObject({
      email: '[redacted]',
      password: '[redacted]',
      nested: { token: '[redacted]', cookie: '[redacted]' },
      kept: 1,
    });
    raw.splice(before);
  });
});
