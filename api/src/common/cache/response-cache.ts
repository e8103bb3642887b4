import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { accessRuleOf } from '../auth/access';
import type { Context } from '../context';
import { logger } from '../log/logger';
import { metrics } from '../metrics/metrics';

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

/**
 * Shared response cache of anonymous public queries, in PostgreSQL (table response_cache), so
 * that every replica uses it and the process keeps no state. The key is a hash of the query
 * text, operation name and variables; an entry is valid under the data version it was computed
 * with (data_version, bumped by a trigger on every write to the tables public queries read) and
 * until it expires. Logged-in viewers, mutations and errors are never cached. A hit costs one
 * statement and no resolver; it is flagged by the header `x-essor-cache: hit`.
 */
export function responseCachePlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let entry: { key: string; version: string; seconds: number } | null = null;
      return {
        async responseForOperation(rc: GraphQLRequestContext<Context>) {
          const ctx = rc.contextValue;
          if (ctx.viewer || !rc.operation || !rc.source) return null;
          const seconds = cacheSecondsOf(schema, rc.operation);
          if (!seconds) return null;
          const key = createHash('sha256')
            .update(JSON.stringify([rc.source, rc.operationName ?? null, rc.request.variables ?? {}]))
            .digest('base64url');
          const [row]: Array<{ version: string; body: string | null }> = await ctx.ds.query(
            `SELECT v.version::text AS version, c.body FROM data_version v
             LEFT JOIN response_cache c ON c.key = $1 AND c.version = v.version AND c.expires_at > now()`,
            [key],
          );
          if (!row) return null;
          if (row.body == null) {
            metrics.responseCache.inc({ result: 'miss' });
            entry = { key, version: row.version, seconds };
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
          const { key, version, seconds } = entry;
          // Stored after the answer, without delaying it; a failure only costs a later miss.
          contextValue.ds
            .query(
              `INSERT INTO response_cache (key, version, body, expires_at)
               VALUES ($1, $2::bigint, $3, now() + make_interval(secs => $4))
               ON CONFLICT (key) DO UPDATE SET version = excluded.version, body = excluded.body, expires_at = excluded.expires_at`,
              [key, version, body, seconds],
            )
            .catch((err: unknown) => logger.warn({ err }, 'response cache: could not store an entry'));
        },
      };
    },
  };
}

/** Drops expired entries and those of older data versions (a scheduled job). */
export async function purgeResponseCache(ds: Context['ds']): Promise<void> {
  await ds.query(`DELETE FROM response_cache WHERE expires_at < now() OR version < (SELECT version FROM data_version)`);
}
