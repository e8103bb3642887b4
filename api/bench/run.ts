/**
 * `npm run bench [-- --duration 30 --runs 3 --warmup 5 --connections 10 --quick --only search,nested
 *   --database-url URL --no-build --no-peer --no-write]`
 *
 * Runs Essor's API in production mode (built, ESSOR_MIGRATE=0, ESSOR_DEMO_DATA=0,
 * ESSOR_EXPOSE_SQL_COUNT=1) against the bench database, then PostGraphile 5 over the same
 * database and pool size, and drives each with autocannon: per operation a warm-up, then `runs`
 * runs of `duration` seconds; the report gives the median of the runs. It prints a markdown
 * report and writes it into BENCHMARKS.md (between the `bench:results` markers).
 */
import 'reflect-metadata';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ensureNode22, node22Version } from '../../scripts/node22.mjs';
import { createAppDataSource } from '../src/data-source';
import { API_DIR, REPO_DIR, checkMigrationHashes, embeddedPg, openBenchDatabase, serverFacts, withClient } from './db';
import { prepareObservatory } from './observatory';
import { OPERATIONS, statementBudget, type BenchOperation, type BenchRole, type Fixtures } from './operations';
import { requestsOf, sessionCookie, staticRequests, type RequestSource } from './requests';

// ------------------------------------------------------------------ options

export interface BenchOptions {
  databaseUrl?: string;
  duration: number;
  runs: number;
  warmup: number;
  connections: number;
  pool: number;
  only?: string[];
  build: boolean;
  /** Run the API from its TypeScript sources (swc) instead of the build: for the CI check. */
  fromSource: boolean;
  peer: boolean;
  /** Also measure the anonymous operations with the shared response cache on (« Essor (cached) » rows). */
  cached: boolean;
  write: boolean;
  /** A run during which unrelated processes used more cores than this is discarded and redone… */
  maxOtherCores: number;
  /** …at most this many times per operation. */
  retries: number;
  /** The command line, for the report. */
  command: string;
  log?: (m: string) => void;
}

/** Essor without the response cache, Essor with it (anonymous operations only), PostGraphile. */
export type ServerName = 'essor' | 'essor-cached' | 'postgraphile';
const SERVER_LABEL: Record<ServerName, string> = {
  essor: 'Essor',
  'essor-cached': 'Essor (cached)',
  postgraphile: 'PostGraphile',
};

export interface RunStats {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU time of the server process (user + system), ms. */
  cpuMs: number;
  /** CPU time of all PostgreSQL processes, ms (null when the server is not local). */
  dbCpuMs: number | null;
  /** CPU time of this process (autocannon), ms. */
  clientCpuMs: number;
  /** Largest RSS sampled during the run, MB. */
  rssMb: number;
  /** CPU time of everything else on the machine (other processes), ms. */
  otherCpuMs: number;
}

export interface OperationResult {
  op: string;
  server: ServerName;
  /** SQL statements per request, as seen on each validated variant. */
  statements: number[];
  runs: RunStats[];
  median: RunStats;
  validationErrors: string[];
  /** Runs discarded because unrelated processes loaded the machine. */
  discarded: number;
  /** Peak RSS of the server process since it started (VmHWM), MB, after this operation. */
  hwmMb: number;
}

export interface BenchReport {
  options: BenchOptions;
  results: OperationResult[];
  markdown: string;
}

// ------------------------------------------------------------------ /proc

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** user + system CPU time of a process, ms. */
export function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

function procStatus(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Busy CPU time of the whole machine (all cores), ms. */
export function machineBusyMs(): number {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / CLK_TCK;
}

/**
 * CPU time of PostgreSQL: the postmaster, its live children (backends) and the children it has
 * already reaped (cutime + cstime: short-lived parallel workers), ms.
 */
export function treeCpuMs(rootPid: number): number {
  let total = 0;
  try {
    const stat = fs.readFileSync(`/proc/${rootPid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === rootPid) total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
    } catch {
      /* gone */
    }
  }
  return total;
}

/** What to stop if the runner is interrupted (Ctrl-C). */
const cleanups = new Set<() => Promise<void>>();

// ------------------------------------------------------------------ servers

interface Server {
  name: ServerName;
  url: string;
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** Statements sent so far (PostGraphile), for servers that do not report them per response. */
  statements?: () => Promise<number>;
  stop(): Promise<void>;
}

async function startServer(
  name: Server['name'],
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  port: number,
): Promise<Server> {
  const logFile = path.join(os.tmpdir(), `essor-bench-${name}-${process.pid}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out, 'ipc'] });
  fs.closeSync(out);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 90 s (see ${logFile})`)), 90_000);
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${tail(logFile)}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await ready;
  } catch (e) {
    await stop();
    throw e;
  }
  child.removeAllListeners('exit');
  return { name, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, child, logFile, stop };
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Node flags of every measured server, Essor and PostGraphile alike: the young generation Essor runs
 * with in production (scripts/start.mjs, Dockerfile), given to the peer too so that both are measured
 * with the same runtime settings.
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

// ------------------------------------------------------------------ load

/**
 * PostGraphile's cursors of `allNetworks(orderBy: ROW_ID_ASC)` are base64 of `[digest, id]`, the
 * digest naming the order: read it from the running server, so that the nested graph can page by
 * cursor (`after`) like Essor takes its networks by id (an `offset` would make PostgreSQL build the
 * nested arrays of every skipped network).
 */
async function networkCursorPrefix(url: string): Promise<string> {
  const { text } = await post(
    url,
    JSON.stringify({ query: '{ allNetworks(first: 1, orderBy: ROW_ID_ASC) { edges { cursor } } }' }),
  );
  const cursor = JSON.parse(text)?.data?.allNetworks?.edges?.[0]?.cursor;
  const decoded = cursor ? JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) : null;
  if (!Array.isArray(decoded) || decoded.length !== 2)
    throw new Error(`PostGraphile: unexpected network cursor (${text.slice(0, 200)})`);
  return decoded[0] as string;
}

function bodies(query: string, variables: (f: Fixtures, i: number) => Record<string, unknown>, f: Fixtures, n: number) {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ query, variables: variables(f, i) }));
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: r.status, text: await r.text().catch(() => '') };
}

/** One request per variant (8 at most): errors, and SQL statements per request. */
async function validate(server: Server, source: RequestSource): Promise<{ statements: number[]; errors: string[] }> {
  const statements: number[] = [];
  const errors: string[] = [];
  await source.prepare();
  for (let k = 0; k < Math.min(8, source.variants); k++) {
    const context: Record<string, unknown> = {};
    const body = source.next(context);
    const before = server.statements ? await server.statements() : 0;
    const { status, text } = await post(server.url, body, source.headers);
    source.done(context, status, text);
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    if (status !== 200 || !json || json.errors) {
      errors.push(`HTTP ${status}: ${JSON.stringify(json?.errors ?? json ?? text).slice(0, 300)}`);
      continue;
    }
    const problem = source.check?.(json.data);
    if (problem) {
      errors.push(problem);
      continue;
    }
    statements.push(server.statements ? (await server.statements()) - before : Number(json.extensions?.sqlStatements ?? NaN));
  }
  return { statements, errors };
}

async function load(
  server: Server,
  source: RequestSource,
  seconds: number,
  connections: number,
  dbPid: number | null,
): Promise<RunStats> {
  await source.prepare();
  let errors = 0;
  const latencies: number[] = [];
  let rss = procStatus(server.pid, 'VmRSS');
  const sampler = setInterval(() => {
    rss = Math.max(rss, procStatus(server.pid, 'VmRSS'));
  }, 200);
  const cpu0 = procCpuMs(server.pid);
  const db0 = dbPid ? treeCpuMs(dbPid) : 0;
  const client0 = process.cpuUsage();
  const busy0 = machineBusyMs();
  const t0 = process.hrtime.bigint();
  const options: autocannon.Options = {
    url: server.url,
    connections: Math.min(connections, source.connections ?? connections),
    duration: seconds,
    timeout: source.timeoutSeconds ?? 10,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...source.headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: any, context: any) => ({ ...req, body: source.next(context) }),
        onResponse: (status: number, body: string, context: any) => {
          source.done(context, status, body);
          if (status !== 200 || body.includes('"errors"')) errors++;
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  const client = process.cpuUsage(client0);
  const busy = machineBusyMs() - busy0;
  rss = Math.max(rss, procStatus(server.pid, 'VmRSS'));
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] : NaN;
  const cpuMs = procCpuMs(server.pid) - cpu0;
  const dbCpuMs = dbPid ? treeCpuMs(dbPid) - db0 : null;
  const clientCpuMs = (client.user + client.system) / 1000;
  return {
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    errors: errors + result.errors + result.timeouts,
    cpuMs,
    dbCpuMs,
    clientCpuMs,
    rssMb: rss,
    otherCpuMs: Math.max(0, busy - cpuMs - (dbCpuMs ?? 0) - clientCpuMs),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function medianRun(runs: RunStats[]): RunStats {
  const m = (k: keyof RunStats) => median(runs.map((r) => (r[k] as number | null) ?? NaN));
  return {
    requests: m('requests'),
    seconds: m('seconds'),
    rps: m('rps'),
    p50: m('p50'),
    p95: m('p95'),
    p99: m('p99'),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    cpuMs: m('cpuMs'),
    dbCpuMs: runs[0].dbCpuMs === null ? null : m('dbCpuMs'),
    clientCpuMs: m('clientCpuMs'),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
    otherCpuMs: m('otherCpuMs'),
  };
}

async function measureOperation(
  server: Server,
  op: string,
  payloads: string[] | RequestSource,
  opts: BenchOptions,
  dbPid: number | null,
  log: (m: string) => void,
): Promise<OperationResult> {
  const source = Array.isArray(payloads) ? staticRequests(payloads) : payloads;
  // With the response cache, a first pass stores the answers: the statements reported are a hit's.
  if (server.name === 'essor-cached') await validate(server, source);
  const v = await validate(server, source);
  if (v.errors.length) log(`  ${server.name} ${op}: ${v.errors.length} variant(s) failed: ${v.errors[0]}`);
  if (opts.warmup > 0) await load(server, source, opts.warmup, opts.connections, null);
  const runs: RunStats[] = [];
  let discarded = 0;
  while (runs.length < opts.runs) {
    const s = await load(server, source, opts.duration, opts.connections, dbPid);
    const other = s.otherCpuMs / 1000 / s.seconds;
    const line =
      `  ${server.name.padEnd(12)} ${op.padEnd(12)} run ${runs.length + 1}/${opts.runs}: ${s.rps.toFixed(0)} req/s, ` +
      `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.errors} errors, ` +
      `other processes ${other.toFixed(2)} cores`;
    if (other > opts.maxOtherCores && discarded < opts.retries) {
      discarded++;
      log(`${line} — discarded (machine busy with unrelated work), run again`);
      continue;
    }
    runs.push(s);
    log(line);
  }
  return {
    op,
    server: server.name,
    statements: v.statements,
    runs,
    median: medianRun(runs),
    validationErrors: v.errors,
    discarded,
    hwmMb: procStatus(server.pid, 'VmHWM'),
  };
}

// ------------------------------------------------------------------ main

export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const log = opts.log ?? ((m: string) => console.log(`[bench] ${m}`));
  const ops = OPERATIONS.filter((o) => !opts.only?.length || opts.only.includes(o.name));
  if (!ops.length) throw new Error(`no operation matches --only ${opts.only?.join(',')}`);
  const { freePort } = await embeddedPg();
  const db = await openBenchDatabase({ databaseUrl: opts.databaseUrl, log });
  const servers: Server[] = [];
  const cleanup = async () => {
    for (const s of servers) await s.stop().catch(() => {});
    await db.stop();
  };
  cleanups.add(cleanup);
  try {
    const data = await datasetFacts(db.url);
    if (!data.counts.structures) throw new Error('the bench database holds no structure: run `npm run bench:data` first');
    await migrate(db.url, log);
    await prepareObservatory(db.url, log);
    await checkMigrationHashes(db.url);
    const fixtures = await loadFixtures(db.url);
    const dbPid = db.dedicated ? postmasterPid() : null;
    const pg = await serverFacts(db.url);

    if (opts.build && !opts.fromSource) {
      log('building the API (npm run build -w api)');
      const r = spawnSync('npm', ['run', 'build', '-w', 'api'], { cwd: REPO_DIR, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('the API build failed');
    }
    const results: OperationResult[] = [];

    // ---- Essor
    const essorPort = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      PORT: String(essorPort),
      HOST: '127.0.0.1',
      ESSOR_MIGRATE: '0',
      ESSOR_DEMO_DATA: '0',
      ESSOR_EXPOSE_SQL_COUNT: '1',
      ESSOR_DB_POOL: String(opts.pool),
      ESSOR_SLOW_QUERY_MS: '60000',
      // Uncached figures: the shared response cache is measured apart (« cached » rows).
      ESSOR_RESPONSE_CACHE: '0',
    };
    const essor = await startServer(
      'essor',
      process.execPath,
      [...NODE_FLAGS, ...(opts.fromSource ? ['-r', '@swc-node/register', 'src/main.ts'] : ['dist/src/main.js'])],
      env,
      API_DIR,
      essorPort,
    );
    servers.push(essor);
    log(`Essor API (pid ${essor.pid}) on ${essor.url}`);
    // Authenticated operations: one login per role, the session cookie sent with every request.
    const cookies = new Map<BenchRole, Promise<string>>();
    const cookieOf = (role: BenchRole) => {
      if (!cookies.has(role)) cookies.set(role, sessionCookie(essor.url, db.url, role));
      return cookies.get(role)!;
    };
    for (const op of ops) {
      results.push(await measureOperation(essor, op.name, await requestsOf(op, fixtures, db.url, cookieOf), opts, dbPid, log));
    }
    await essor.stop();

    // ---- Essor with the shared response cache: the anonymous operations again, answered from
    // PostgreSQL's response_cache once each variant has been seen (hits after the warm-up).
    const anonymous = ops.filter((o) => !o.auth);
    if (opts.cached && anonymous.length) {
      const cachedPort = await freePort();
      const cached = await startServer(
        'essor-cached',
        process.execPath,
        [...NODE_FLAGS, ...(opts.fromSource ? ['-r', '@swc-node/register', 'src/main.ts'] : ['dist/src/main.js'])],
        { ...env, PORT: String(cachedPort), ESSOR_RESPONSE_CACHE: '1' },
        API_DIR,
        cachedPort,
      );
      servers.push(cached);
      log(`Essor API with the response cache (pid ${cached.pid}) on ${cached.url}`);
      for (const op of anonymous) {
        results.push(await measureOperation(cached, op.name, await requestsOf(op, fixtures, db.url, cookieOf), opts, dbPid, log));
      }
      await cached.stop();
    }

    // ---- PostGraphile
    const peerOps = ops.filter((o) => o.postgraphile.query);
    if (opts.peer && peerOps.length) {
      const node22 = ensureNode22(log);
      const port = await freePort();
      const pgl = await startServer(
        'postgraphile',
        node22,
        [...NODE_FLAGS, path.join(__dirname, 'postgraphile-server.mjs')],
        { ...env, PORT: String(port) },
        API_DIR,
        port,
      );
      pgl.statements = async () => ((await (await fetch(`http://127.0.0.1:${port}/__bench/stats`)).json()) as any).statements;
      servers.push(pgl);
      log(`PostGraphile (pid ${pgl.pid}) on ${pgl.url}`);
      fixtures.peerNetworkCursor = await networkCursorPrefix(pgl.url);
      const done = new Map<string, OperationResult>();
      for (const op of peerOps) {
        const peer = op.postgraphile as Exclude<BenchOperation['postgraphile'], { query: null }>;
        const payloads = bodies(peer.query, peer.variables, fixtures, op.variants);
        const key = payloads.join('\n');
        // Two operations with the same PostGraphile query (detail, detail-core) are measured once.
        const previous = done.get(key);
        const result = previous ? { ...previous, op: op.name } : await measureOperation(pgl, op.name, payloads, opts, dbPid, log);
        done.set(key, result);
        results.push(result);
      }
      await pgl.stop();
    }

    const markdown = report(opts, ops, results, data, pg, fixtures);
    if (opts.write) writeReport(markdown);
    return { options: opts, results, markdown };
  } finally {
    await cleanup();
    cleanups.delete(cleanup);
  }
}

/** Applies the migrations added since the data was generated (the API runs with ESSOR_MIGRATE=0). */
async function migrate(url: string, log: (m: string) => void) {
  process.env.ESSOR_QUIET_MIGRATIONS ??= '1';
  const ds = createAppDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) log(`applied ${applied.length} pending migration(s) to the bench database`);
    // Fresh statistics and visibility maps before measuring (a migration may have rewritten a table;
    // quick when there is nothing to do).
    const t = Date.now();
    await ds.query(
      'VACUUM (ANALYZE) structure, structure_sector, network_membership, person, network, sector, commune, epci, ' +
        'participatory_space, space_participant, sector_facilitator',
    );
    log(`VACUUM ANALYZE in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  } finally {
    await ds.destroy();
  }
}

export function postmasterPid(): number | null {
  const file = path.join(REPO_DIR, '.data', 'bench-pg', 'postmaster.pid');
  try {
    return Number(fs.readFileSync(file, 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

export async function loadFixtures(url: string): Promise<Fixtures> {
  return withClient(url, async (c) => {
    const [{ n }] = (await c.query(`SELECT max(id)::int AS n FROM structure`)).rows;
    const step = Math.max(1, Math.floor(n / 64));
    const structureIds = (
      await c.query(
        `SELECT s.id::text AS id FROM structure s WHERE s.status = 'PUBLISHED' AND s.latitude IS NOT NULL AND s.id % $1 = 0
         ORDER BY s.id LIMIT 64`,
        [step],
      )
    ).rows.map((r) => r.id);
    const networkIds = (await c.query('SELECT n.id::text AS id FROM network n ORDER BY n.id')).rows.map((r) => r.id);
    const cities = (
      await c.query(
        `SELECT code, name, latitude, longitude FROM commune WHERE latitude IS NOT NULL
         ORDER BY population DESC NULLS LAST, code LIMIT 10`,
      )
    ).rows;
    return { structureIds, networkIds, cities };
  });
}

interface DatasetFacts {
  seed: number | null;
  generatedAt: string | null;
  counts: Record<string, number>;
  dbSizeMb: number;
  structureSizeMb: number;
}

async function datasetFacts(url: string): Promise<DatasetFacts> {
  return withClient(url, async (c) => {
    const meta = await c
      .query('SELECT seed, generated_at FROM essor_bench.dataset LIMIT 1')
      .then((r) => r.rows[0])
      .catch(() => undefined);
    const counts: Record<string, number> = {};
    const q = async (sql: string) => Number((await c.query(sql)).rows[0].n);
    counts.structures = await q('SELECT count(*) AS n FROM structure');
    counts.published = await q(`SELECT count(*) AS n FROM structure WHERE status = 'PUBLISHED'`);
    counts.structureSectors = await q('SELECT count(*) AS n FROM structure_sector');
    counts.memberships = await q('SELECT count(*) AS n FROM network_membership');
    counts.persons = await q('SELECT count(*) AS n FROM person');
    counts.sectors = await q('SELECT count(*) AS n FROM sector');
    counts.networks = await q('SELECT count(*) AS n FROM network');
    counts.communes = await q('SELECT count(*) AS n FROM commune');
    counts.spaces = await q('SELECT count(*) AS n FROM participatory_space');
    counts.sessions = await q('SELECT count(*) AS n FROM space_session');
    counts.participants = await q('SELECT count(*) AS n FROM space_participant');
    const dbSizeMb = (await q('SELECT pg_database_size(current_database()) AS n')) / 1048576;
    const structureSizeMb = (await q(`SELECT pg_total_relation_size('structure') AS n`)) / 1048576;
    return {
      seed: meta ? Number(meta.seed) : null,
      generatedAt: meta ? new Date(meta.generated_at).toISOString() : null,
      counts,
      dbSizeMb,
      structureSizeMb,
    };
  });
}

// ------------------------------------------------------------------ report

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
export const BENCHMARKS_MD = path.join(REPO_DIR, 'BENCHMARKS.md');

function writeReport(markdown: string) {
  const block = `${START}\n${markdown.trim()}\n${END}`;
  let text = fs.existsSync(BENCHMARKS_MD) ? fs.readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n\n';
  if (text.includes(START) && text.includes(END)) {
    text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else {
    text = `${text.trimEnd()}\n\n${block}\n`;
  }
  fs.writeFileSync(BENCHMARKS_MD, text);
}

function version(pkg: string): string {
  for (const dir of [API_DIR, REPO_DIR]) {
    const file = path.join(dir, 'node_modules', pkg, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return '?';
}

const f0 = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(0));
const f1 = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(1));
const f2 = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(2));
const n = (x: number) => x.toLocaleString('en').replace(/,/g, ' ');

function statementsCell(r: OperationResult): string {
  if (!r.statements.length) return '–';
  const lo = Math.min(...r.statements);
  const hi = Math.max(...r.statements);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

export function report(
  opts: BenchOptions,
  ops: BenchOperation[],
  results: OperationResult[],
  data: DatasetFacts,
  pg: { version: string; settings: Record<string, string> },
  fixtures: Fixtures,
): string {
  const L: string[] = [];
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const mem = os.totalmem() / 1024 ** 3;
  const node22 = node22Version() ?? 'not installed';
  const label = opts.runs >= 3 && opts.duration >= 30 ? '' : ' — **short run** (fewer/shorter runs than the reference 3 × 30 s)';
  L.push(`## Results (${when})${label}`);
  L.push('');
  L.push(
    `Reproduce: \`npm run bench:data -- --structures ${data.counts.structures}${data.seed !== null ? ` --seed ${data.seed}` : ''}\` ` +
      `(once), then \`${opts.command}\``,
  );
  L.push('');
  L.push(
    `- Load: autocannon ${version('autocannon')}, ${opts.connections} connections, warm-up ${opts.warmup} s, then ` +
      `${opts.runs} run(s) × ${opts.duration} s per operation; figures are the **median of the runs** ` +
      '(latency percentiles over every response of a run). Errors = non-200 responses or GraphQL `errors`.',
  );
  const busiest = Math.max(0, ...results.map((r) => r.median.otherCpuMs / 1000 / r.median.seconds));
  L.push(
    '- CPU columns: process CPU time (user + system, /proc/<pid>/stat) during the runs, per request or in cores; ' +
      '"PG CPU" sums all PostgreSQL processes (embedded server only); "Load gen." is autocannon (this process); ' +
      '"Other procs" is the rest of the machine (/proc/stat), i.e. unrelated work sharing the 2 cores' +
      (busiest > 0.15
        ? ` — **up to ${busiest.toFixed(2)} core(s) were busy with unrelated work during some runs: those figures are depressed**.`
        : '.'),
  );
  const discarded = results.filter((r) => r.discarded > 0);
  if (discarded.length) {
    L.push(
      `- Discarded runs (unrelated processes used more than ${opts.maxOtherCores} core, redone up to ${opts.retries} times): ` +
        discarded.map((r) => `${r.server} ${r.op} ${r.discarded}`).join(', ') +
        '.',
    );
  }
  L.push(
    `- Machine: ${os.availableParallelism()} CPU (\`nproc\`), ${mem.toFixed(1)} GiB memory, ${os.cpus()[0]?.model ?? '?'}, ` +
      `Linux ${os.release()}. Load generator, API and PostgreSQL share these cores.`,
  );
  L.push(
    `- Versions: Node ${process.version} (Essor), ${node22} (PostGraphile); PostgreSQL ${pg.version}; ` +
      `@apollo/server ${version('@apollo/server')}, type-graphql ${version('type-graphql')}, graphql ${version('graphql')}, ` +
      `typeorm ${version('typeorm')}, pg ${version('pg')}, dataloader ${version('dataloader')}; ` +
      `postgraphile ${version('postgraphile')}, grafast ${version('grafast')}; both servers run with \`node ${NODE_FLAGS.join(' ')}\`.`,
  );
  L.push(
    `- PostgreSQL settings: ${Object.entries(pg.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}; pool of ${opts.pool} connections for each server.`,
  );
  const c = data.counts;
  L.push(
    `- Data: ${n(c.structures)} structures (${n(c.published)} published), ${n(c.structureSectors)} sector links, ` +
      `${n(c.memberships)} memberships, ${n(c.persons)} persons, ${c.sectors} sectors, ${c.networks} networks, ` +
      `${n(c.communes)} communes, ${n(c.spaces)} participatory spaces (${n(c.sessions)} sessions, ${n(c.participants)} participants); ` +
      `database ${f0(data.dbSizeMb)} MB (structure table and its indexes ${f0(data.structureSizeMb)} MB)` +
      (data.seed !== null ? `; seed ${data.seed}, generated ${data.generatedAt}.` : '.'),
  );
  L.push(
    `- Fixtures: ${fixtures.structureIds.length} structures for the detail pages, the ${Math.min(300, Math.floor(fixtures.networkIds.length / 10) * 10)} first networks by id, 10 per request, for the nested graph, ` +
      `near-me centres: ${fixtures.cities.map((x) => x.name).join(', ')}.`,
  );
  L.push('');
  L.push(
    '| Operation | Server | req/s | p50 ms | p95 ms | p99 ms | SQL stmts / op | API CPU ms / req | API CPU (cores) | PG CPU ms / req | Load gen. CPU (cores) | Other procs CPU (cores) | Peak RSS MB | Errors |',
  );
  L.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const op of ops) {
    for (const r of results.filter((x) => x.op === op.name)) {
      const m = r.median;
      const perReq = (ms: number | null) => (ms === null || !m.requests ? null : ms / m.requests);
      L.push(
        `| ${op.name} | ${SERVER_LABEL[r.server]} | ${f0(m.rps)} | ${f1(m.p50)} | ${f1(m.p95)} | ${f1(m.p99)} | ` +
          `${statementsCell(r)} | ${f2(perReq(m.cpuMs))} | ${f2(m.cpuMs / 1000 / m.seconds)} | ${f2(perReq(m.dbCpuMs))} | ` +
          `${f2(m.clientCpuMs / 1000 / m.seconds)} | ${f2(m.otherCpuMs / 1000 / m.seconds)} | ` +
          `${f0(Math.max(m.rssMb, r.hwmMb))} | ${m.errors + r.validationErrors.length} |`,
      );
    }
  }
  L.push('');
  L.push('Operations:');
  for (const op of ops) {
    const peer = op.postgraphile;
    L.push(
      `- **${op.name}**: ${op.title}. SQL budget ${statementBudget(op)} (${Object.entries(op.statements)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')})${op.statementNotes ? ` — ${op.statementNotes.replace(/\.$/, '')}` : ''}. PostGraphile: ${
        peer.query === null ? `not measured: ${peer.why}` : peer.approximation ? `≈ ${peer.approximation}` : 'same data'
      }.`,
    );
  }
  L.push('');

  // ---- ratios
  const essorOf = (name: string) => results.find((r) => r.op === name && r.server === 'essor');
  const cachedOf = (name: string) => results.find((r) => r.op === name && r.server === 'essor-cached');
  const peerOf = (name: string) => results.find((r) => r.op === name && r.server === 'postgraphile');
  const paired = ops.filter((o) => essorOf(o.name) && peerOf(o.name));
  if (paired.length) {
    L.push(
      '| Operation | Essor req/s | PostGraphile req/s | Essor / PostGraphile | Essor p95 ms | PostGraphile p95 ms | SQL stmts Essor / PostGraphile |',
    );
    L.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const o of paired) {
      const e = essorOf(o.name)!;
      const p = peerOf(o.name)!;
      L.push(
        `| ${o.name} | ${f0(e.median.rps)} | ${f0(p.median.rps)} | **${f2(e.median.rps / p.median.rps)}×** | ${f1(e.median.p95)} | ` +
          `${f1(p.median.p95)} | ${statementsCell(e)} / ${statementsCell(p)} |`,
      );
    }
    L.push('');
  }

  // ---- targets
  const t: Array<[string, string, boolean | null]> = [];
  for (const [result, label] of [
    [essorOf('search'), 'search p95 ≤ 50 ms at ≥ 500 req/s (uncached)'],
    [cachedOf('search'), 'search p95 ≤ 50 ms at ≥ 500 req/s (shared response cache, repeated queries)'],
  ] as const) {
    if (!result) continue;
    t.push([
      label,
      `p95 ${f1(result.median.p95)} ms at ${f0(result.median.rps)} req/s`,
      result.median.p95 <= 50 && result.median.rps >= 500,
    ]);
  }
  const observatory = essorOf('observatory');
  if (observatory) {
    t.push([
      'observatory dashboard p95 < 200 ms',
      `p95 ${f1(observatory.median.p95)} ms at ${f0(observatory.median.rps)} req/s`,
      observatory.median.p95 < 200,
    ]);
  }
  for (const [name, label] of [
    ['nested', 'nested graph ≥ 1.0× PostGraphile req/s'],
    ['detail-core', 'detail ≥ 1.0× PostGraphile req/s (like for like, without nearby)'],
    ['detail', 'detail with nearby vs PostGraphile without it'],
  ] as const) {
    const e = essorOf(name);
    const p = peerOf(name);
    if (e && p) t.push([label, `${f2(e.median.rps / p.median.rps)}×`, e.median.rps >= p.median.rps]);
  }
  const perLevel = ops
    .map((o) => {
      const e = essorOf(o.name);
      if (!e?.statements.length) return null;
      const levels = Object.keys(o.statements).length;
      const worst = Math.max(...e.statements);
      const over = Object.entries(o.statements).filter(([, v]) => v > 1);
      return { name: o.name, levels, worst, ok: worst <= levels && !over.length, over };
    })
    .filter((x) => x !== null);
  if (perLevel.length) {
    t.push([
      '≤ 1 SQL statement per list level',
      perLevel
        .map(
          (x) =>
            `${x.name} ${x.worst} for ${x.levels} level(s)${x.over.length ? ` (${x.over.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`,
        )
        .join('; '),
      perLevel.every((x) => x.ok),
    ]);
  }
  const essorResults = results.filter((r) => r.server !== 'postgraphile');
  if (essorResults.length) {
    const peak = Math.max(...essorResults.map((r) => Math.max(r.hwmMb, r.median.rssMb)));
    t.push(['API RSS ≤ 512 MB', `peak ${f0(peak)} MB`, peak <= 512]);
  }
  if (t.length) {
    L.push('| Target (2 cores, 1 M structures) | Measured | Met |');
    L.push('| --- | --- | :---: |');
    for (const [label, value, ok] of t) L.push(`| ${label} | ${value} | ${ok === null ? '–' : ok ? 'yes' : '**no**'} |`);
    L.push('');
    if (c.structures < 1_000_000) L.push(`(Targets are set for 1 M structures; this data set has ${n(c.structures)}.)`);
  }
  return L.join('\n');
}

// ------------------------------------------------------------------ CLI

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '10' },
      pool: { type: 'string', default: process.env.ESSOR_DB_POOL ?? '10' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'database-url': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'no-peer': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
      'max-other': { type: 'string', default: '0.25' },
      retries: { type: 'string' },
    },
  });
  const num = (v: string | undefined, d: number, name: string) => {
    const x = v === undefined ? d : Number(v);
    if (!Number.isFinite(x) || x < 0) throw new Error(`--${name} must be a non-negative number`);
    return x;
  };
  const quick = values.quick!;
  const opts: BenchOptions = {
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    duration: num(values.duration, quick ? 5 : 30, 'duration'),
    runs: Math.max(1, Math.round(num(values.runs, quick ? 1 : 3, 'runs'))),
    warmup: num(values.warmup, quick ? 2 : 5, 'warmup'),
    connections: Math.max(1, Math.round(num(values.connections, 10, 'connections'))),
    pool: Math.max(1, Math.round(num(values.pool, 10, 'pool'))),
    only: values.only
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    build: !values['no-build'],
    fromSource: values['from-source']!,
    peer: !values['no-peer'],
    cached: !values['no-cache'],
    write: !values['no-write'],
    maxOtherCores: num(values['max-other'], 0.25, 'max-other'),
    retries: Math.round(num(values.retries, quick ? 1 : 3, 'retries')),
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  };
  return opts;
}

if (require.main === module) {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const interrupt = async () => {
    for (const c of cleanups) await c().catch(() => {});
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  runBench(opts).then(
    (r) => {
      console.log(`\n${r.markdown}\n`);
      if (opts.write) console.log(`[bench] written to ${path.relative(REPO_DIR, BENCHMARKS_MD)}`);
      process.exit(0);
    },
    (e) => {
      console.error(`[bench] ${e instanceof Error ? e.message : String(e)}`);
      if (process.env.ESSOR_BENCH_DEBUG) console.error(e);
      process.exit(1);
    },
  );
}
