// Runs an API command (TypeScript, through @swc-node/register) with DATABASE_URL set:
// the given one; else the embedded PostgreSQL of `npm start` if it is running; else it
// starts that embedded PostgreSQL for the duration of the command.
// usage: node scripts/with-database.mjs api/src/cli/create-admin.ts [args…]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FriendlyError, isPortFree, startEmbeddedPostgres } from '../api/scripts/embedded-pg.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pgPort = Number(process.env.ESSOR_PG_PORT ?? 54329);
const [script, ...args] = process.argv.slice(2);

let pg;
let url = process.env.DATABASE_URL;
try {
  if (!url) {
    if (await isPortFree(pgPort)) {
      pg = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', 'pg'), port: pgPort });
      const { default: pgLib } = await import('pg');
      const c = new pgLib.Client({ connectionString: pg.url('postgres') });
      await c.connect();
      const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = 'essor'`);
      if (!rowCount) await c.query('CREATE DATABASE essor');
      await c.end();
    }
    url = `postgres://postgres:postgres@127.0.0.1:${pgPort}/essor`;
  }
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, script), ...args], {
      cwd: path.join(root, 'api'),
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url },
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  process.exitCode = code;
} catch (e) {
  console.error(e instanceof FriendlyError ? e.message : e);
  process.exitCode = 1;
} finally {
  if (pg) await pg.stop();
}
