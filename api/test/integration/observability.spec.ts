import 'reflect-metadata';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runMigrations, quickAddJob } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import { spaOperationNames } from '../../scripts/emit-known-operations';
import { createApp } from '../../src/app';
import { createAppDataSource } from '../../src/data-source';
import { loadSqlMigrations } from '../../src/common/db/sql-migrations';
import { metricsConfigFrom, startMetricsServer } from '../../src/common/http/health';
import { routeClassOf } from '../../src/common/metrics/http-metrics';
import { KNOWN_OPERATIONS } from '../../src/common/metrics/known-operations';
import { createDatabase, dropDatabase } from '../helpers/databases';
import { createAccount, createStructure, toGlobal, uniqueToken } from '../helpers/factories';

const TOKEN = 'jeton-de-test-0123456789abcdef';
const SHIPPED = loadSqlMigrations().length;

interface App {
  /** http://127.0.0.1:port */
  base: string;
  ds: DataSource;
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

const apps: App[] = [];
/**
 * The real app over HTTP, on `url` (default: the run's database), under the given environment
 * (read when the app is created), optionally with a built SPA.
 */
async function startApp(
  o: { url?: string; env?: Record<string, string | undefined>; spaDir?: string; responseCache?: boolean } = {},
): Promise<App> {
  const saved = Object.fromEntries(Object.keys(o.env ?? {}).map((k) => [k, process.env[k]]));
  const setEnv = (env: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  setEnv(o.env ?? {});
  const ds = createAppDataSource({ url: o.url ?? process.env.DATABASE_URL!, poolSize: 2 });
  await ds.initialize();
  try {
    const { app, stop } = await createApp({
      ds,
      responseCache: o.responseCache ?? false,
      trustProxy: 'loopback',
      webPublicDir: o.spaDir,
    });
    const server: Server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let closed = false;
    const a: App = {
      base,
      ds,
      gql: (query, variables, headers = {}) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        }),
      async close() {
        if (closed) return;
        closed = true;
        await new Promise((resolve) => server.close(resolve));
        await stop();
        await ds.destroy().catch(() => {});
      },
    };
    apps.push(a);
    return a;
  } finally {
    setEnv(saved);
  }
}

afterAll(async () => {
  for (const a of apps) await a.close();
});

const json = async (res: Response): Promise<any> => res.json();
const scrape = (a: App, token = TOKEN) => fetch(`${a.base}/metrics`, { headers: { authorization: `Bearer ${token}` } });

/** The value of one sample of a Prometheus text exposition (undefined: no such sample). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}
const sampleOr0 = (text: string, name: string, labels: Record<string, string> = {}) => sample(text, name, labels) ?? 0;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('/healthz and /readyz', () => {
  let t: App;
  beforeAll(async () => {
    t = await startApp();
  });

  it('/healthz: 200, not cached', async () => {
    const res = await fetch(`${t.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('/readyz: 200 when every migration the code ships is applied', async () => {
    const res = await fetch(`${t.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ready', migrations: SHIPPED });
  });

  describe('on a database of its own', () => {
    const NAME = `essor_ready_${process.pid}_${Date.now().toString(36)}`;
    let url: string;
    beforeAll(async () => {
      url = await createDatabase(NAME);
      const ds = createAppDataSource({ url, poolSize: 1 });
      await ds.initialize();
      try {
        await ds.runMigrations();
      } finally {
        await ds.destroy();
      }
    });
    afterAll(() => dropDatabase(NAME));

    it('/readyz: 503 with the reason and the missing migration when one is not applied, 200 once it is', async () => {
      const a = await startApp({ url });
      expect((await fetch(`${a.base}/readyz`)).status).toBe(200);
      const [row] = await a.ds.query(`SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1`);
      await a.ds.query(`DELETE FROM migrations WHERE id = $1`, [row.id]);
      try {
        const res = await fetch(`${a.base}/readyz`);
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const body = await json(res);
        expect(body).toEqual({
          status: 'unavailable',
          reason: 'MIGRATIONS_PENDING',
          message: expect.any(String),
          pending: [row.name],
        });
        // Liveness does not depend on it.
        expect((await fetch(`${a.base}/healthz`)).status).toBe(200);
      } finally {
        await a.ds.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [row.id, row.timestamp, row.name]);
      }
      expect((await fetch(`${a.base}/readyz`)).status).toBe(200);
    });

    it('/readyz: 503 when no migration was ever applied (no migrations table)', async () => {
      await a2DropMigrationsTable(url, async (a) => {
        const body = await json(await fetch(`${a.base}/readyz`));
        expect(body.reason).toBe('MIGRATIONS_PENDING');
        expect(body.pending).toHaveLength(Math.min(SHIPPED, 20));
      });
    });

    // Last: it drops the database under a running app.
    it('database gone: /readyz 503 DATABASE_UNAVAILABLE, /healthz still 200 (it never touches the database), /metrics still answers', async () => {
      const a = await startApp({ url, env: { ESSOR_METRICS_TOKEN: TOKEN } });
      expect((await fetch(`${a.base}/readyz`)).status).toBe(200);
      expect(sample(await (await scrape(a)).text(), 'essor_metrics_database_up')).toBe(1);
      await dropDatabase(NAME);
      const ready = await fetch(`${a.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await json(ready)).toEqual({ status: 'unavailable', reason: 'DATABASE_UNAVAILABLE', message: expect.any(String) });
      const live = await fetch(`${a.base}/healthz`);
      expect(live.status).toBe(200);
      expect(await json(live)).toEqual({ status: 'ok' });
      const metrics = await scrape(a);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(sample(text, 'essor_metrics_database_up')).toBe(0);
      expect(sample(text, 'essor_db_pool_connections', { pool: 'main', state: 'waiting' })).toBe(0);
    });
  });
});

/** An app on `url` whose `migrations` table is renamed away for the time of `fn`. */
async function a2DropMigrationsTable(url: string, fn: (a: App) => Promise<void>) {
  const a = await startApp({ url });
  await a.ds.query(`ALTER TABLE migrations RENAME TO migrations_away`);
  try {
    await fn(a);
  } finally {
    await a.ds.query(`ALTER TABLE migrations_away RENAME TO migrations`);
  }
}

describe('/metrics access', () => {
  it('without ESSOR_METRICS_TOKEN: 404 in JSON, whatever the Authorization', async () => {
    const a = await startApp({ env: { ESSOR_METRICS_TOKEN: undefined } });
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) {
      const res = await fetch(`${a.base}/metrics`, { headers });
      expect(res.status).toBe(404);
      expect((await json(res)).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('with ESSOR_METRICS_TOKEN: 401 without a token, 403 with a wrong one, 200 with the right one', async () => {
    const a = await startApp({ env: { ESSOR_METRICS_TOKEN: TOKEN } });
    const none = await fetch(`${a.base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await json(none)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const authorization of [`Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, TOKEN]) {
      expect((await fetch(`${a.base}/metrics`, { headers: { authorization } })).status).toBe(401);
    }
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(1), 'x'.repeat(TOKEN.length)]) {
      const res = await scrape(a, wrong);
      expect(res.status).toBe(403);
      expect((await json(res)).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const ok = await scrape(a);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.text()).toMatch(/^# HELP /m);
  });

  it('a too short or malformed token, or a bad port, stops the start-up', () => {
    expect(() => metricsConfigFrom({ ESSOR_METRICS_TOKEN: 'court' })).toThrow(/ESSOR_METRICS_TOKEN/);
    expect(() => metricsConfigFrom({ ESSOR_METRICS_TOKEN: 'avec des espaces dedans' })).toThrow(/ESSOR_METRICS_TOKEN/);
    expect(() => metricsConfigFrom({ ESSOR_METRICS_PORT: '9x' })).toThrow(/ESSOR_METRICS_PORT/);
    expect(() => metricsConfigFrom({ ESSOR_METRICS_PORT: '70000' })).toThrow(/ESSOR_METRICS_PORT/);
    expect(metricsConfigFrom({ ESSOR_METRICS_TOKEN: '  ', ESSOR_METRICS_PORT: '' })).toEqual({});
    expect(metricsConfigFrom({ ESSOR_METRICS_TOKEN: TOKEN, ESSOR_METRICS_PORT: '9464' })).toEqual({ token: TOKEN, port: 9464 });
  });

  it('ESSOR_METRICS_PORT: /metrics without a token on that port only (the API port still answers 404)', async () => {
    const port = await freePort();
    const a = await startApp({ env: { ESSOR_METRICS_TOKEN: undefined } });
    const server = startMetricsServer(a.ds, '127.0.0.1', metricsConfigFrom({ ESSOR_METRICS_PORT: String(port) }))!;
    try {
      await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('essor_db_pool_connections');
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const other = await fetch(`http://127.0.0.1:${port}/graphql`);
      expect(other.status).toBe(404);
      expect((await fetch(`${a.base}/metrics`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(startMetricsServer(a.ds, '127.0.0.1', {})).toBeUndefined();
  });
});

describe('/metrics content', () => {
  let a: App;
  let structureId: string;
  beforeAll(async () => {
    a = await startApp({ env: { ESSOR_METRICS_TOKEN: TOKEN }, responseCache: true });
    structureId = toGlobal('Structure', (await createStructure(a.ds)).id);
  });
  afterAll(async () => {
    // Response cache entries are stored after the answer: let the last ones land.
    await new Promise((r) => setTimeout(r, 200));
  });

  const STRUCTURE_PAGE = `query StructurePage($id: ID!) { structure(id: $id) { id name sectors { id } } }`;

  it('request durations, operation durations and SQL statements by operation name, errors by code, pools, default metrics', async () => {
    const before = await (await scrape(a)).text();
    for (let i = 0; i < 3; i++) expect((await a.gql(STRUCTURE_PAGE, { id: structureId })).status).toBe(200);
    // A name no SPA sends counts as `other`; one without a name as `anonymous`.
    await a.gql(`query MyOwnName${uniqueToken()} { __typename }`);
    await a.gql(`{ __typename }`);
    // Errors: a validation error (400) and a code of ours.
    expect((await a.gql(`query StructurePage { nope }`)).status).toBe(400);
    const bad = await json(await a.gql(STRUCTURE_PAGE, { id: 'pas-un-identifiant' }));
    const badCode = bad.errors[0].extensions.code;
    expect(badCode).toMatch(/^[A-Z_]+$/);
    expect((await fetch(`${a.base}/graphql/x`)).status).toBe(404);

    const text = await (await scrape(a)).text();
    const delta = (name: string, labels: Record<string, string>) =>
      sampleOr0(text, name, labels) - sampleOr0(before, name, labels);

    expect(
      delta('essor_http_request_duration_seconds_count', { method: 'POST', route: 'graphql', status: '200' }),
    ).toBeGreaterThanOrEqual(6);
    expect(delta('essor_http_request_duration_seconds_count', { method: 'POST', route: 'graphql', status: '400' })).toBe(1);
    expect(delta('essor_http_request_duration_seconds_count', { method: 'GET', route: 'unknown_api', status: '404' })).toBe(1);
    expect(
      sample(text, 'essor_http_request_duration_seconds_bucket', { route: 'graphql', status: '200', le: '+Inf' }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, 'essor_http_request_duration_seconds_count', { method: 'GET', route: 'metrics', status: '200' }),
    ).toBeGreaterThan(0);

    expect(delta('essor_graphql_operation_duration_seconds_count', { operation: 'StructurePage' })).toBe(5);
    expect(delta('essor_graphql_operation_duration_seconds_count', { operation: 'other' })).toBe(1);
    expect(delta('essor_graphql_operation_duration_seconds_count', { operation: 'anonymous' })).toBe(1);
    expect(text).not.toMatch(/MyOwnName/);
    expect(
      sample(text, 'essor_graphql_operation_duration_seconds_bucket', { operation: 'StructurePage', le: '+Inf' }),
    ).toBeGreaterThan(0);
    // Statements: the structure, then its sectors (one fused read).
    expect(delta('essor_graphql_operation_sql_statements_count', { operation: 'StructurePage' })).toBe(5);
    expect(delta('essor_graphql_operation_sql_statements_sum', { operation: 'StructurePage' })).toBeGreaterThanOrEqual(3);
    expect(delta('essor_graphql_operation_sql_statements_bucket', { operation: 'StructurePage', le: '0' })).toBeLessThan(5);

    expect(delta('essor_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta('essor_graphql_errors_total', { code: badCode })).toBe(1);

    for (const pool of ['main', 'reads']) {
      for (const state of ['in_use', 'idle', 'waiting']) {
        expect(sample(text, 'essor_db_pool_connections', { pool, state })).toBeGreaterThanOrEqual(0);
      }
      expect(sample(text, 'essor_db_pool_max', { pool })).toBe(2);
    }
    expect(
      sample(text, 'essor_db_pool_connections', { pool: 'main', state: 'idle' })! +
        sample(text, 'essor_db_pool_connections', { pool: 'main', state: 'in_use' })!,
    ).toBeGreaterThan(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    // The placeholders the job runner feeds exist (no sample until then).
    expect(text).toContain('# TYPE essor_job_runs_total counter');
    expect(text).toContain('# TYPE essor_job_failures_total counter');
  });

  it('response cache hits and misses', async () => {
    const before = await (await scrape(a)).text();
    const query = `query StructurePage($id: ID!) { structure(id: $id) { id name } }`;
    const first = await a.gql(query, { id: structureId });
    expect(first.headers.get('x-essor-cache')).toBeNull();
    let hit = false;
    for (let i = 0; i < 50 && !hit; i++) {
      await new Promise((r) => setTimeout(r, 20));
      hit = (await a.gql(query, { id: structureId })).headers.get('x-essor-cache') === 'hit';
    }
    expect(hit).toBe(true);
    const text = await (await scrape(a)).text();
    const delta = (result: string) =>
      sampleOr0(text, 'essor_response_cache_requests_total', { result }) -
      sampleOr0(before, 'essor_response_cache_requests_total', { result });
    expect(delta('hit')).toBe(1);
    expect(delta('miss')).toBeGreaterThanOrEqual(1);
    // Signed-in viewers and mutations are not cache lookups.
    expect(sample(text, 'essor_response_cache_requests_total', { result: 'hit' })).toBeGreaterThan(0);
  });

  it('no personal data: no e-mail, address, name or id of the requests in the output', async () => {
    const email = `${uniqueToken('metrique')}@exemple.org`;
    const account = await createAccount(a.ds, { roles: ['ADMIN'], email });
    const ip = '203.0.113.77';
    const login = await a.gql(
      `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`,
      { e: email, p: account.password },
      { 'x-forwarded-for': ip },
    );
    expect(login.status).toBe(200);
    await a.gql(
      `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`,
      { e: email, p: 'faux' },
      { 'x-forwarded-for': ip },
    );
    await fetch(`${a.base}/api/${encodeURIComponent(email)}`, { headers: { 'x-forwarded-for': ip } });
    const text = await (await scrape(a)).text();
    expect(sample(text, 'essor_graphql_operation_duration_seconds_count', { operation: 'Login' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'essor_graphql_errors_total', { code: 'INVALID_CREDENTIALS' })).toBeGreaterThanOrEqual(1);
    for (const secret of [email, email.split('@')[0], ip, '127.0.0.1', structureId, account.password]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/@/);
  });
});

describe('queues read from the database at each scrape', () => {
  const NAME = `essor_queues_${process.pid}_${Date.now().toString(36)}`;
  let url: string;
  beforeAll(async () => {
    url = await createDatabase(NAME);
    const ds = createAppDataSource({ url, poolSize: 1 });
    await ds.initialize();
    try {
      await ds.runMigrations();
    } finally {
      await ds.destroy();
    }
  });
  afterAll(() => dropDatabase(NAME));

  it('mail queue and jobs: the outbox by status; nothing while graphile-worker is absent, counts once it exists', async () => {
    const a = await startApp({ url, env: { ESSOR_METRICS_TOKEN: TOKEN } });
    let text = await (await scrape(a)).text();
    expect(sample(text, 'essor_metrics_database_up')).toBe(1);
    expect(sample(text, 'essor_mail_outbox_messages', { status: 'queued' })).toBe(0);
    expect(sample(text, 'essor_job_queue_jobs')).toBeUndefined();

    // graphile-worker's schema, as prepareDatabase installs it.
    await a.ds.query(
      `INSERT INTO mail_outbox (recipient, subject, body, status) VALUES
         ('a@exemple.org', 's', 'b', 'queued'), ('b@exemple.org', 's', 'b', 'queued'), ('c@exemple.org', 's', 'b', 'sent')`,
    );
    await runMigrations({ connectionString: url, logger: undefined });
    await quickAddJob({ connectionString: url }, 'send_mail', { mailId: 1 });
    await quickAddJob({ connectionString: url }, 'send_mail', { mailId: 2 }, { maxAttempts: 1 });
    await a.ds.query(`UPDATE graphile_worker._private_jobs SET attempts = 1 WHERE max_attempts = 1`);

    text = await (await scrape(a)).text();
    expect(sample(text, 'essor_mail_outbox_messages', { status: 'queued' })).toBe(2);
    expect(sample(text, 'essor_mail_outbox_messages', { status: 'sent' })).toBe(1);
    expect(sample(text, 'essor_job_queue_jobs', { task: 'send_mail', state: 'waiting' })).toBe(1);
    expect(sample(text, 'essor_job_queue_jobs', { task: 'send_mail', state: 'failed' })).toBe(1);
    expect(text).not.toMatch(/@/);
    await a.close();
  });
});

describe('unknown paths under the API prefixes', () => {
  let a: App;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-obs-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><body>SPA</body></html>');
    a = await startApp({ spaDir: dir });
  });

  it.each([
    ['GET', '/graphql/x'],
    ['POST', '/graphql/x'],
    ['GET', '/graphql/x/y?query=%7B__typename%7D'],
    ['GET', '/api'],
    ['GET', '/api/x'],
    ['POST', '/api/x'],
    ['GET', '/healthz/x'],
    ['GET', '/readyz/x'],
    ['GET', '/metrics/x'],
    ['GET', '/.well-known/x'],
    ['GET', '/API/x'],
  ])('%s %s: 404 in JSON, not the SPA', async (method, p) => {
    const res = await fetch(`${a.base}${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: '{"query":"{ __typename }"}' } : {}),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json(res)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('the SPA fallback and /graphql are unchanged', async () => {
    for (const p of ['/', '/recherche', '/structures/abc', '/apiculture', '/healthzx']) {
      const res = await fetch(`${a.base}${p}`);
      expect({ p, status: res.status, html: (await res.text()).includes('SPA') }).toEqual({ p, status: 200, html: true });
    }
    const gql = await a.gql('{ __typename }');
    expect(gql.status).toBe(200);
    expect(
      (await fetch(`${a.base}/graphql/?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': '1' } })).status,
    ).toBe(200);
  });

  it('route classes are a handful of values whatever the path', () => {
    expect(routeClassOf('/graphql')).toBe('graphql');
    expect(routeClassOf('/readyz')).toBe('readyz');
    expect(routeClassOf('/api/x')).toBe('unknown_api');
    expect(routeClassOf('/structures/123')).toBe('page');
    expect(routeClassOf('/assets/index-abc.js')).toBe('asset');
    expect(routeClassOf('/admin/structures/1')).toBe('admin_page');
  });
});

describe('operation names of the metrics', () => {
  it('known-operations.ts lists the operations of both SPAs (run `node -r @swc-node/register api/scripts/emit-known-operations.ts` after `npm run codegen`)', () => {
    const names = spaOperationNames();
    expect(names.length).toBeGreaterThan(50);
    expect([...KNOWN_OPERATIONS]).toEqual(names);
  });
});
