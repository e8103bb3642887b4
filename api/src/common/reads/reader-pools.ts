import { Pool, type PoolConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { currentTally, type StatementTally } from '../db/statement-counter';
import { logger } from '../log/logger';
import { safeMessage } from '../log/log-safe';

/**
 * The loaders' reads go through a pool of their own whose connections plan prepared statements
 * once (`plan_cache_mode = force_generic_plan`): their SQL is fixed and only the arrays of keys
 * change, so a generic plan is as good as a custom one, and re-planning each execution (what
 * PostgreSQL's default does when the custom plans look cheaper, as with `= ANY($1)`) cost a
 * structure page ≈ 1 ms of PostgreSQL CPU. The other statements (search, reports, writes: SQL
 * built per request, planned with its values) keep TypeORM's pool and the default. Same size as
 * TypeORM's pool; closed with the data source (`closeReaderPool`).
 */
const readerPools = new WeakMap<DataSource, Pool>();
export function readerPool(ds: DataSource): Pool {
  let pool = readerPools.get(ds);
  if (!pool) {
    const o = ds.options as { url?: string };
    pool = newReaderPool(ds, o.url, 'reads');
    // An idle connection dropped by the server is an error event of the pool, not of a query.
    pool.on('error', (e) => ds.logger.log('warn', `reader pool: ${e.message}`));
    readerPools.set(ds, pool);
  }
  return pool;
}

function newReaderPool(ds: DataSource, url: string | undefined, role: string, maxAcquireMs?: number): Pool {
  const o = ds.options as { extra?: PoolConfig };
  const acquire = o.extra?.connectionTimeoutMillis;
  return new Pool({
    connectionString: url,
    max: o.extra?.max ?? 10,
    application_name: `${o.extra?.application_name ?? 'essor-api'}-${role}`,
    options: '-c plan_cache_mode=force_generic_plan',
    // The same timeouts and client class as TypeORM's pool (see createDataSource).
    statement_timeout: o.extra?.statement_timeout,
    connectionTimeoutMillis: maxAcquireMs ? Math.min(acquire || maxAcquireMs, maxAcquireMs) : acquire,
    Client: o.extra?.Client,
  });
}

/**
 * Streaming replicas (`DATABASE_REPLICA_URLS`): the loaders' reads of a request that may read a
 * replica (see read-routing.ts) go to one of them, in turn; writes, transactions and every other
 * statement stay on TypeORM's pool (the primary). A replica that cannot be reached (or refuses:
 * still starting, shutting down) is left aside for `REPLICA_RETRY_MS` and the read is sent to the
 * primary: a request never fails because of a replica. One warning a minute at most.
 */
interface Replica {
  pool: Pool;
  /** host:port/database of the URL: never its user or password. */
  label: string;
  downUntil: number;
}
const REPLICA_RETRY_MS = 10_000;
const REPLICA_WARN_EVERY_MS = 60_000;
/** A replica's connection wait is short: past it, the primary answers. */
const REPLICA_ACQUIRE_MS = 2_000;
const replicaUrls = new WeakMap<DataSource, string[]>();
const replicaSets = new WeakMap<DataSource, { replicas: Replica[]; next: number; warnedAt: number }>();

/** Declares the replicas of a data source (createDataSource's `replicaUrls`). */
export function setReplicaUrls(ds: DataSource, urls: readonly string[]): void {
  const list = urls.map((u) => u.trim()).filter((u) => u !== '');
  if (list.length) replicaUrls.set(ds, list);
}

/** Whether the data source has replicas to read from. */
export function hasReplicas(ds: DataSource): boolean {
  return replicaUrls.has(ds);
}

function labelOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'replica';
  }
}

function replicaSet(ds: DataSource) {
  let set = replicaSets.get(ds);
  if (!set) {
    const s = { replicas: [] as Replica[], next: 0, warnedAt: -Infinity };
    s.replicas = (replicaUrls.get(ds) ?? []).map((url, i) => {
      const pool = newReaderPool(ds, url, `replica${i + 1}`, REPLICA_ACQUIRE_MS);
      const r: Replica = { pool, label: labelOf(url), downUntil: 0 };
      pool.on('error', (e) => warnReplica(s, r, e));
      return r;
    });
    replicaSets.set(ds, (set = s));
  }
  return set;
}

function warnReplica(set: { warnedAt: number }, r: Replica, e: unknown): void {
  const now = Date.now();
  if (now - set.warnedAt < REPLICA_WARN_EVERY_MS) return;
  set.warnedAt = now;
  const err = e as { code?: unknown; message?: unknown };
  logger.warn(
    {
      replica: r.label,
      ...(typeof err.code === 'string' ? { code: err.code } : {}),
      reason: safeMessage(String(err.message ?? e)),
    },
    'replica unavailable: reads go to the primary',
  );
}

/**
 * Errors of the replica rather than of the read: the connection (no SQLSTATE: refused, reset,
 * timed out), class 08 (connection exception), 57P0x (shutting down, cannot connect now), 53
 * (too many connections…). A conflict with recovery (40001 on a standby) is retried on the
 * primary without leaving the replica aside.
 */
function replicaUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57P') || code.startsWith('53');
}

export type ReaderQuery = { name?: string; text: string; values: unknown[] };

export async function queryOnReplica(ds: DataSource, q: ReaderQuery): Promise<Record<string, unknown>[]> {
  const set = replicaSet(ds);
  const now = Date.now();
  for (let i = 0; i < set.replicas.length; i++) {
    const r = set.replicas[(set.next + i) % set.replicas.length];
    if (r.downUntil > now) continue;
    set.next = (set.next + i + 1) % set.replicas.length;
    try {
      return (await r.pool.query(q)).rows;
    } catch (e) {
      if (replicaUnavailable(e)) {
        r.downUntil = Date.now() + REPLICA_RETRY_MS;
        warnReplica(set, r, e);
      } else if ((e as { code?: unknown }).code !== '40001') {
        throw e;
      }
      break;
    }
  }
  return (await readerPool(ds).query(q)).rows;
}

/** Connections of the readers' pool, if it was created (read-only: for the metrics). */
export function readerPoolStats(ds: DataSource): { total: number; idle: number; waiting: number; max: number } | undefined {
  const pool = readerPools.get(ds);
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max };
}

/** Ends the readers' pools of a data source (see `createDataSource`, which calls it on destroy). */
export async function closeReaderPool(ds: DataSource): Promise<void> {
  const pool = readerPools.get(ds);
  readerPools.delete(ds);
  const set = replicaSets.get(ds);
  replicaSets.delete(ds);
  await Promise.all([pool?.end(), ...(set?.replicas ?? []).map((r) => r.pool.end())]);
}

/**
 * Requests whose loaders read the primary (by their statement tally, one per request): mutations
 * and sessions that wrote a moment ago (read-routing.ts decides). Reads outside a request read the
 * primary too.
 */
const primaryReaders = new WeakSet<StatementTally>();

/** The loaders of the current request read the primary (a no-op outside a request). */
export function readPrimaryInThisRequest(): void {
  const tally = currentTally();
  if (tally) primaryReaders.add(tally);
}

/** Whether the loaders' reads of the request of `tally` go to the primary. */
export function readsPrimary(ds: DataSource, tally: StatementTally | undefined): boolean {
  return !replicaUrls.has(ds) || !tally || primaryReaders.has(tally);
}
