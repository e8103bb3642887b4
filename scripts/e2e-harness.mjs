// Throwaway platform for browser tests and screenshots.
// `startPlatform()` starts an embedded PostgreSQL in a temporary folder, creates a database,
// then runs the API from its TypeScript sources (`node -r @swc-node/register src/main.ts`, no tsc
// build) on a free port. The API migrates, loads the territory and the Sambre-Avesnois demo data
// into the empty database and serves the built SPAs (web-public/dist, web-admin/dist) on one origin.
// Returns { baseUrl, databaseUrl, stop() }; stop() kills the API and stops PostgreSQL, and is
// safe to call more than once. If startup fails, everything already started is stopped.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, freePort, startEmbeddedPostgres, tmpDataDir } from '../api/scripts/embedded-pg.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const apiDir = path.join(root, 'api');
/** Ports used by `npm start`: never taken here, so the tests can run next to it. */
const RESERVED_PORTS = new Set([4000, 54329]);

async function pickPort() {
  for (;;) {
    const port = await freePort();
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Best-effort synchronous cleanup, for a process exiting without calling stop() (Ctrl-C, an
 * uncaught error…): kills the API and the PostgreSQL server, then deletes the throwaway cluster.
 */
function cleanupSync(api, dataDir) {
  if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // The cluster is thrown away: no need for a clean shutdown; the backends exit with the postmaster.
    if (pid) process.kill(pid, 'SIGKILL');
  } catch {
    /* not running */
  }
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true, maxRetries: 3 });
}

/**
 * @param {{ log?: (line: string) => void, readyTimeoutMs?: number, webPublicDir?: string, webAdminDir?: string }} [options]
 *   log: receives the API's output lines (by default kept and printed only if startup fails).
 */
export async function startPlatform(options = {}) {
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const output = [];
  const log = (line) => {
    output.push(line);
    if (output.length > 400) output.shift();
    options.log?.(line);
  };

  const dataDir = tmpDataDir('essor-e2e-');
  let pg;
  let api;
  let stopped = false;
  const onExit = () => cleanupSync(api, dataDir);
  process.once('exit', onExit);

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (api && api.exitCode === null && api.signalCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      // Short grace period: the database is thrown away anyway, and the API currently hangs on
      // SIGTERM when forked (Apollo's own signal handler and main.ts's both call apollo.stop()).
      const timer = setTimeout(() => api.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    if (pg) await pg.stop().catch((e) => console.error(`[e2e] could not stop PostgreSQL: ${e.message}`));
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }

  try {
    const started = Date.now();
    pg = await startEmbeddedPostgres({ dataDir, port: await pickPort() });
    const databaseUrl = await createDatabase(pg.url('postgres'), 'essor_e2e');
    const port = await pickPort();
    const baseUrl = `http://127.0.0.1:${port}`;

    api = fork(path.join(apiDir, 'src', 'main.ts'), [], {
      cwd: apiDir,
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_PUBLIC_DIR: options.webPublicDir ?? path.join(root, 'web-public', 'dist'),
        WEB_ADMIN_DIR: options.webAdminDir ?? path.join(root, 'web-admin', 'dist'),
        ESSOR_COOKIE_SECURE: '1',
        ESSOR_QUIET_MIGRATIONS: '1',
      },
    });
    for (const stream of [api.stdout, api.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) log(line);
      });
    }

    // Ready when /healthz answers 200 (the IPC 'ready' message only shortens the wait).
    let exitCode = null;
    api.once('exit', (code, signal) => (exitCode = code ?? signal));
    let readyMessage = false;
    api.on('message', (m) => {
      if (m && m.type === 'ready') readyMessage = true;
    });
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (exitCode !== null) throw new Error(`the API exited (${exitCode}) before it was ready`);
      if (Date.now() > deadline) throw new Error(`the API was not ready after ${readyTimeoutMs / 1000} s`);
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      await delay(readyMessage ? 50 : 250);
    }
    const indexOk = await fetch(`${baseUrl}/`).then((r) => r.ok && r.headers.get('content-type')?.includes('text/html'));
    if (!indexOk) throw new Error('the API does not serve web-public: run `npm run build -w web-public` first');
    log(`[e2e] platform ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { baseUrl, databaseUrl, stop };
  } catch (e) {
    if (!options.log) for (const line of output) console.error(`[api] ${line}`);
    await stop();
    throw e;
  }
}
