import express from 'express';

/**
 * Which peers may tell the client's address in `X-Forwarded-For` (Express's `trust proxy`): false,
 * nobody (the socket's address is the client); a number, that many proxies in front of the API; or
 * addresses, subnets and the names `loopback`, `linklocal`, `uniquelocal` (a list, or one
 * comma-separated string).
 */
export type TrustProxy = false | number | string | readonly string[];

/** Runtime configuration, from the environment only. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  webPublicDir?: string;
  webAdminDir?: string;
  exposeStatementCount: boolean;
  logQueries: boolean;
  trustProxy: TrustProxy;
  /** `statement_timeout` of the request pools (ESSOR_STATEMENT_TIMEOUT_MS, default 5000; 0: none). */
  statementTimeoutMs: number;
  /** Longest wait for a connection of a pool (ESSOR_DB_ACQUIRE_TIMEOUT_MS, default 3000; 0: no limit). */
  dbAcquireTimeoutMs: number;
  /** Longest time to receive a request's headers and body (ESSOR_REQUEST_TIMEOUT_S, default 30; 0: none). */
  requestTimeoutMs: number;
  /** Time left to in-flight requests on SIGTERM/SIGINT (ESSOR_SHUTDOWN_GRACE_S, default 10). */
  shutdownGraceMs: number;
  /** Streaming replicas for the loaders' reads (DATABASE_REPLICA_URLS, comma-separated; default none). */
  databaseReplicaUrls: string[];
  /** How long a session that wrote reads the primary (ESSOR_READ_YOUR_WRITES_S, default 5). */
  readYourWritesMs: number;
}

const TRUST_PROXY_SYNTAX =
  'a hop count (1: the one proxy in front of the API), or a comma-separated list of addresses, subnets ' +
  '(10.0.0.0/8) and loopback, linklocal, uniquelocal; empty or 0: trust nobody';

/**
 * Parses `ESSOR_TRUST_PROXY`. Unset, empty, `0` or `false`: nobody is trusted. `true` (every peer)
 * is refused: any client could then choose its own address and escape the per-IP limits. A list
 * is checked by Express itself (the same parser as at run time), so a typo stops the start-up.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || /^0+$/.test(v)) return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (!Number.isSafeInteger(hops)) throw new Error(`ESSOR_TRUST_PROXY=${v}: too many hops; expected ${TRUST_PROXY_SYNTAX}.`);
    return hops;
  }
  if (v === 'true') {
    throw new Error(
      `ESSOR_TRUST_PROXY=true would trust every peer, so any client could choose its own address; expected ${TRUST_PROXY_SYNTAX}.`,
    );
  }
  const list = v.split(',').map((entry) => entry.trim());
  if (list.some((entry) => entry === '')) {
    throw new Error(`ESSOR_TRUST_PROXY=${v}: an empty entry in the list; expected ${TRUST_PROXY_SYNTAX}.`);
  }
  try {
    express().set('trust proxy', list);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`ESSOR_TRUST_PROXY=${v}: ${why}; expected ${TRUST_PROXY_SYNTAX}.`);
  }
  return list;
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
    trustProxy: parseTrustProxy(env.ESSOR_TRUST_PROXY),
    statementTimeoutMs: nonNegative(env, 'ESSOR_STATEMENT_TIMEOUT_MS', 5000),
    dbAcquireTimeoutMs: nonNegative(env, 'ESSOR_DB_ACQUIRE_TIMEOUT_MS', 3000),
    requestTimeoutMs: nonNegative(env, 'ESSOR_REQUEST_TIMEOUT_S', 30) * 1000,
    shutdownGraceMs: nonNegative(env, 'ESSOR_SHUTDOWN_GRACE_S', 10) * 1000,
    databaseReplicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u !== ''),
    readYourWritesMs: nonNegative(env, 'ESSOR_READ_YOUR_WRITES_S', 5) * 1000,
  };
}
