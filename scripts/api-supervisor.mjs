// Runs the API in a child process for `npm start` and keeps it running: a crash (the API exits on
// its own, non-zero or killed, after having been ready) restarts it after a backoff, instead of
// stopping everything; too many crashes in a short time give up. Hand-written: process managers
// (pm2, nodemon…) are not dependencies of the project, and this is npm start's local supervision
// only (on a server, the platform restarts the container).
import { fork } from 'node:child_process';

const describeExit = (code, signal) => (signal ? `signal ${signal}` : `exit code ${code}`);

/**
 * @param {object} o
 * @param {string} o.entry the API's entry (a module forked with an IPC channel; it sends { type: 'ready' })
 * @param {NodeJS.ProcessEnv} o.env
 * @param {string[]} [o.execArgv]
 * @param {string} [o.cwd]
 * @param {number} [o.killAfterMs] after SIGTERM, SIGKILL past this delay (the API's grace period and a margin)
 * @param {number} [o.maxCrashes] crashes within `crashWindowMs` that make it give up
 * @param {number} [o.crashWindowMs]
 * @param {(crashes: number) => number} [o.backoffMs] delay before the restart that follows the n-th recent crash
 * @param {(m: string) => void} [o.log]
 * @param {(m: string) => void} [o.logError]
 * @returns {{ ready: Promise<void>, done: Promise<number>, stop: () => Promise<void>, readonly pid: number | undefined }}
 *   `ready`: the first start is ready; `done`: supervision ended on its own (failed first start, gave
 *   up, the API exited 0 by itself) with the exit code to use; `stop()`: SIGTERM, wait, SIGKILL fallback.
 */
export function superviseApi({
  entry,
  env,
  execArgv = [],
  cwd,
  killAfterMs = 15_000,
  maxCrashes = 5,
  crashWindowMs = 60_000,
  backoffMs = (n) => Math.min(500 * 2 ** (n - 1), 10_000),
  log = (m) => console.log(`[essor] ${m}`),
  logError = (m) => console.error(`[essor] ${m}`),
}) {
  let child;
  let everReady = false;
  let stopping = false;
  let restartTimer;
  const crashes = [];
  let resolveReady;
  let resolveDone;
  const ready = new Promise((resolve) => (resolveReady = resolve));
  const done = new Promise((resolve) => (resolveDone = resolve));

  function launch() {
    const c = fork(entry, [], { env, execArgv, cwd, stdio: 'inherit' });
    child = c;
    c.on('message', (m) => {
      if (m?.type !== 'ready') return;
      if (everReady) log('the API is running again');
      everReady = true;
      resolveReady();
    });
    c.once('exit', (code, signal) => onExit(c, code, signal));
  }

  function onExit(c, code, signal) {
    if (c !== child) return;
    child = undefined;
    if (stopping) return;
    if (!everReady) {
      logError(`the API stopped before being ready (${describeExit(code, signal)}); stopping everything.`);
      resolveDone(code || 1);
      return;
    }
    if (code === 0 && !signal) {
      log('the API stopped by itself (exit code 0); stopping everything.');
      resolveDone(0);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0] <= now - crashWindowMs) crashes.shift();
    if (crashes.length >= maxCrashes) {
      logError(
        `the API crashed ${crashes.length} times within ${Math.round(crashWindowMs / 1000)} s (last: ${describeExit(code, signal)}): giving up; stopping everything.`,
      );
      resolveDone(1);
      return;
    }
    const delay = backoffMs(crashes.length);
    logError(
      `the API crashed (${describeExit(code, signal)}); the database keeps running, restarting the API in ${delay / 1000} s…`,
    );
    restartTimer = setTimeout(launch, delay);
  }

  async function stop() {
    stopping = true;
    clearTimeout(restartTimer);
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    // Under Ctrl-C the API got SIGINT from the terminal already; a second signal changes nothing.
    c.kill('SIGTERM');
    const timer = setTimeout(() => {
      logError(`the API did not stop within ${killAfterMs / 1000} s: killing it.`);
      c.kill('SIGKILL');
    }, killAfterMs);
    await exited;
    clearTimeout(timer);
  }

  launch();
  return {
    ready,
    done,
    stop,
    get pid() {
      return child?.pid;
    },
  };
}
