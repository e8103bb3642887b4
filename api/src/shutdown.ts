import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface ShutdownOptions {
  server: Server;
  /** Time left to the requests in flight when the shutdown begins (ms). */
  graceMs: number;
  /** Stops what runs beside the requests (the timers of the periodic jobs); called first. */
  stopJobs?: () => void;
  /** Cancels what the database still runs for this process (the grace period is over). */
  cancelRunning?: () => Promise<unknown>;
  /** Releases the rest once no request runs any more: Apollo, the pools. */
  release?: () => Promise<unknown>;
  log?: (message: string) => void;
}

export interface ShutdownReport {
  /** Requests still running at the end of the grace period (cancelled, then their connections closed). */
  cut: number;
  /** Whether `release` finished in time. */
  released: boolean;
}

export interface GracefulShutdown {
  readonly draining: boolean;
  /** Requests being served. */
  readonly inFlight: number;
  /** Starts the shutdown (once: later calls return the same promise); resolves when it is over. */
  shutdown(reason?: string): Promise<ShutdownReport>;
}

/** After the grace period: time for cancelled requests to answer before their connections are closed. */
const CUT_ANSWER_MS = 500;
/** After the grace period: time left to `release` (pools ending once their cancelled statements returned). */
const RELEASE_AFTER_GRACE_MS = 2000;

const sleep = (ms: number) =>
  new Promise<'timeout'>((resolve) => {
    setTimeout(() => resolve('timeout'), Math.max(0, ms)).unref();
  });

/**
 * Graceful shutdown of the HTTP server (call it before the server serves anything: it follows
 * the requests). On `shutdown()`:
 * 1. the periodic jobs stop; the server stops accepting connections and closes the idle
 *    keep-alive ones;
 * 2. requests in flight, and those that still arrive on their connections, are served to the end
 *    with `Connection: close`, so clients do not reuse the connection; connections idle after
 *    their response are closed;
 * 3. when every connection is closed, or at the end of the grace period, what still runs is cut:
 *    the database cancels its statements (their requests answer a typed error), then the
 *    remaining connections are destroyed;
 * 4. `release` (Apollo, pools), bounded by the grace period too: past it the running statements
 *    are cancelled and `release` gets a last short delay.
 * Hand-written: http-terminator and stoppable do step 1–3 for the sockets but know nothing of the
 * database, and the libraries of the kind are not among the project's dependencies.
 */
export function gracefulShutdown(opts: ShutdownOptions): GracefulShutdown {
  const { server } = opts;
  const log = opts.log ?? (() => {});
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let done: Promise<ShutdownReport> | undefined;

  const closeIdleSoon = () => setImmediate(() => server.closeIdleConnections());
  // First listener of 'request': runs before the app, so the header is set before it answers.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining) closeIdleSoon();
    });
    if (draining) res.setHeader('Connection', 'close');
  });

  async function run(reason: string): Promise<ShutdownReport> {
    draining = true;
    const deadline = Date.now() + opts.graceMs;
    log(`${reason}: stopping (${inFlight.size} request(s) in flight, grace ${opts.graceMs / 1000} s)`);
    opts.stopJobs?.();
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    let closed = false;
    const serverClosed = new Promise<'closed'>((resolve) =>
      // Stops listening and (Node ≥ 19) closes the idle connections; calls back once every connection is closed.
      server.close(() => {
        closed = true;
        resolve('closed');
      }),
    );
    server.closeIdleConnections();

    let cut = 0;
    let cancelled = false;
    if ((await Promise.race([serverClosed, sleep(deadline - Date.now())])) === 'timeout') {
      cut = inFlight.size;
      log(`grace period over: cutting ${cut} request(s)`);
      cancelled = true;
      await opts.cancelRunning?.();
      await Promise.race([serverClosed, sleep(CUT_ANSWER_MS)]);
      if (!closed) server.closeAllConnections();
    }

    let released = false;
    const releasing = (opts.release?.() ?? Promise.resolve()).then(
      () => {
        released = true;
      },
      (e: unknown) => {
        released = true;
        log(`release failed: ${(e as Error).message}`);
      },
    );
    await Promise.race([releasing, sleep(deadline - Date.now())]);
    if (!released) {
      if (!cancelled) await opts.cancelRunning?.();
      await Promise.race([releasing, sleep(RELEASE_AFTER_GRACE_MS)]);
      if (!released) log('the pools did not close in time');
    }
    log('stopped');
    return { cut, released };
  }

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight.size;
    },
    shutdown(reason = 'shutdown') {
      done ??= run(reason);
      return done;
    },
  };
}
