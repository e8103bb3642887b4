import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { accessRuleOf } from '../auth/access';
import type { Context } from '../context';
import { logger } from '../log/logger';
import type { StatementTally } from '../db/statement-counter';
import { readPrimaryInThisRequest } from '../reads';
import { relationCatalogueOf, tablesOfStatements } from './tables-read';
import { metrics } from '../metrics/metrics';
import { queryRow, queryRows, sql } from '../sql/sql';

/** Responses larger than this are not stored. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * Seconds an anonymous operation may be cached: the smallest `cacheSeconds` of its root fields
 * (`@Public({ cacheSeconds })`), or 0 when one of them has none, when it is not a query, or when
 * it asks for the schema itself.
 */
export function cacheSecondsOf(schema: GraphQLSchema, operation: OperationDefinitionNode): number {
  if (operation.operation !== 'query') return 0;
  const fields = schema.getQueryType()?.getFields() ?? {};
  let seconds = Infinity;
  for (const s of operation.selectionSet.selections) {
    if (s.kind !== Kind.FIELD) return 0;
    if (s.name.value === '__typename') continue;
    const field = fields[s.name.value];
    const rule = field && accessRuleOf(field);
    if (!rule || !('public' in rule) || !rule.cacheSeconds) return 0;
    seconds = Math.min(seconds, rule.cacheSeconds);
  }
  return Number.isFinite(seconds) ? seconds : 0;
}

/** The key of an operation's entry: a hash of the query text, operation name and variables. */
export function responseCacheKey(
  source: string,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
): string {
  return createHash('sha256')
    .update(JSON.stringify([source, operationName ?? null, variables ?? {}]))
    .digest('base64url');
}

/**
 * An entry `c` of response_cache may be served: no committed write to one of its tables is
 * invisible in the snapshot of its look-up, and that snapshot is not below the purge's horizon
 * (the argument is in migrations/1796687774289_response_cache_per_table/up.sql). Rows of writes
 * below xmin(snapshot) are visible in it by definition: the index range skips them.
 */
const VALID_ENTRY = sql`pg_snapshot_xmin(c.snapshot) >= (SELECT h.xid FROM response_cache_horizon h)
  AND NOT EXISTS (
    SELECT 1 FROM response_cache_write w
    WHERE w.table_name = ANY (c.tables) AND w.xid >= pg_snapshot_xmin(c.snapshot)
      AND NOT pg_visible_in_snapshot(w.xid, c.snapshot))`;

/** The entry of a key if it may be served (else a null body), and the snapshot of this look-up. */
export async function lookUpEntry(ds: DataSource, key: string): Promise<{ snapshot: string; body: string | null }> {
  // The snapshot a miss's answer will be stored under comes with the look-up (one row, always).
  return (await queryRow(
    ds,
    sql<{ snapshot: string; body: string | null }>`SELECT pg_current_snapshot()::text AS snapshot, c.body
      FROM (VALUES (1)) AS one (x)
      LEFT JOIN response_cache c ON c.key = ${key} AND c.expires_at > now() AND ${VALID_ENTRY}`,
  ))!;
}

/** Stores an answer computed after the look-up that gave `snapshot`, reading `tables`. */
export async function storeEntry(
  ds: DataSource,
  e: { key: string; snapshot: string; tables: string[]; body: string; seconds: number },
): Promise<void> {
  await queryRows(
    ds,
    sql`INSERT INTO response_cache (key, snapshot, tables, body, expires_at)
      VALUES (${e.key}, ${e.snapshot}::pg_snapshot, ${e.tables}::text[], ${e.body}, now() + make_interval(secs => ${e.seconds}))
      ON CONFLICT (key) DO UPDATE SET snapshot = excluded.snapshot, tables = excluded.tables, body = excluded.body,
        expires_at = excluded.expires_at`,
  );
}

/** Exempt tables met in a public answer, reported once per process (see `storedTables`). */
const reportedUnversioned = new Set<string>();

/**
 * The tables an answer's entry depends on: those its statements name, every versioned table when
 * they cannot tell (or when the request had no statement tally), or null (not stored) when they
 * read a table that carries no trigger: its writes would never evict the entry.
 */
async function storedTables(ds: DataSource, statements: readonly string[] | null): Promise<string[] | null> {
  const catalogue = await relationCatalogueOf(ds);
  const tables = statements ? tablesOfStatements(statements, catalogue) : null;
  if (!tables) return [...catalogue.versioned].sort();
  const unversioned = tables.filter((t) => !catalogue.versioned.has(t));
  if (!unversioned.length) return tables;
  for (const t of unversioned) {
    if (reportedUnversioned.has(t)) continue;
    reportedUnversioned.add(t);
    logger.warn(
      { table: t },
      'response cache: a public answer reads a table without the essor_note_table_write trigger: not cached',
    );
  }
  return null;
}

/**
 * Shared response cache of anonymous public queries, in PostgreSQL (table response_cache), so
 * that every replica uses it and the process keeps no state. The key is a hash of the query
 * text, operation name and variables. An entry records the tables its answer read (from the SQL
 * text of the request's statements, seen by the statement tally: `tables-read.ts`) and the
 * snapshot of its look-up; it is served while no write to those tables committed since (each
 * versioned table notes its writing transactions in response_cache_write) and until it expires.
 * Logged-in viewers, mutations and errors are never cached. A hit costs one statement and no
 * resolver; it is flagged by the header `x-essor-cache: hit`.
 */
export function responseCachePlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let entry: { key: string; snapshot: string; seconds: number; tally?: StatementTally; from: number } | null = null;
      return {
        async responseForOperation(rc: GraphQLRequestContext<Context>) {
          const ctx = rc.contextValue;
          if (ctx.viewer || !rc.operation || !rc.source) return null;
          const seconds = cacheSecondsOf(schema, rc.operation);
          if (!seconds) return null;
          const key = responseCacheKey(rc.source, rc.operationName, rc.request.variables);
          const row = await lookUpEntry(ctx.ds, key);
          if (row.body == null) {
            metrics.responseCache.inc({ result: 'miss' });
            // The answer is stored under the primary's snapshot: it must not come from a lagging replica.
            readPrimaryInThisRequest();
            // From here on, the request's statements are those of its answer (app.ts gives every
            // request a tally when the cache is on).
            const tally = (ctx as Context & { tally?: StatementTally }).tally;
            if (tally) tally.statements ??= [];
            entry = { key, snapshot: row.snapshot, seconds, tally, from: tally?.statements?.length ?? 0 };
            return null;
          }
          metrics.responseCache.inc({ result: 'hit' });
          const http = { status: undefined, headers: new HeaderMap([['x-essor-cache', 'hit']]) };
          return { body: { kind: 'single', singleResult: { data: JSON.parse(row.body) } }, http };
        },
        async willSendResponse({ response, contextValue }) {
          if (!entry || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null) return;
          const body = JSON.stringify(result.data);
          if (body.length > MAX_BODY_BYTES) return;
          const { key, snapshot, seconds, tally, from } = entry;
          const statements = tally?.statements ? tally.statements.slice(from) : null;
          // Stored after the answer, without delaying it; a failure only costs a later miss.
          const ds = contextValue.ds;
          storedTables(ds, statements)
            .then((tables) => tables && storeEntry(ds, { key, snapshot, tables, body, seconds }))
            .catch((err: unknown) => logger.warn({ err }, 'response cache: could not store an entry'));
        },
      };
    },
  };
}

/**
 * The periodic purge (every replica runs it; they do not conflict): drops expired and invalid
 * entries, then the notes of writes below the new horizon, the smallest snapshot xmin of the
 * entries left (they stay valid), never above the purge's own xmin (transactions below it ended).
 */
export async function purgeResponseCache(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await queryRows(m, sql`DELETE FROM response_cache c WHERE NOT (c.expires_at > now() AND ${VALID_ENTRY})`);
    await m.query(
      `UPDATE response_cache_horizon SET xid = greatest(xid, least(pg_snapshot_xmin(pg_current_snapshot()),
         (SELECT pg_snapshot_xmin(c.snapshot) FROM response_cache c ORDER BY 1 LIMIT 1)))`,
    );
    await m.query(`DELETE FROM response_cache_write WHERE xid < (SELECT xid FROM response_cache_horizon)`);
  });
}
