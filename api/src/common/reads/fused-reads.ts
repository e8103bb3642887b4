import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { logger } from '../log/logger';
import { currentTally, runWithTally, type StatementTally } from '../db/statement-counter';
import { JSON_ROW } from './hydrate';
import { queryOnReplica, readerPool, readsPrimary } from './reader-pools';
import { checkedParameters, renumberParameters } from './sql-parameters';
import { readSwitches } from './switches';

type Row = Record<string, unknown>;

/** How a read names the key(s) of its rows: `queryPrepared(ds, sql, [keys, …], keyedBy('code'))`. */
export interface ReadOptions {
  /**
   * The read is keyed: `params[0]` is the array of keys and every row names its key in this
   * column (`__keys` for a row of several keys: linkLoader). Reads of the same SQL and the same
   * other parameters in one turn may then share one read of the union of their keys; the caller
   * keeps the rows of its own keys.
   */
  keyed?: string;
}

/** A keyed read whose rows name their key as `column`. */
export function keyedBy(column: string): ReadOptions {
  return { keyed: column };
}
/** The usual keyed read: `$1` the keys, each row's key as `__key`. */
export const KEYED = keyedBy('__key');

/** A read that breaks the contract of its options (a programming error). */
export class ReadContractError extends Error {
  constructor(message: string, sql: string) {
    super(`read runtime: ${message}: ${sql.slice(0, 200)}`);
    this.name = 'ReadContractError';
  }
}

/**
 * A read through a named prepared statement: PostgreSQL parses it once per connection and may
 * keep its plan. For the loaders, whose SQL text is fixed (only the keys change).
 *
 * **Reads issued in the same turn of the event loop are fused into one statement**: the loaders a
 * GraphQL level dispatches together (a structure page's commune, sectors, networks, contacts and
 * workshops) each become a subquery of
 * `SELECT (SELECT json_agg(q0) FROM (…) q0) AS r0, (SELECT json_agg(q1) FROM (…) q1) AS r1, …`,
 * their parameters renumbered. One round trip instead of five. Rows of a fused read come as JSON
 * (order kept: json_agg over an ordered subquery); `hydrate` types them back from the entity
 * metadata (hydrate.ts). Each request's tally counts one statement per round trip it took part in.
 *
 * Rules, enforced here (fused-reads.spec.ts, sql-parameters.spec.ts):
 * - `$<digit>` only as parameters: refused inside literals, quoted identifiers, comments and
 *   dollar-quoted strings (`UnsafeFusedSqlError`, thrown at call time in every environment);
 * - a keyed read has `params[0]` an array and each row names its key column (`ReadContractError`:
 *   that read fails, loudly logged; the others of its statement answer);
 * - a fused or key-merged statement that fails is retried read by read, each alone: one bad read
 *   cannot fail another request's; so is a fused read whose JSON lost an integer's precision.
 */
export function queryPrepared(ds: DataSource, sql: string, params: unknown[], opts: ReadOptions = {}): Promise<Row[]> {
  try {
    checkedParameters(sql);
    if (opts.keyed !== undefined && !Array.isArray(params[0])) {
      throw new ReadContractError(`a read keyed by ${opts.keyed} needs the array of keys as its first parameter`, sql);
    }
  } catch (e) {
    return Promise.reject(e);
  }
  if (!readSwitches.prepared()) return checkKeyed(ds.query(sql, params), sql, opts.keyed);
  const tally = currentTally();
  if (!readSwitches.fuse()) return checkKeyed(send(ds, sql, params, [tally], true, readsPrimary(ds, tally)), sql, opts.keyed);
  return new Promise((resolve, reject) => {
    let batch = pendingReads.get(ds);
    if (!batch) {
      pendingReads.set(ds, (batch = []));
      setImmediate(() => flushReads(ds));
    }
    batch.push({ sql, params, keyed: opts.keyed, tally, primary: readsPrimary(ds, tally), resolve, reject });
  });
}

interface PendingRead {
  sql: string;
  params: unknown[];
  /** The key column of a keyed read (see `ReadOptions`). */
  keyed: string | undefined;
  tally: StatementTally | undefined;
  /** Read on the primary (else on a replica): reads of both kinds are never fused together. */
  primary: boolean;
  resolve: (rows: Row[]) => void;
  reject: (e: unknown) => void;
}

/** The rows, once each names the key column of a keyed read; else a `ReadContractError`. */
function keyedRows(rows: Row[], sql: string, keyed: string | undefined): Row[] {
  if (keyed !== undefined) {
    for (const r of rows) {
      if (!(keyed in r)) {
        const e = new ReadContractError(`a row of a read keyed by ${keyed} has no ${keyed} column`, sql);
        logger.error({ err: e }, 'read runtime: keyed read without its key column');
        throw e;
      }
    }
  }
  return rows;
}

function checkKeyed(rows: Promise<Row[]>, sql: string, keyed: string | undefined): Promise<Row[]> {
  return keyed === undefined ? rows : rows.then((r) => keyedRows(r, sql, keyed));
}

/** Answers a read with its rows, or with the error of its contract. */
function answer(read: PendingRead, rows: Row[]): void {
  try {
    read.resolve(keyedRows(rows, read.sql, read.keyed));
  } catch (e) {
    read.reject(e);
  }
}

/** Sends one read alone (the retry of a read whose shared statement failed). */
function sendAlone(ds: DataSource, read: PendingRead, primary: boolean): void {
  send(ds, read.sql, read.params, [read.tally], true, primary).then(
    (rows) => answer(read, rows),
    (e) => read.reject(e),
  );
}

interface SharedRead {
  sql: string;
  params: unknown[];
  reads: PendingRead[];
}

/**
 * The reads of a turn as distinct statements: keyed reads of the same SQL and the same other
 * parameters (the same loader in several requests served in this turn — ten structure pages ask for
 * their sectors together) become ONE read of the union of their keys; each caller gets every row
 * and keeps those of its keys, as the loaders do (`keyLoader`, `groupLoader`… look their keys up).
 * Without it, concurrent requests made fused statements of any number of copies of each read.
 * `ESSOR_KEY_MERGE=0` keeps each read apart.
 */
function mergeKeyed(batch: PendingRead[]): SharedRead[] {
  const out: SharedRead[] = [];
  const byKey = new Map<string, SharedRead & { keys: Set<unknown> }>();
  const merge = readSwitches.keyMerge();
  for (const q of batch) {
    if (!merge || q.keyed === undefined) {
      out.push({ sql: q.sql, params: q.params, reads: [q] });
      continue;
    }
    const mergeKey = `${q.keyed}\u0000${q.sql}${q.params.length > 1 ? `\u0000${JSON.stringify(q.params.slice(1))}` : ''}`;
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

/**
 * Errors of the connection or the server rather than of a read (no SQLSTATE: refused, reset; class
 * 08 connection exception, 53 insufficient resources, 57P0x shutting down): every read would meet
 * them again, so they are not retried.
 */
function serverUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('53') || code.startsWith('57P');
}

/**
 * A failed shared statement: each read that took part is sent again alone (a statement timeout
 * too: the slow read times out again, the others answer); a read alone fails with its error.
 */
function retryAlone(ds: DataSource, shared: SharedRead[], primary: boolean, e: unknown): void {
  const reads = shared.flatMap((s) => s.reads);
  if (reads.length === 1 || serverUnavailable(e)) return reads.forEach((r) => r.reject(e));
  for (const r of reads) sendAlone(ds, r, primary);
}

/** Whether a JSON row holds an integer JSON could not carry exactly (a bigint past 2^53). */
function lostPrecision(rows: Row[]): boolean {
  for (const r of rows) {
    for (const k in r) {
      const v = r[k];
      if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) return true;
      if (Array.isArray(v) && v.some((e) => typeof e === 'number' && Number.isInteger(e) && !Number.isSafeInteger(e)))
        return true;
    }
  }
  return false;
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
      (rows) => q.reads.forEach((r) => answer(r, rows)),
      (e) => retryAlone(ds, reads, primary, e),
    );
    return;
  }
  const params: unknown[] = [];
  const parts = reads.map((q, i) => {
    const text = renumberParameters(q.sql, params.length);
    params.push(...q.params);
    return `(SELECT coalesce(json_agg(q${i}), '[]') FROM (${text}) q${i}) AS r${i}`;
  });
  const fused = `SELECT ${parts.join(',\n')}`;
  if (fusedNames.size < MAX_FUSED_NAMES) fusedNames.add(fused);
  send(
    ds,
    fused,
    params,
    reads.flatMap((q) => q.reads.map((r) => r.tally)),
    fusedNames.has(fused),
    primary,
  ).then(
    ([row]) =>
      reads.forEach((q, i) => {
        const rows = row[`r${i}`] as Row[];
        if (lostPrecision(rows)) {
          for (const r of q.reads) sendAlone(ds, r, primary);
          return;
        }
        for (const r of rows) Object.defineProperty(r, JSON_ROW, { value: true }); // not enumerable: rows look as usual
        for (const r of q.reads) answer(r, rows);
      }),
    (e) => retryAlone(ds, reads, primary, e),
  );
}

const preparedNames = new Map<string, string>();

async function send(
  ds: DataSource,
  sql: string,
  params: unknown[],
  tallies: Array<StatementTally | undefined>,
  named = true,
  primary = true,
): Promise<Row[]> {
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
