import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../helpers/api-process';

const ROOT = path.resolve(__dirname, '../../..');
const START = path.join(ROOT, 'scripts', 'start.mjs');
const FAKE = path.join(ROOT, 'api', 'test', 'fixtures', 'fake-api');

interface Run {
  child: ChildProcess;
  out(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node scripts/start.mjs` in a process group of its own, as a terminal runs it (Ctrl-C signals the group). */
function runStart(env: Record<string, string | undefined>): Run {
  const { DATABASE_URL: _drop, ...inherited } = process.env;
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    // The API's info lines (ready, stopped) are what these tests read: npm test -w api runs at warn.
    env: { ...inherited, ESSOR_QUIET_MIGRATIONS: '1', ESSOR_LOG_LEVEL: 'info', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, out: () => out, exited };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number, run?: Run) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${run ? `:\n${run.out()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function post(port: number, query: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = http.request(
      `http://127.0.0.1:${port}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): Array<{ pid: number; cmd: string }> {
  const r = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [p, ...cmd] = l.trim().split(/\s+/);
      return { pid: Number(p), cmd: cmd.join(' ') };
    });
}

describe('npm start (scripts/start.mjs) with the embedded PostgreSQL', () => {
  let run: Run | undefined;
  let dir: string;
  afterAll(async () => {
    if (run && run.child.exitCode === null) {
      process.kill(-run.child.pid!, 'SIGKILL');
    }
    // The keeper and PostgreSQL are in a group of their own: stop them if the test left them.
    const pidFile = path.join(dir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
      } catch {
        /* gone */
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a crashed API without stopping PostgreSQL; Ctrl-C lets the API finish, then stops PostgreSQL', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-start-'));
    const [port, pgPort] = [await freePort(), await freePort()];
    run = runStart({
      PORT: String(port),
      ESSOR_PG_PORT: String(pgPort),
      ESSOR_PG_DATA: path.join(dir, 'pg'),
      ESSOR_API_ENTRY: 'api/src/main.ts',
      ESSOR_DEMO_DATA: '0',
      ESSOR_SHUTDOWN_GRACE_S: '5',
    });
    const r = run;
    await until('npm start to be ready', () => r.out().includes('Essor is running'), 60_000, r);
    expect((await post(port, '{ regions { code } }')).status).toBe(200);

    // The API crashes (killed): it is restarted; the database kept running.
    const apiPid = () => childrenOf(r.child.pid!).find((c) => c.cmd.includes('main.ts'))?.pid;
    const first = apiPid()!;
    expect(first).toBeGreaterThan(0);
    process.kill(first, 'SIGKILL');
    await until('the API to be restarted', () => r.out().includes('the API is running again'), 30_000, r);
    expect(r.out()).toMatch(/the API crashed \(signal SIGKILL\); the database keeps running, restarting the API in 0\.5 s/);
    expect(apiPid()).not.toBe(first);
    expect((await post(port, '{ regions { code } }')).status).toBe(200);

    // Ctrl-C while a request is in flight (held by a lock of the test).
    const db = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/essor` });
    db.on('error', () => {});
    await db.connect();
    await db.query('BEGIN');
    await db.query('LOCK TABLE departement IN ACCESS EXCLUSIVE MODE');
    const inFlight = post(port, '{ departements { code } }');
    await until(
      'the request to wait for the lock',
      async () =>
        (await db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'essor-api'`))
          .rowCount === 1,
      10_000,
      r,
    );
    process.kill(-r.child.pid!, 'SIGINT'); // the terminal's Ctrl-C: start.mjs and the API
    await new Promise((res) => setTimeout(res, 700));
    expect(r.child.exitCode).toBeNull();
    expect((await db.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]); // PostgreSQL still up
    await db.query('COMMIT');
    await db.end();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.data.departements.length).toBeGreaterThan(90);

    expect(await r.exited).toEqual({ code: 0, signal: null });
    const out = r.out();
    expect(out.indexOf('"msg":"stopped"')).toBeGreaterThan(0);
    expect(out.indexOf('[essor] embedded PostgreSQL stopped')).toBeGreaterThan(out.indexOf('"msg":"stopped"'));
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 90_000);
});

describe('npm start: the API failing', () => {
  it('before being ready the first time: stops, with its exit code and a message', async () => {
    const { port, pgUrl } = { port: await freePort(), pgUrl: process.env.DATABASE_URL! };
    const r = runStart({ PORT: String(port), DATABASE_URL: pgUrl, ESSOR_API_ENTRY: path.join(FAKE, 'fail-before-ready.mjs') });
    expect(await r.exited).toEqual({ code: 3, signal: null });
    expect(r.out()).toMatch(/the API stopped before being ready \(exit code 3\); stopping everything/);
  });

  it('crashing again and again: restarted with a growing delay, then given up', async () => {
    const supervisor = path.join(ROOT, 'scripts', 'api-supervisor.mjs');
    const driver = `
      import { superviseApi } from ${JSON.stringify(supervisor)};
      const started = Date.now();
      const s = superviseApi({ entry: ${JSON.stringify(path.join(FAKE, 'crash-after-ready.mjs'))}, env: process.env,
        maxCrashes: 4, backoffMs: (n) => 50 * 2 ** (n - 1) });
      const code = await s.done;
      console.log('done', code, Date.now() - started);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', driver], { encoding: 'utf8', timeout: 20_000 });
    const out = r.stdout + r.stderr;
    expect(out.match(/the API crashed \(exit code 1\); the database keeps running, restarting the API in/g)).toHaveLength(3);
    expect(out).toMatch(/restarting the API in 0\.05 s.*\n.*restarting the API in 0\.1 s.*\n.*restarting the API in 0\.2 s/);
    expect(out).toMatch(/the API crashed 4 times within 60 s \(last: exit code 1\): giving up; stopping everything/);
    expect(out).toMatch(/^done 1 \d+$/m);
  });
});
