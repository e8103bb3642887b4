import 'reflect-metadata';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { createAppDataSource } from '../../src/data-source';
import { createHttpServer } from '../../src/http-server';
import { refreshSnapshot } from '../../src/modules/observatory/snapshot.service';
import { runRetention } from '../../src/modules/person/person-gdpr.service';
import { createAccount } from '../helpers/factories';

/** The real app on an ephemeral port, with pools and timeouts of the test's choosing. */
interface TimedServer {
  port: number;
  ds: DataSource;
  post(query: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any; ms: number }>;
  close(): Promise<void>;
}

async function startServer(o: {
  poolSize: number;
  statementTimeoutMs?: number;
  acquireTimeoutMs?: number;
  requestTimeoutMs?: number;
}): Promise<TimedServer> {
  const ds = createAppDataSource({
    url: process.env.DATABASE_URL!,
    poolSize: o.poolSize,
    statementTimeoutMs: o.statementTimeoutMs,
    acquireTimeoutMs: o.acquireTimeoutMs,
  });
  await ds.initialize();
  const { app, stop } = await createApp({ ds, responseCache: false });
  const server: Server = createHttpServer(app, { requestTimeoutMs: o.requestTimeoutMs ?? 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    ds,
    async post(query, headers = {}) {
      const started = Date.now();
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, headers: res.headers, body: await res.json(), ms: Date.now() - started };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await ds.destroy();
    },
  };
}

/** A connection of the test's own holding `LOCK TABLE … ACCESS EXCLUSIVE` until `release()`. */
async function lockTable(table: string): Promise<{ release(): Promise<void> }> {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await c.query('COMMIT');
      await c.end();
    },
  };
}

const expectUnavailable = (
  res: { status: number; headers: Headers; body: any },
  code: 'SERVICE_UNAVAILABLE' | 'QUERY_TIMEOUT',
) => {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors[0].extensions).toEqual({ code });
  expect(res.body.errors[0].message).toMatch(/Réessayez dans quelques instants/);
  // Nothing of the database's own words (statement, pool, connection) reaches the client.
  expect(JSON.stringify(res.body)).not.toMatch(/timeout exceeded|canceling statement|stack|SELECT/i);
};

describe('pool acquisition timeout', () => {
  let t: TimedServer;
  beforeAll(async () => {
    t = await startServer({ poolSize: 1, acquireTimeoutMs: 300 });
  });
  afterAll(() => t.close());

  it('no free connection: a clean, quick HTTP 503 with Retry-After and SERVICE_UNAVAILABLE, then service again', async () => {
    const held = t.ds.createQueryRunner();
    await held.connect(); // the pool's only connection, checked out by the test
    try {
      const res = await t.post('{ regions { code } }');
      expectUnavailable(res, 'SERVICE_UNAVAILABLE');
      expect(res.ms).toBeLessThan(2000);
    } finally {
      await held.release();
    }
    const again = await t.post('{ regions { code } }');
    expect(again.status).toBe(200);
    expect(again.body.data.regions.length).toBeGreaterThan(10);
  });

  it('also when it happens while reading the session of a signed-in request (context creation)', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const login = await fetch(`http://127.0.0.1:${t.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
        variables: { e: a.email, p: a.password },
      }),
    });
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const held = t.ds.createQueryRunner();
    await held.connect();
    try {
      expectUnavailable(await t.post('{ viewer { email } }', { cookie }), 'SERVICE_UNAVAILABLE');
    } finally {
      await held.release();
    }
    expect((await t.post('{ viewer { roles } }', { cookie })).body.data.viewer.roles).toEqual(['STEERING']);
  });
});

describe('statement timeout of the request pools', () => {
  let t: TimedServer;
  beforeAll(async () => {
    t = await startServer({ poolSize: 2, statementTimeoutMs: 300 });
  });
  afterAll(() => t.close());

  it('a statement over the timeout answers 503 QUERY_TIMEOUT, on both pools (TypeORM’s and the loaders’)', async () => {
    const lock = await lockTable('region');
    try {
      // `regions` is a plain query (TypeORM's pool); `region(code)` goes through a loader (readers' pool).
      const [list, loaded] = await Promise.all([t.post('{ regions { code } }'), t.post('{ region(code: "32") { name } }')]);
      expectUnavailable(list, 'QUERY_TIMEOUT');
      expectUnavailable(loaded, 'QUERY_TIMEOUT');
      expect(list.ms).toBeLessThan(3000);
    } finally {
      await lock.release();
    }
    const again = await t.post('{ region(code: "32") { name } }');
    expect(again.status).toBe(200);
    expect(again.body.data.region.name).toBe('Hauts-de-France');
  });

  it('jobs run on those pools are not cut: snapshot refresh and retention lift it', async () => {
    // Each job waits longer than the timeout on a lock held by the test, then completes.
    for (const [table, job] of [
      ['observatory_snapshot', () => refreshSnapshot(t.ds)],
      ['person', () => runRetention(t.ds)],
    ] as const) {
      const lock = await lockTable(table);
      const running = (job as () => Promise<unknown>)();
      await new Promise((r) => setTimeout(r, 700));
      await lock.release();
      await expect(running).resolves.toBeDefined();
    }
  });
});

describe('HTTP request timeouts', () => {
  let t: TimedServer;
  beforeAll(async () => {
    t = await startServer({ poolSize: 1, requestTimeoutMs: 1000 });
  });
  afterAll(() => t.close());

  /** Opens a raw connection, sends `head`, then one byte of `dribble` every 150 ms; resolves with what came back once the server closed it. */
  const slowClient = (head: string, dribble: string) =>
    new Promise<{ answer: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(t.port, '127.0.0.1');
      let answer = '';
      let i = 0;
      const timer = setInterval(() => {
        if (i < dribble.length && socket.writable) socket.write(dribble[i++]);
      }, 150);
      socket.on('connect', () => socket.write(head));
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, ms: Date.now() - started });
      });
      setTimeout(() => {
        socket.destroy();
        reject(new Error(`the server kept the slow connection open: ${answer}`));
      }, 8000).unref();
    });

  it('a client sending its body slowly is cut after the timeout (408)', async () => {
    const body = JSON.stringify({ query: '{ regions { code name } }' }).padEnd(400, ' ');
    const { answer, ms } = await slowClient(
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3000);
  });

  it('so is a client sending its headers slowly', async () => {
    const { answer, ms } = await slowClient('POST /graphql HTTP/1.1\r\n', 'Host: localhost\r\nX-Slow: ' + 'a'.repeat(100));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(3000);
  });

  it('a normal request is served', async () => {
    const res = await t.post('{ regions { code } }');
    expect(res.status).toBe(200);
  });
});
