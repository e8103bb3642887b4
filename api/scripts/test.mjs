// `npm test -w api`: runs Jest against a real PostgreSQL.
// Embedded PostgreSQL in a throwaway folder by default; with DATABASE_URL, a throwaway
// database is created on that server (the role needs CREATEDB) and dropped afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, freePort, FriendlyError, startEmbeddedPostgres, tmpDataDir } from './embedded-pg.mjs';

const apiDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dbName = `essor_test_${process.pid}_${Date.now().toString(36)}`;

let server;
let serverUrl = process.env.DATABASE_URL;
let dataDir;
let code = 1;
try {
  if (!serverUrl) {
    dataDir = tmpDataDir('essor-test-');
    server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = server.url('postgres');
  }
  const url = await createDatabase(serverUrl, dbName);
  const jestBin = path.join(apiDir, 'node_modules', '.bin', 'jest');
  const bin = fs.existsSync(jestBin) ? jestBin : path.join(apiDir, '..', 'node_modules', '.bin', 'jest');
  const child = spawn(bin, process.argv.slice(2), {
    cwd: apiDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: url,
      ESSOR_TEST_SERVER_URL: serverUrl,
      ESSOR_QUIET_MIGRATIONS: '1',
      ESSOR_SLOW_QUERY_MS: '10000',
      // One JSON line per request would drown the output: warnings and errors only (logs.spec.ts sets its own level).
      ESSOR_LOG_LEVEL: process.env.ESSOR_LOG_LEVEL ?? 'warn',
    },
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
  await dropDatabase(serverUrl, dbName).catch((e) => console.error(`could not drop ${dbName}: ${e.message}`));
} catch (e) {
  console.error(e instanceof FriendlyError ? e.message : e);
  code = 1;
} finally {
  if (server) await server.stop().catch(() => {});
  if (dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
process.exit(code);
