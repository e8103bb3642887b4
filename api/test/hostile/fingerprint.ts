// A fingerprint of the domain tables: per table, its number of rows and the newest transaction that
// wrote one of them (max xmin). A refused mutation must leave it unchanged: a rolled-back
// transaction leaves neither rows nor xmin behind, a half-written one does.
import { Client } from 'pg';

/** Tables that legitimately change when a request is refused, and why. */
export const CHANGING_ON_REFUSAL: Record<string, string> = {
  rate_limit_counter: 'counts every request of a rate-limited mutation, refused ones included (that is its purpose)',
  login_attempt: 'records every failed login (the per-e-mail and per-IP login limits count them)',
  session: 'a request refreshes the last_seen_at of its session; a login creates one',
  response_cache: 'anonymous answers of public queries are cached, whatever their errors (off in the test server)',
};

/** Tables that a refused request of one root field may change, and why. */
export const CHANGING_ON_REFUSAL_OF: Record<string, Record<string, string>> = {
  login: {
    account: 'a wrong password counts a failed login on the account (and locks it after repeated failures)',
    data_version: 'the account row it counts on carries the data-version trigger',
  },
};

/**
 * Reference tables no request writes (the bootstrap loads them): their scan would cost more than
 * every other table together (35,000 communes), so they are fingerprinted once for the whole run
 * (`takeReference`), which must leave them unchanged.
 */
export const REFERENCE_TABLES = ['commune', 'epci', 'departement', 'region', 'migrations'];

export type Fingerprint = Map<string, string>;

const fingerprintSql = (tables: string[]) =>
  tables
    .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM "${t}"`)
    .join(' UNION ALL ');

export class Fingerprinter {
  private sql = '';
  private client: Client;

  constructor(url: string) {
    this.client = new Client({ connectionString: url });
  }

  async init(): Promise<void> {
    await this.client.connect();
    // One small statement over tiny tables: parallel workers and JIT would only slow it down.
    await this.client.query('SET max_parallel_workers_per_gather = 0; SET jit = off');
    const { rows } = await this.client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    this.sql = fingerprintSql(
      rows.map((t) => t.name).filter((t) => !(t in CHANGING_ON_REFUSAL) && !REFERENCE_TABLES.includes(t)),
    );
  }

  async take(): Promise<Fingerprint> {
    const { rows } = await this.client.query<{ t: string; f: string }>(this.sql);
    return new Map(rows.map((r) => [r.t, r.f]));
  }

  async takeReference(): Promise<Fingerprint> {
    const { rows } = await this.client.query<{ t: string; f: string }>(fingerprintSql(REFERENCE_TABLES));
    return new Map(rows.map((r) => [r.t, r.f]));
  }

  /** Tables whose fingerprint differs, leaving out those the root fields may change on refusal. */
  static changed(before: Fingerprint, after: Fingerprint, fields: readonly string[]): string[] {
    const allowed = new Set(fields.flatMap((f) => Object.keys(CHANGING_ON_REFUSAL_OF[f] ?? {})));
    return [...after.keys()].filter((t) => before.get(t) !== after.get(t) && !allowed.has(t));
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
