import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { Pool, type PoolConfig } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { logger } from '../log/logger';
import { safeMessage } from '../log/log-safe';
import { currentTally, runWithTally, type StatementTally } from './statement-counter';

/**
 * Thin SQL helpers. Reads go through hand-written SQL (one statement per list level,
 * shaped to hit the indexes) and rows are hydrated into entity instances using
 * TypeORM's metadata, so the GraphQL types and getters keep working.
 */
/** Rows of a fused statement come as JSON: `hydrate` types their values back (see `queryPrepared`). */
const JSON_ROW = Symbol('essor.jsonRow');

interface EntityShape {
  proto: object;
  /** [property, column] of every selected column. */
  columns: Array<[string, string]>;
  /** Column → property. */
  propertyOf: Map<string, string>;
  /** [property, column, reviver] of the columns whose JSON value needs typing back. */
  revived: Array<[string, string, (v: unknown) => unknown]>;
  /** [property, prefixed column, reviver] per prefix of joined columns (`hydratePrefixed`). */
  prefixed: Map<string, Array<[string, string, ((v: unknown) => unknown) | null]>>;
  sql: Map<string, string>;
}

/** Entity metadata reduced to what reads need, computed once per entity and data source. */
const shapes = new WeakMap<DataSource, Map<unknown, EntityShape>>();
function shapeOf(ds: DataSource, entity: EntityTarget<ObjectLiteral>): EntityShape {
  let byEntity = shapes.get(ds);
  if (!byEntity) shapes.set(ds, (byEntity = new Map()));
  let shape = byEntity.get(entity);
  if (!shape) {
    const meta = ds.getMetadata(entity);
    shape = {
      proto: (meta.target as { prototype: object }).prototype,
      columns: meta.columns.filter((c) => c.isSelect).map((c) => [c.propertyName, c.databaseName]),
      revived: meta.columns
        .filter((c) => c.isSelect && jsonReviver(c.type))
        .map((c) => [c.propertyName, c.databaseName, jsonReviver(c.type)!]),
      prefixed: new Map(),
      propertyOf: new Map(meta.columns.filter((c) => c.isSelect).map((c) => [c.databaseName, c.propertyName])),
      sql: new Map(),
    };
    byEntity.set(entity, shape);
  }
  return shape;
}

const withoutKeys = new WeakMap<ReadonlySet<string>, string>();
/** A stable text for a set of left-out columns (computed once per set: it keys the loaders' caches). */
export function withoutKey(w: ReadonlySet<string> | undefined): string {
  if (!w?.size) return '';
  let key = withoutKeys.get(w);
  if (key === undefined) withoutKeys.set(w, (key = [...w].sort().join(',')));
  return key;
}

/**
 * Loaders of one kind, one per set of columns left out (`common/db/narrow.ts`), created on first
 * use; `for()` without a set is the loader of every column.
 */
export function perColumnSet<L>(create: (without?: ReadonlySet<string>) => L): (without?: ReadonlySet<string>) => L {
  const loaders = new Map<string, L>();
  return (without) => {
    const key = withoutKey(without);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = create(without?.size ? without : undefined)));
    return loader;
  };
}

export function columnsOf(
  ds: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  without?: ReadonlySet<string>,
): string {
  const shape = shapeOf(ds, entity);
  const key = `${alias}|${without?.size ? [...without].sort().join(',') : ''}`;
  let sql = shape.sql.get(key);
  if (sql === undefined) {
    sql = shape.columns
      .filter(([property]) => !without?.has(property))
      .map(([, column]) => `${alias}.${column} AS "${column}"`)
      .join(', ');
    shape.sql.set(key, sql);
  }
  return sql;
}

/** The entity joined into `row` under `<prefix><column>` names (`e__siren`…), hydrated. */
export function hydratePrefixed<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
): T {
  const shape = shapeOf(ds, entity);
  let names = shape.prefixed.get(prefix);
  if (!names) {
    const revivers = new Map(shape.revived.map(([property, , revive]) => [property, revive]));
    names = shape.columns.map(([property, column]) => [property, prefix + column, revivers.get(property) ?? null]);
    shape.prefixed.set(prefix, names);
  }
  const obj = Object.create(shape.proto) as Record<string, unknown>;
  const json = (row as Record<symbol, unknown>)[JSON_ROW];
  for (const [property, name, revive] of names) {
    if (name in row) obj[property] = json && revive ? revive(row[name]) : row[name];
  }
  return obj as T;
}

export function hydrate<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, row: Record<string, unknown>): T {
  const shape = shapeOf(ds, entity);
  const obj = Object.create(shape.proto) as Record<string, unknown>;
  // Over the row's columns (a list row may hold 4 of an entity's 40), keys like `__key` skipped.
  for (const column in row) {
    const property = shape.propertyOf.get(column);
    if (property !== undefined) obj[property] = row[column];
  }
  if ((row as Record<symbol, unknown>)[JSON_ROW]) {
    for (const [property, column, revive] of shape.revived) if (column in row) obj[property] = revive(row[column]);
  }
  return obj as T;
}

const preparedNames = new Map<string, string>();

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
function readerPool(ds: DataSource): Pool {
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

type ReaderQuery = { name?: string; text: string; values: unknown[] };

async function queryOnReplica(ds: DataSource, q: ReaderQuery): Promise<Record<string, unknown>[]> {
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

function readsPrimary(ds: DataSource, tally: StatementTally | undefined): boolean {
  return !replicaUrls.has(ds) || !tally || primaryReaders.has(tally);
}

/** How a JSON value of a column becomes what node-postgres would have given. */
function jsonReviver(type: unknown): ((v: unknown) => unknown) | null {
  // bigint: node-postgres gives strings (ids stay below 2^53, so the JSON number is exact).
  if (type === 'bigint' || type === 'int8' || type === 'numeric' || type === 'decimal') return (v) => (v == null ? v : String(v));
  if (type === 'timestamptz' || type === 'timestamp' || type === 'timestamp with time zone') {
    return (v) => (v == null ? v : new Date(v as string));
  }
  return null;
}

/**
 * A read through a named prepared statement: PostgreSQL parses it once per connection and may
 * keep its plan. For the loaders, whose SQL text is fixed (only the keys change).
 *
 * **Reads issued in the same turn of the event loop are fused into one statement**: the loaders a
 * GraphQL level dispatches together (a structure page's commune, sectors, networks, contacts and
 * workshops; a member list's sectors and communes) each become a subquery of
 * `SELECT (SELECT json_agg(q0) FROM (…) q0) AS r0, (SELECT json_agg(q1) FROM (…) q1) AS r1, …`,
 * their parameters renumbered. One round trip instead of five: each costs the API ≈ 0.15 ms of
 * CPU in the kernel and PostgreSQL a wake-up. Rows of a fused read come as JSON (order kept:
 * json_agg over an ordered subquery); `hydrate` types them back from the entity metadata. The SQL
 * given here must not contain `$n` outside parameters. Each request's tally counts one statement
 * per round trip it took part in. ESSOR_FUSE=0 sends each read alone; ESSOR_PREPARED=0 sends plain
 * queries through TypeORM, unfused.
 */
export function queryPrepared(
  ds: DataSource,
  sql: string,
  params: unknown[],
  opts: { keyed?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  if (process.env.ESSOR_PREPARED === '0') return ds.query(sql, params);
  const tally = currentTally();
  if (process.env.ESSOR_FUSE === '0') return send(ds, sql, params, [tally], true, readsPrimary(ds, tally));
  return new Promise((resolve, reject) => {
    let batch = pendingReads.get(ds);
    if (!batch) {
      pendingReads.set(ds, (batch = []));
      setImmediate(() => flushReads(ds));
    }
    batch.push({ sql, params, keyed: opts.keyed === true, tally, primary: readsPrimary(ds, tally), resolve, reject });
  });
}

interface PendingRead {
  sql: string;
  params: unknown[];
  /** `params[0]` is an array of keys and each row names its key(s): reads of the same SQL may share it. */
  keyed: boolean;
  tally: StatementTally | undefined;
  /** Read on the primary (else on a replica): reads of both kinds are never fused together. */
  primary: boolean;
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (e: unknown) => void;
}

/**
 * The reads of a turn as distinct statements: keyed reads of the same SQL and the same other
 * parameters (the same loader in several requests served in this turn — ten structure pages ask for
 * their sectors together) become ONE read of the union of their keys; each caller gets every row
 * and keeps those of its keys, as the loaders do (`keyLoader`, `groupLoader`… look their keys up).
 * Without it, concurrent requests made fused statements of any number of copies of each read: shapes
 * without end (past the named ones, parsed and planned at each execution) and one subquery per copy.
 * As with fusing, a statement that fails fails every request that took part: the keys reach the
 * loaders checked (`rowIdOf` and the node fetchers accept 1–18 digits for bigint keys; text keys
 * cannot fail their cast), so what remains is what would fail them all anyway (database gone, timeout).
 */
function mergeKeyed(batch: PendingRead[]): Array<{ sql: string; params: unknown[]; reads: PendingRead[] }> {
  const out: Array<{ sql: string; params: unknown[]; reads: PendingRead[] }> = [];
  const byKey = new Map<string, { sql: string; params: unknown[]; reads: PendingRead[]; keys: Set<unknown> }>();
  for (const q of batch) {
    if (!q.keyed || !Array.isArray(q.params[0])) {
      out.push({ sql: q.sql, params: q.params, reads: [q] });
      continue;
    }
    const mergeKey = q.params.length > 1 ? `${q.sql}\u0000${JSON.stringify(q.params.slice(1))}` : q.sql;
    const group = byKey.get(mergeKey);
    if (!group) {
      const g = { sql: q.sql, params: q.params, reads: [q], keys: new Set<unknown>(q.params[0] as unknown[]) };
      byKey.set(mergeKey, g);
      out.push(g);
      continue;
    }
    group.reads.push(q);
    for (const k of q.params[0] as unknown[]) group.keys.add(k);
  }
  for (const g of byKey.values()) if (g.reads.length > 1) g.params = [[...g.keys], ...g.params.slice(1)];
  return out;
}
const pendingReads = new WeakMap<DataSource, PendingRead[]>();

/**
 * Fused statements get a prepared name while they are few: the combinations of reads met in one
 * turn are bounded by the operations' shapes but not known in advance, and each name costs memory
 * in every PostgreSQL connection. Past this many, a fused read is sent unnamed (parsed each time).
 */
const MAX_FUSED_NAMES = 256;
const fusedNames = new Set<string>();

function flushReads(ds: DataSource): void {
  const batch = pendingReads.get(ds)!;
  pendingReads.delete(ds);
  const onPrimary = batch.filter((r) => r.primary);
  const onReplica = batch.filter((r) => !r.primary);
  if (onPrimary.length) flushGroup(ds, onPrimary, true);
  if (onReplica.length) flushGroup(ds, onReplica, false);
}

function flushGroup(ds: DataSource, batch: PendingRead[], primary: boolean): void {
  // Canonical order: the same reads in another order make the same statement.
  const reads = mergeKeyed(batch).sort((a, b) => (a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0));
  if (reads.length === 1) {
    const [q] = reads;
    send(
      ds,
      q.sql,
      q.params,
      q.reads.map((r) => r.tally),
      true,
      primary,
    ).then(
      (rows) => q.reads.forEach((r) => r.resolve(rows)),
      (e) => q.reads.forEach((r) => r.reject(e)),
    );
    return;
  }
  const params: unknown[] = [];
  const parts = reads.map((q, i) => {
    const offset = params.length;
    params.push(...q.params);
    const text = offset ? q.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : q.sql;
    return `(SELECT coalesce(json_agg(q${i}), '[]') FROM (${text}) q${i}) AS r${i}`;
  });
  const fused = `SELECT ${parts.join(',\n')}`;
  if (fusedNames.size < MAX_FUSED_NAMES) fusedNames.add(fused);
  const all = reads.flatMap((q) => q.reads);
  send(
    ds,
    fused,
    params,
    all.map((q) => q.tally),
    fusedNames.has(fused),
    primary,
  ).then(
    ([row]) =>
      reads.forEach((q, i) => {
        const rows = row[`r${i}`] as Record<string, unknown>[];
        for (const r of rows) Object.defineProperty(r, JSON_ROW, { value: true }); // not enumerable: rows look as usual
        for (const r of q.reads) r.resolve(rows);
      }),
    (e) => all.forEach((q) => q.reject(e)),
  );
}

async function send(
  ds: DataSource,
  sql: string,
  params: unknown[],
  tallies: Array<StatementTally | undefined>,
  named = true,
  primary = true,
): Promise<Record<string, unknown>[]> {
  let name = named ? preparedNames.get(sql) : undefined;
  if (named && !name) {
    name = `essor_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    preparedNames.set(sql, name);
  }
  // One statement in the tally of each request that took part (the logger counts in the current one).
  for (const tally of new Set(tallies)) {
    if (tally) runWithTally(tally, () => ds.logger.logQuery(sql, params));
    else ds.logger.logQuery(sql, params);
  }
  const started = Date.now();
  try {
    const q = { name, text: sql, values: params };
    const rows = primary ? (await readerPool(ds).query(q)).rows : await queryOnReplica(ds, q);
    const ms = Date.now() - started;
    const slow = ds.options.maxQueryExecutionTime;
    if (slow && ms > slow) ds.logger.logQuerySlow(ms, sql, params);
    return rows;
  } catch (e) {
    ds.logger.logQueryError(e as Error, sql, params);
    throw e;
  }
}

export async function queryEntities<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const rows: Record<string, unknown>[] = await ds.query(sql, params);
  return rows.map((r) => hydrate(ds, entity, r));
}

const LOADER_OPTIONS = { maxBatchSize: 1000 };
/** The loaders' reads: `$1` the keys, rows tagged with their key (see `mergeKeyed`). */
export const KEYED = { keyed: true } as const;

/** `WHERE key = ANY($1)` loader: one statement for all keys of a tick. */
export function keyLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: { table: string; key: string; keyType: 'bigint' | 'text'; where?: string },
  without?: ReadonlySet<string>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const raw = await queryPrepared(
      ds,
      `SELECT ${columnsOf(ds, entity, 't', without)} FROM ${opts.table} t
       WHERE t.${opts.key} = ANY($1::${opts.keyType}[])${opts.where ? ` AND ${opts.where}` : ''}`,
      [keys],
      KEYED,
    );
    // Rows of other requests' keys may come too (`mergeKeyed`): only those asked are hydrated.
    const byKey = new Map<string, T | null>(keys.map((k) => [k, null]));
    for (const r of raw) {
      const k = String(r[opts.key]).trim();
      if (byKey.has(k)) byKey.set(k, hydrate(ds, entity, r));
    }
    return keys.map((k) => byKey.get(k) ?? null);
  }, LOADER_OPTIONS);
}

/**
 * Loader of lists grouped by a key. `sql` selects the entity columns (alias `t`)
 * plus the grouping key as `__key`, with `$1` the array of keys; rows keep the SQL order.
 */
export function groupLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: (columns: string) => string,
  without?: ReadonlySet<string>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await queryPrepared(ds, sql(columnsOf(ds, entity, 't', without)), [keys], KEYED);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) groups.get(String(r.__key))?.push(hydrate(ds, entity, r));
    return keys.map((k) => groups.get(k)!);
  }, LOADER_OPTIONS);
}

/**
 * Loader of many-to-many lists (the sectors of structures, their networks): the same child belongs
 * to many parents, so `sql` returns each child ONCE with the array of its parents' keys as `__keys`
 * (`array_agg(link.parent_id::text) … GROUP BY t.id`), in the lists' order. A page of 100 structures
 * with 2 sectors each reads the ≈ 30 distinct sectors, not 200 copies of them: fewer rows to send,
 * parse (dates) and hydrate.
 */
export function linkLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: (columns: string) => string,
  without?: ReadonlySet<string>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await queryPrepared(ds, sql(columnsOf(ds, entity, 't', without)), [keys], KEYED);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) {
      let child: T | undefined; // hydrated once, and only for a parent asked (`mergeKeyed`)
      for (const key of r.__keys as string[]) groups.get(key)?.push((child ??= hydrate(ds, entity, r)));
    }
    return keys.map((k) => groups.get(k)!);
  }, LOADER_OPTIONS);
}

/** Loader of counts: `sql` returns `__key` and `n` for keys `$1`. */
export function countLoader(ds: DataSource, sql: string): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const rows = (await queryPrepared(ds, sql, [keys], KEYED)) as Array<{ __key: string; n: string | number }>;
    const byKey = new Map(rows.map((r) => [String(r.__key), Number(r.n)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  }, LOADER_OPTIONS);
}

/**
 * Rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`: TypeORM's postgres driver answers
 * those with `[rows, affected]` instead of the rows.
 */
export async function updateReturning(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const result = (await m.query(sql, params)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
}
