import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { logger, setLogDestination } from '../../src/common/log/logger';
import { LOGIN_LIMITS } from '../../src/modules/account/auth.service';
import { startCluster, fillDatabase, type Cluster } from '../helpers/clusters';
import { createAccount, createStructure, toGlobal } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { startStreamingReplica, type StreamingReplica } from '../helpers/streaming-replica';

// A primary and a streaming replica of its own (embedded binaries), two API instances reading the
// replica (as two replicas of the API behind nginx), and one whose replica cannot be reached.
jest.setTimeout(60_000);

let base: string;
let primary: Cluster;
let replica: StreamingReplica;
let primaryUrl: string;
let a: TestServer;
let b: TestServer;
let dead: TestServer;
let cached: TestServer;

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Waits until the replica has replayed everything the primary wrote so far. */
async function caughtUp(): Promise<void> {
  const [{ lsn }] = await sql<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
  for (let i = 0; i < 200; i++) {
    const [{ ok }] = await sql<{ ok: boolean }>(replica.url('essor'), 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [
      lsn,
    ]);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the replica did not catch up');
}

const pauseReplay = () => sql(replica.url('essor'), 'SELECT pg_wal_replay_pause()');
async function resumeReplay() {
  await sql(replica.url('essor'), 'SELECT pg_wal_replay_resume()');
  await caughtUp();
}

const NAME = `query ($id: ID!) { structure(id: $id) { name } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $i: StructurePatch!) { updateStructure(id: $id, version: $v, input: $i) { name version } }`;
const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const cookieOf = (setCookies: string[], name: string) =>
  setCookies.map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`));
const nameVia = async (t: TestServer, id: string, cookie?: string) =>
  (await t.gql<{ structure: { name: string } | null }>(NAME, { id }, cookie ? { cookie } : {})).data?.structure?.name;

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-replica-'));
  fs.chmodSync(base, 0o755);
  primary = await startCluster(path.join(base, 'primary'));
  primaryUrl = await fillDatabase(primary.url());
  replica = await startStreamingReplica(primary.url(), path.join(base, 'primary'), path.join(base, 'replica'));
  const replicaUrls = [replica.url('essor')];
  a = await startTestServer({ databaseUrl: primaryUrl, replicaUrls });
  b = await startTestServer({ databaseUrl: primaryUrl, replicaUrls });
  cached = await startTestServer({ databaseUrl: primaryUrl, replicaUrls, responseCache: true });
  // Nothing listens on port 1.
  dead = await startTestServer({ databaseUrl: primaryUrl, replicaUrls: ['postgres://postgres:postgres@127.0.0.1:1/essor'] });
}, 60_000);

afterAll(async () => {
  for (const t of [a, b, dead, cached]) await t?.close();
  await replica?.stop();
  await primary?.stop();
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

afterEach(() => {
  delete process.env.ESSOR_READ_YOUR_WRITES_S;
});

describe('reads on a streaming replica', () => {
  it('the replica is a standby that streams from the primary', async () => {
    const [{ standby }] = await sql<{ standby: boolean }>(replica.url('essor'), 'SELECT pg_is_in_recovery() AS standby');
    expect(standby).toBe(true);
    const [{ n }] = await sql<{ n: number }>(
      primaryUrl,
      `SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'`,
    );
    expect(n).toBe(1);
  });

  it('anonymous reads of the loaders are served by the replica (stale while its replay is paused)', async () => {
    const s = await createStructure(a.ds, { name: 'Avant la pause' });
    await caughtUp();
    const id = toGlobal('Structure', s.id);
    expect(await nameVia(a, id)).toBe('Avant la pause');
    await pauseReplay();
    try {
      await sql(primaryUrl, `UPDATE structure SET name = 'Après la pause' WHERE id = $1`, [s.id]);
      // Both API instances answer from the replica: the old name.
      expect(await nameVia(a, id)).toBe('Avant la pause');
      expect(await nameVia(b, id)).toBe('Avant la pause');
    } finally {
      await resumeReplay();
    }
    expect(await nameVia(b, id)).toBe('Après la pause');
    const [{ n }] = await sql<{ n: number }>(
      replica.url('essor'),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'essor-api-replica%'`,
    );
    expect(n).toBeGreaterThan(0);
  });

  it('a session reads its own writes at once, through the other API instance too; others see the replica', async () => {
    const s = await createStructure(a.ds, { name: 'Nom initial' });
    const admin = await createAccount(a.ds, { roles: ['ADMIN'] });
    const session = await a.login(admin.email, admin.password);
    await caughtUp();
    const id = toGlobal('Structure', s.id);
    await pauseReplay();
    try {
      const res = await a.gql(UPDATE, { id, v: 1, i: { name: 'Nom modifié' } }, { cookie: session });
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateStructure).toEqual({ name: 'Nom modifié', version: 2 });
      const written = cookieOf(res.cookies, 'essor_w');
      expect(written).toMatch(/^essor_w=\d+$/);
      expect(res.cookies.find((c) => c.startsWith('essor_w='))).toMatch(/HttpOnly/i);
      expect(res.cookies.find((c) => c.startsWith('essor_w='))).toMatch(/SameSite=Lax/i);
      // The same session, through either instance: the primary.
      expect(await nameVia(b, id, `${session}; ${written}`)).toBe('Nom modifié');
      expect(await nameVia(a, id, `${session}; ${written}`)).toBe('Nom modifié');
      // Anonymous, and the same session without the cookie: the replica, still behind.
      expect(await nameVia(b, id)).toBe('Nom initial');
      expect(await nameVia(b, id, session)).toBe('Nom initial');
      // Past the window, the session reads the replica again.
      process.env.ESSOR_READ_YOUR_WRITES_S = '0.2';
      await new Promise((r) => setTimeout(r, 300));
      expect(await nameVia(b, id, `${session}; ${written}`)).toBe('Nom initial');
    } finally {
      await resumeReplay();
    }
  });

  it('a mutation reads the primary: an anonymous proposal on a structure the replica does not have yet', async () => {
    await pauseReplay();
    try {
      const s = await createStructure(a.ds, { name: 'Toute neuve' });
      const id = toGlobal('Structure', s.id);
      expect(await nameVia(b, id)).toBeUndefined(); // the replica has not seen it
      const res = await b.gql(
        `mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`,
        { i: { structureId: id, phone: '03 27 00 00 09', message: 'Nouveau numéro', submitterEmail: 'proposeur@example.org' } },
        { 'x-forwarded-for': '198.51.100.90' },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.suggestCorrection.id).toBeTruthy();
      expect(cookieOf(res.cookies, 'essor_w')).toBeUndefined(); // anonymous: no read-your-writes
    } finally {
      await resumeReplay();
    }
  });

  it('the shared response cache never stores what a lagging replica answered', async () => {
    const s = await createStructure(a.ds, { name: 'Cache avant' });
    await caughtUp();
    const id = toGlobal('Structure', s.id);
    await pauseReplay();
    try {
      await sql(primaryUrl, `UPDATE structure SET name = 'Cache après' WHERE id = $1`, [s.id]);
      expect(await nameVia(a, id)).toBe('Cache avant'); // the replica is behind
      // A miss of the cache: its answer is stored under the primary's snapshot, so it reads the primary.
      expect(await nameVia(cached, id)).toBe('Cache après');
    } finally {
      await resumeReplay();
    }
    const hit = await cached.gql<{ structure: { name: string } }>(NAME, { id });
    expect(hit.headers.get('x-essor-cache')).toBe('hit');
    expect(hit.data!.structure.name).toBe('Cache après');
  });

  it('anonymous mutations get no write cookie', async () => {
    const res = await a.gql(
      LOGIN,
      { e: 'personne@example.org', p: 'pas le bon mot de passe' },
      { 'x-forwarded-for': '198.51.100.7' },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(cookieOf(res.cookies, 'essor_w')).toBeUndefined();
  });

  it('sessions and login limits are shared by the two API instances (they live in PostgreSQL)', async () => {
    const acc = await createAccount(a.ds, { roles: ['ADMIN'] });
    const session = await a.login(acc.email, acc.password);
    const viewer = await b.gql<{ viewer: { id: string } | null }>(`{ viewer { id } }`, {}, { cookie: session });
    expect(viewer.data?.viewer?.id).toBeTruthy();

    const other = await createAccount(a.ds, { roles: ['ADMIN'] });
    const max = LOGIN_LIMITS.failuresPerAccount;
    for (let i = 0; i < max; i++) {
      const t = i % 2 ? b : a;
      const res = await t.gql(
        LOGIN,
        { e: other.email, p: 'pas le bon mot de passe' },
        { 'x-forwarded-for': `198.51.100.${20 + i}` },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    const refused = await b.gql(LOGIN, { e: other.email, p: other.password }, { 'x-forwarded-for': '198.51.100.60' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('an unreachable replica: the primary answers, no error; one warning, without credentials', async () => {
    const s = await createStructure(a.ds, { name: 'Sans réplique' });
    const lines: string[] = [];
    const saved = logger.level;
    logger.level = 'info';
    const restore = setLogDestination({ write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)) });
    let res;
    try {
      res = await dead.gql<{ structure: { name: string } }>(NAME, { id: toGlobal('Structure', s.id) });
    } finally {
      restore();
      logger.level = saved;
    }
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'replica unavailable: reads go to the primary');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', replica: '127.0.0.1:1/essor' });
    expect(lines.join('\n')).not.toContain('postgres:postgres');
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure.name).toBe('Sans réplique');
    // Left aside: the next read goes straight to the primary.
    const again = await dead.gql<{ structure: { name: string } }>(NAME, { id: toGlobal('Structure', s.id) });
    expect(again.data!.structure.name).toBe('Sans réplique');
  });
});

describe("docker-compose.yml's scale profile", () => {
  const ROOT = path.resolve(__dirname, '../../..');
  const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
  // `yaml` is in node_modules through the SPAs' GraphQL codegen (tests only, as monitoring-profile.spec.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  const services = parse(read('docker-compose.yml')).services as Record<string, Record<string, any>>;

  it('a primary, a streaming replica, two API replicas behind nginx, all in the profile; the default stack apart', () => {
    for (const s of ['db-primary', 'db-replica', 'api-1', 'api-2', 'web-scale']) expect(services[s].profiles).toEqual(['scale']);
    for (const s of ['db', 'api', 'web']) expect(services[s].profiles).toBeUndefined();
    expect(services['db-primary'].command.join(' ')).toContain('wal_level=replica');
    expect(services['db-replica'].command.join(' ')).toMatch(/pg_basebackup -h db-primary .*-R/);
    for (const api of ['api-1', 'api-2']) {
      expect(services[api].environment.DATABASE_URL).toContain('@db-primary:5432/');
      expect(services[api].environment.DATABASE_REPLICA_URLS).toContain('@db-replica:5432/');
      expect(services[api].environment.ESSOR_READ_YOUR_WRITES_S).toBeDefined();
    }
    expect(services['web-scale'].volumes).toContain('./deploy/nginx-scale.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('nginx-scale.conf is nginx.conf with the upstream of both API replicas, nothing else', () => {
    const scale = read('deploy/nginx-scale.conf');
    const upstream = /upstream essor_api \{([^}]*)\}/.exec(scale)![1];
    expect(upstream).toMatch(/server api-1:4000/);
    expect(upstream).toMatch(/server api-2:4000/);
    const rest = scale
      .replace(/^#.*\n/gm, '')
      .replace(/upstream essor_api \{[^}]*\}\n\n/, '')
      .replace(/ *proxy_http_version 1\.1;\n *proxy_set_header Connection "";\n/, '')
      .replaceAll('http://essor_api', 'http://api:4000');
    expect(rest).toBe(read('deploy/nginx.conf').replace(/^#.*\n/gm, ''));
  });
});
