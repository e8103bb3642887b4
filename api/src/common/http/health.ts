import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { logger } from '../log/logger';
import { databaseRegistry, within } from '../metrics/database-metrics';
import { httpMetrics } from '../metrics/http-metrics';
import { registry } from '../metrics/metrics';
import { sendNotFound } from './not-found';

/**
 * Operations endpoints: `/healthz` (liveness: the process answers, no database access),
 * `/readyz` (readiness: PostgreSQL answers and every migration the code ships is applied) and
 * `/metrics` (Prometheus), plus the duration of every HTTP request.
 */

/** How `/metrics` is exposed, from the environment (`metricsConfigFrom`). */
export interface MetricsConfig {
  /** `ESSOR_METRICS_TOKEN`: `/metrics` on the API's port answers `Authorization: Bearer <token>` only. Unset: 404. */
  token?: string;
  /** `ESSOR_METRICS_PORT`: `/metrics` (and the probes) also on this port, without a token (never publish it). */
  port?: number;
}

/** Below this, a token could be guessed: the start-up stops (as for any invalid setting). */
const MIN_TOKEN_LENGTH = 16;

export function metricsConfigFrom(env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const out: MetricsConfig = {};
  const token = env.ESSOR_METRICS_TOKEN?.trim();
  if (token) {
    if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
      throw new Error(
        `ESSOR_METRICS_TOKEN: expected at least ${MIN_TOKEN_LENGTH} printable ASCII characters without spaces (e.g. \`openssl rand -hex 32\`).`,
      );
    }
    out.token = token;
  }
  const port = env.ESSOR_METRICS_PORT?.trim();
  if (port) {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n < 1 || n > 65535) throw new Error(`ESSOR_METRICS_PORT=${port}: expected a TCP port (1–65535).`);
    out.port = n;
  }
  return out;
}

/** Longest wait for PostgreSQL in `/readyz`: a probe must answer, even when the database hangs. */
const READY_TIMEOUT_MS = 2000;
/** Pending migrations named in a `/readyz` answer, at most. */
const MAX_PENDING_LISTED = 20;

type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: 'DATABASE_UNAVAILABLE' | 'MIGRATIONS_PENDING'; message: string; pending?: string[] };

/** Names in the `migrations` table (none when the table does not exist yet: nothing was ever applied). */
async function appliedMigrations(ds: DataSource): Promise<Set<string>> {
  const [{ exists }]: Array<{ exists: boolean }> = await ds.query(`SELECT to_regclass('migrations') IS NOT NULL AS exists`);
  if (!exists) return new Set();
  const rows: Array<{ name: string }> = await ds.query(`SELECT name FROM migrations`);
  return new Set(rows.map((r) => r.name));
}

/** PostgreSQL reachable, and every migration of `migrations/` (as the data source loaded them) in its `migrations` table. */
export async function readiness(ds: DataSource): Promise<Readiness> {
  const shipped = ds.migrations.map((m) => m.name ?? m.constructor.name);
  let applied: Set<string>;
  try {
    applied = await within(appliedMigrations(ds), READY_TIMEOUT_MS);
  } catch {
    return { ready: false, reason: 'DATABASE_UNAVAILABLE', message: 'La base de données ne répond pas.' };
  }
  const pending = shipped.filter((name) => !applied.has(name));
  if (pending.length) {
    return {
      ready: false,
      reason: 'MIGRATIONS_PENDING',
      message: `${pending.length} migration(s) non appliquée(s) : lancez les migrations (ESSOR_MIGRATE=1 au démarrage).`,
      pending: pending.slice(0, MAX_PENDING_LISTED),
    };
  }
  return { ready: true, migrations: shipped.length };
}

const noStore = (res: Response) => res.setHeader('Cache-Control', 'no-store');

/** Liveness: answers as long as the process serves requests; never touches the database. */
const healthz: RequestHandler = (_req, res) => {
  noStore(res);
  res.json({ status: 'ok' });
};

function readyz(ds: DataSource): RequestHandler {
  return async (_req, res) => {
    const r = await readiness(ds);
    noStore(res);
    if (r.ready) res.json({ status: 'ready', migrations: r.migrations });
    else
      res
        .status(503)
        .json({ status: 'unavailable', reason: r.reason, message: r.message, ...(r.pending ? { pending: r.pending } : {}) });
  };
}

function renderMetrics(db: Registry): RequestHandler {
  return async (_req, res) => {
    // Merged at each scrape: the process's metrics and those read from this app's data source.
    const merged = Registry.merge([registry, db]);
    const body = await merged.metrics();
    noStore(res);
    res.setHeader('Content-Type', merged.contentType);
    res.send(body);
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `Authorization: Bearer <token>`, compared in constant time. Missing: 401; wrong: 403. */
function bearerToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req: Request, res: Response, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    noStore(res);
    if (!m) {
      res
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
        .json({ errors: [{ message: 'Jeton requis (Authorization: Bearer …).', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    if (!timingSafeEqual(digest(m[1]), expected)) {
      res.status(403).json({ errors: [{ message: 'Jeton refusé.', extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    next();
  };
}

/**
 * Mounts the operations endpoints on the API's app, before `/graphql`: the request-duration
 * metrics of everything after, the probes, `/metrics` behind its token (404 without one), and a
 * 404 in JSON for `/graphql/<anything>` (Express would hand it to GraphQL otherwise).
 */
export function mountOperations(app: Express, ds: DataSource, config: MetricsConfig = metricsConfigFrom()): void {
  app.use(httpMetrics);
  app.get('/healthz', healthz);
  app.get('/readyz', readyz(ds));
  if (config.token) app.get('/metrics', bearerToken(config.token), renderMetrics(databaseRegistry(ds)));
  else app.get('/metrics', (_req, res) => sendNotFound(res));
  app.use('/graphql', (req, res, next) => (req.path === '/' ? next() : sendNotFound(res)));
}

/**
 * With `ESSOR_METRICS_PORT`, a second HTTP server on that port serves `/metrics` without a token
 * (and the probes), for a Prometheus on a private network; anything else answers 404. Not kept
 * alive by itself (the API's server is): nothing to stop on shutdown.
 */
export function startMetricsServer(
  ds: DataSource,
  host: string,
  config: MetricsConfig = metricsConfigFrom(),
): Server | undefined {
  if (!config.port) return undefined;
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', healthz);
  app.get('/readyz', readyz(ds));
  app.get('/metrics', renderMetrics(databaseRegistry(ds)));
  app.use((_req, res) => sendNotFound(res));
  const server = createServer(app);
  server.on('error', (e: NodeJS.ErrnoException) => {
    logger.fatal({ err: e }, `the metrics server could not listen on port ${config.port} (ESSOR_METRICS_PORT)`);
    process.exit(1);
  });
  server.listen(config.port, host, () => logger.info(`metrics at http://localhost:${config.port}/metrics`));
  server.unref();
  return server;
}
