// `npm start`: the whole platform on one machine.
// Embedded PostgreSQL (data in .data/pg, reused between runs) unless DATABASE_URL is set,
// then the API, which migrates, loads the demo data into an empty database and serves
// the GraphQL API and both built SPAs on one origin.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FriendlyError, isPortFree, startEmbeddedPostgres } from '../api/scripts/embedded-pg.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT ?? 4000);
const pgPort = Number(process.env.ESSOR_PG_PORT ?? 54329);
const apiEntry = path.join(root, 'api', 'dist', 'src', 'main.js');

let pg;
let api;
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((resolve) => {
      const t = setTimeout(() => {
        api.kill('SIGKILL');
        resolve();
      }, 5000);
      api.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  if (pg) {
    await pg.stop().catch(() => {});
    console.log('[essor] embedded PostgreSQL stopped');
  }
  process.exit(code);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

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
    const dataDir = path.join(root, '.data', 'pg');
    console.log(`[essor] starting the embedded PostgreSQL (data in ${path.relative(root, dataDir)}, port ${pgPort})…`);
    pg = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await ensureDatabase(pg.url('postgres'), 'essor');
    databaseUrl = pg.url('essor');
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
  // A larger young generation (64 MB semi-spaces instead of 16): the API allocates a lot per
  // request (rows, entities, results) and scavenges less often; measured in BENCHMARKS.md.
  api = fork(apiEntry, [], { env, stdio: 'inherit', execArgv: [...process.execArgv, '--max-semi-space-size=64'] });
  api.on('exit', (code) => {
    if (!stopping) {
      console.error(`[essor] the API stopped (exit code ${code}); stopping everything.`);
      stopAll(code || 1);
    }
  });
  await new Promise((resolve) => api.on('message', (m) => m?.type === 'ready' && resolve()));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Essor is running (ready in ${secs} s):
    Annuaire public (web-public)  http://localhost:${port}/
    Pilotage (web-admin)          http://localhost:${port}/admin/
    API GraphQL                   http://localhost:${port}/graphql
    E-mails                       ${process.env.ESSOR_SMTP_URL ? 'sent through SMTP (ESSOR_SMTP_URL)' : "not sent: kept in web-admin's « Boîte d'envoi » (set ESSOR_SMTP_URL)"}
  Ctrl-C stops everything${pg ? ', the embedded PostgreSQL included' : ''}.
`);
}

main().catch(async (e) => {
  console.error(e instanceof FriendlyError ? `[essor] ${e.message}` : e);
  await stopAll(1);
});
