/**
 * What the runner sends for an operation: fixed bodies cycled over the variants, or, for a mutation
 * under optimistic locking, bodies built from rows read fresh (`BenchOperation.edits`); and the
 * session cookie of an authenticated operation (`BenchOperation.auth`).
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../src/modules/account/password';
import { SESSION_COOKIE } from '../src/modules/account/session.service';
import { withClient } from './db';
import type { BenchOperation, BenchRole, EditedRow, Fixtures } from './operations';

export interface RequestSource {
  /** Headers of every request (the session cookie). */
  headers: Record<string, string>;
  /** Distinct requests (the runner validates the first 8). */
  variants: number;
  /** Checks the data of a validation answer (null when fine). */
  check?: (data: any) => string | null;
  /** At most this many connections, and autocannon's timeout in seconds (BenchOperation.load). */
  connections?: number;
  timeoutSeconds?: number;
  /** Called before validation and before each load run. */
  prepare(): Promise<void>;
  /** Body of the next request; `context` lives until its response (autocannon's per-request context). */
  next(context: Record<string, unknown>): string;
  /** The response of a request built by `next` with the same context. */
  done(context: Record<string, unknown>, status: number, body: string): void;
}

/** Fixed bodies, cycled in order from the first at each prepare(). */
export function staticRequests(
  payloads: string[],
  headers: Record<string, string> = {},
  check?: (data: any) => string | null,
): RequestSource {
  let i = 0;
  return {
    headers,
    variants: payloads.length,
    check,
    prepare: async () => {
      i = 0;
    },
    next: () => payloads[i++ % payloads.length],
    done: () => {},
  };
}

/**
 * Requests of a mutation under optimistic locking. Before validation and before each run the rows
 * are read fresh (`edits.rows`: id, version, value; `$1` is the number of the run, so that the query
 * can take another set of rows each time); each request leases a row that no request in flight edits
 * (autocannon sends one request at a time per connection, so `connections` rows are leased at most),
 * and gives it back with the version of the answer, or the current version of a CONFLICT. A request
 * cut by the end of a run may still commit after the next run has read its row: hence a new set of
 * rows for each run.
 */
export function editRequests(
  op: BenchOperation,
  fixtures: Fixtures,
  dbUrl: string,
  headers: Record<string, string> = {},
): RequestSource {
  const edits = op.edits!;
  let free: EditedRow[] = [];
  let i = 0;
  let generation = 0;
  return {
    headers,
    variants: op.variants,
    check: op.check,
    async prepare() {
      const { rows } = await withClient(dbUrl, (c) => c.query(edits.rows, [generation++]));
      free = rows.map((r) => ({ id: String(r.id), version: Number(r.version), value: r.value }));
      if (!free.length) throw new Error(`${op.name}: no row to edit (${edits.rows.replace(/\s+/g, ' ')})`);
      i = 0;
    },
    next(context) {
      const row = free.shift();
      context.row = row;
      // No free row (more connections than rows): send a stale version, which answers CONFLICT (an error).
      const variables = op.variables(fixtures, i++, row ?? { id: '0', version: 0, value: null });
      return JSON.stringify({ query: op.query, variables });
    },
    done(context, _status, body) {
      const row = context.row as EditedRow | undefined;
      if (!row) return;
      context.row = undefined;
      try {
        const json = JSON.parse(body);
        const after = edits.after(json?.data);
        const conflict = (json?.errors as Array<{ extensions?: { code?: string; currentVersion?: number } }> | undefined)?.find(
          (e) => e.extensions?.code === 'CONFLICT',
        );
        if (after) {
          row.version = after.version;
          row.value = after.value;
        } else if (typeof conflict?.extensions?.currentVersion === 'number') {
          row.version = conflict.extensions.currentVersion;
        }
      } catch {
        /* keep the row as it was */
      }
      free.push(row);
    },
  };
}

// ------------------------------------------------------------------ sessions

const ROLES: Record<BenchRole, string> = { steering: 'STEERING', admin: 'ADMIN' };

/**
 * The session cookie of a bench account with `role`: the account is created (or reset) in the bench
 * database with the API's own password hashing and a fresh random password, then logs in once
 * through the `login` mutation of the server under test, like the web-admin does.
 */
export async function sessionCookie(graphqlUrl: string, dbUrl: string, role: BenchRole): Promise<string> {
  const email = `bench-${role}@essor-bench.invalid`;
  const password = randomBytes(18).toString('base64url');
  const hash = await hashPassword(password);
  await withClient(dbUrl, (c) =>
    c.query(
      `INSERT INTO account (email, display_name, password_hash, roles) VALUES ($1, $2, $3, ARRAY[$4])
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, failed_logins = 0,
         locked_until = NULL, disabled = false, updated_at = now()`,
      [email, `Bench ${role}`, hash, ROLES[role]],
    ),
  );
  const r = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation BenchLogin($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      variables: { email, password },
    }),
  }).catch((e: Error & { cause?: unknown }) => {
    throw new Error(`bench login as ${role} on ${graphqlUrl}: ${e.message} (${String(e.cause ?? 'no cause')})`);
  });
  const json = (await r.json().catch(() => null)) as { errors?: unknown } | null;
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!r.ok || json?.errors || !cookie) {
    throw new Error(`bench login as ${role} failed: HTTP ${r.status} ${JSON.stringify(json?.errors ?? json).slice(0, 300)}`);
  }
  return cookie;
}

/**
 * Waits (at most `maxMs`) until no statement of an Essor API (`application_name` essor-api) runs on
 * the database: requests cut by the end of a run (a warm-up, a previous operation) go on in the
 * server and would load the next measurement; a slow operation leaves seconds of such work.
 */
export async function settle(dbUrl: string, maxMs = 60_000): Promise<number> {
  const t0 = Date.now();
  await withClient(dbUrl, async (c) => {
    while (Date.now() - t0 < maxMs) {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'essor-api' AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  return Date.now() - t0;
}

/** The request source of an operation (with its session when it needs one). */
export async function requestsOf(
  op: BenchOperation,
  fixtures: Fixtures,
  dbUrl: string,
  cookieOf: (role: BenchRole) => Promise<string>,
): Promise<RequestSource> {
  const headers: Record<string, string> = op.auth ? { cookie: await cookieOf(op.auth) } : {};
  const source = op.edits
    ? editRequests(op, fixtures, dbUrl, headers)
    : staticRequests(
        Array.from({ length: op.variants }, (_, i) => JSON.stringify({ query: op.query, variables: op.variables(fixtures, i) })),
        headers,
        op.check,
      );
  return {
    ...source,
    // Before validation and each run: let the requests cut by the previous run finish first.
    prepare: async () => {
      await settle(dbUrl);
      await source.prepare();
    },
    connections: op.load?.connections,
    timeoutSeconds: op.load?.timeoutSeconds,
  };
}
