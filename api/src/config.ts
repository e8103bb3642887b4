/** Runtime configuration, from the environment only. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  webPublicDir?: string;
  webAdminDir?: string;
  exposeStatementCount: boolean;
  logQueries: boolean;
  /** `statement_timeout` of the request pools (ESSOR_STATEMENT_TIMEOUT_MS, default 5000; 0: none). */
  statementTimeoutMs: number;
  /** Longest wait for a connection of a pool (ESSOR_DB_ACQUIRE_TIMEOUT_MS, default 3000; 0: no limit). */
  dbAcquireTimeoutMs: number;
  /** Longest time to receive a request's headers and body (ESSOR_REQUEST_TIMEOUT_S, default 30; 0: none). */
  requestTimeoutMs: number;
  /** Time left to in-flight requests on SIGTERM/SIGINT (ESSOR_SHUTDOWN_GRACE_S, default 10). */
  shutdownGraceMs: number;
}

/** A non-negative number of the environment, or its default; anything else stops the start with a clear message. */
function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0 (got "${raw}").`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: use `npm start` (embedded PostgreSQL) or set DATABASE_URL=postgres://…');
  }
  return {
    databaseUrl: env.DATABASE_URL,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '0.0.0.0',
    webPublicDir: env.WEB_PUBLIC_DIR || undefined,
    webAdminDir: env.WEB_ADMIN_DIR || undefined,
    exposeStatementCount: env.ESSOR_EXPOSE_SQL_COUNT === '1',
    logQueries: env.ESSOR_LOG_SQL === '1',
    statementTimeoutMs: nonNegative(env, 'ESSOR_STATEMENT_TIMEOUT_MS', 5000),
    dbAcquireTimeoutMs: nonNegative(env, 'ESSOR_DB_ACQUIRE_TIMEOUT_MS', 3000),
    requestTimeoutMs: nonNegative(env, 'ESSOR_REQUEST_TIMEOUT_S', 30) * 1000,
    shutdownGraceMs: nonNegative(env, 'ESSOR_SHUTDOWN_GRACE_S', 10) * 1000,
  };
}
