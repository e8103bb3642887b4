import 'reflect-metadata';
import http from 'node:http';
import net from 'node:net';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/bootstrap';
import { createAppDataSource } from '../../src/data-source';
import { startApiProcess, type ApiProcess } from '../helpers/api-process';
import { createDatabase, dropDatabase } from '../helpers/databases';

// A database of its own: the tests lock one of its tables, and count the statements waiting on it.
const NAME = `essor_shutdown_${process.pid}_${Date.now().toString(36)}`;
let url: string;
let db: Client;
const processes: ApiProcess[] = [];

beforeAll(async () => {
  url = await createDatabase(NAME);
  const ds = createAppDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    await prepareDatabase(ds, { demo: true });
  } finally {
    await ds.destroy();
  }
  db = new Client({ connectionString: url });
  db.on('error', () => {}); // dropped with the database at the end
  await db.connect();
}, 60_000);

afterAll(async () => {
  for (const p of processes) p.kill();
  await db?.end();
  await dropDatabase(NAME);
});

async function start(env: Record<string, string>): Promise<ApiProcess> {
  const p = await startApiProcess({ DATABASE_URL: url, ...env });
  processes.push(p);
  await p.ready;
  return p;
}

/**
 * `LOCK TABLE departement, region` on a connection of the test, until `release()`: what reads them
 * waits. `departements` is read through TypeORM's pool, `region(code)` and a département's `region`
 * and `communeCount` through the loaders' pool, after it.
 */
async function lockTerritory() {
  const c = new Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  await c.query('BEGIN');
  await c.query('LOCK TABLE departement, region IN ACCESS EXCLUSIVE MODE');
  return {
    release: async () => {
      await c.query('COMMIT');
      await c.end();
    },
  };
}

/** Statements of the API (both pools) waiting for the test's lock. */
async function waitingOnLock(): Promise<number> {
  const [{ n }] = (
    await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name LIKE 'essor-api%' AND wait_event_type = 'Lock'`,
    )
  ).rows;
  return n;
}

async function until(what: string, check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a new connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: any;
  at: number;
}

/** A GraphQL POST over the given keep-alive agent; rejects on a reset. */
function post(p: ApiProcess, agent: http.Agent, query: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = http.request(
      p.url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(text), at: Date.now() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const DEPARTEMENTS = '{ departements { code region { name } communeCount } }';
const SEARCH_AND_DEPARTEMENTS = `{ searchStructures(text: "insertion", first: 20) { totalCount edges { node { name } } }
  departements { code region { name } communeCount } }`;
const LOADED_REGION = '{ region(code: "32") { name } departements { code region { name } communeCount } }';

describe('graceful shutdown of the API process', () => {
  it('on SIGTERM, every request in flight gets its complete answer, then the process exits 0 within the grace period', async () => {
    const grace = 10;
    const api = await start({ ESSOR_SHUTDOWN_GRACE_S: String(grace), ESSOR_DB_POOL: '40', ESSOR_DB_ACQUIRE_TIMEOUT_MS: '20000' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    // Warm-up: opens keep-alive connections (idle when the signal comes: closed at once).
    expect((await post(api, agent, DEPARTEMENTS)).status).toBe(200);

    const lock = await lockTerritory();
    const queries = [
      ...Array.from({ length: 12 }, () => DEPARTEMENTS),
      ...Array.from({ length: 6 }, () => SEARCH_AND_DEPARTEMENTS),
      ...Array.from({ length: 6 }, () => LOADED_REGION),
    ];
    const answers = queries.map((q) => post(api, agent, q));
    answers.forEach((a) => a.catch(() => {}));
    // A connection that has started sending a request when the signal comes (its headers in part).
    const late = net.connect(api.port, '127.0.0.1');
    let lateAnswer = '';
    late.on('data', (d) => (lateAnswer += d));
    const lateClosed = new Promise((r) => late.on('close', r));
    await new Promise((r) => late.on('connect', r));
    late.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\n');
    // Every request is in flight: its `departements` statement waits for the lock (one connection each).
    await until('the requests to be in flight', async () => (await waitingOnLock()) >= queries.length);

    const signalled = Date.now();
    api.child.kill('SIGTERM');
    // New connections are refused (the server stopped listening)…
    await until('new connections to be refused', () => refused(api.port), 5000);
    // …the request that was arriving on an open connection is served.
    const body = JSON.stringify({ query: DEPARTEMENTS });
    late.write(`Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    await new Promise((r) => setTimeout(r, 800));
    expect(api.child.exitCode).toBeNull(); // still draining
    const released = Date.now();
    await lock.release();

    const done = await Promise.all(answers);
    for (const a of done) {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data.departements.length).toBeGreaterThan(90);
      expect(a.body.data.departements.find((d: any) => d.code === '59')).toEqual({
        code: '59',
        region: { name: 'Hauts-de-France' },
        communeCount: expect.any(Number),
      });
      expect(a.connection).toBe('close');
      expect(a.at).toBeGreaterThanOrEqual(released);
    }
    expect(done.filter((a) => a.body.data.searchStructures?.totalCount > 0)).toHaveLength(6);
    expect(done.filter((a) => a.body.data.region?.name === 'Hauts-de-France')).toHaveLength(6);
    await lateClosed;
    expect(lateAnswer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(lateAnswer).toMatch(/\r\nConnection: close\r\n/i);
    expect(lateAnswer).toMatch(/"departements":\[\{"code"/);

    const exit = await api.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalled).toBeLessThan(grace * 1000);
    expect(api.stdout()).toMatch(/SIGTERM: stopping \(\d+ request\(s\) in flight, grace 10 s\)/);
    expect(api.stdout()).not.toMatch(/cutting/);
    expect(api.stderr()).toBe('');
    agent.destroy();
  }, 40_000);

  it('a request stuck past the grace period is cut (its statement cancelled), and the process still exits 0 soon after', async () => {
    const api = await start({ ESSOR_SHUTDOWN_GRACE_S: '1.5', ESSOR_STATEMENT_TIMEOUT_MS: '60000' });
    const agent = new http.Agent({ keepAlive: true });
    const lock = await lockTerritory();
    try {
      // Stuck on both pools: `departements` on TypeORM's, `region(code)` on the loaders'.
      const answers = [post(api, agent, '{ departements { code } }'), post(api, agent, '{ region(code: "32") { name } }')].map(
        (a) =>
          a.then(
            (r) => r,
            (e: Error) => e,
          ),
      );
      await until('the requests to be stuck', async () => (await waitingOnLock()) >= 2);
      const signalled = Date.now();
      api.child.kill('SIGTERM');
      const exit = await api.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalled).toBeGreaterThanOrEqual(1400);
      expect(exit.at - signalled).toBeLessThan(1500 + 3500);
      // The statements were cancelled, not left waiting in PostgreSQL after the process.
      expect(await waitingOnLock()).toBe(0);
      // The cut requests got a typed answer (or, at worst, their connection closed), never a 500.
      for (const a of await Promise.all(answers)) {
        if (a instanceof Error) continue;
        expect(a.status).toBe(503);
        expect(a.body.errors[0].extensions.code).toBe('QUERY_TIMEOUT');
      }
      expect(api.stdout()).toMatch(/grace period over: cutting 2 request\(s\)/);
      expect(api.stdout()).toMatch(/"msg":"stopped"/);
    } finally {
      await lock.release();
      agent.destroy();
    }
  }, 30_000);
});
