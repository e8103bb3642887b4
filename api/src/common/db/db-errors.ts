import type { ApolloServerPlugin, HTTPGraphQLHead } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { logger } from '../log/logger';

/**
 * The database refusing work is not the client's mistake nor a bug: a statement cut by
 * `statement_timeout`, no pool connection within `ESSOR_DB_ACQUIRE_TIMEOUT_MS`, the server
 * restarting. Such failures answer HTTP 503 with `Retry-After` and a stable code, instead of being
 * masked as INTERNAL_SERVER_ERROR (HTTP 200 or 500).
 */
export const DbErrorCode = {
  /** A statement ran longer than the request timeout and was cancelled (SQLSTATE 57014). */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** No database connection could be had in time (pool exhausted, server unreachable or restarting). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type DbErrorCode = (typeof DbErrorCode)[keyof typeof DbErrorCode];

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;

const MESSAGES: Record<DbErrorCode, string> = {
  QUERY_TIMEOUT: 'La requête a pris trop de temps et a été interrompue. Réessayez dans quelques instants.',
  SERVICE_UNAVAILABLE: 'Le service est momentanément surchargé ou indisponible. Réessayez dans quelques instants.',
};

/** SQLSTATEs of a server that cannot serve now: admin/crash shutdown, starting up, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of an unreachable server. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
/**
 * Messages of pg and pg-pool, which give these failures no code: no pool connection within
 * `connectionTimeoutMillis`, no server connection within it, a connection lost, a pool ended
 * while shutting down.
 */
const UNAVAILABLE_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated( due to connection timeout| unexpectedly)?|Cannot use a pool after calling end on the pool)$/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  originalError?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * The availability failure behind an error, if any: walks the wrappers (GraphQL's located
 * errors, Apollo's « Context creation failed », TypeORM's QueryFailedError) down to pg's error.
 */
export function dbFailureOf(error: unknown): DbErrorCode | null {
  let e = error as ErrorLike | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code === '57014') return DbErrorCode.QUERY_TIMEOUT;
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return DbErrorCode.SERVICE_UNAVAILABLE;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return DbErrorCode.SERVICE_UNAVAILABLE;
    e = (e.originalError ?? e.driverError ?? e.cause) as ErrorLike | undefined;
  }
  return null;
}

/**
 * For `formatError`: the typed error answered for an availability failure (French message, stable
 * code, no detail of the database), or undefined for any other error.
 */
export function formatDbError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const code = dbFailureOf(error);
  if (!code) return undefined;
  // No SQL, parameters or connection details: only what happened and where.
  logger.warn({ code, path: formatted.path?.join('.') }, 'database unavailable for a request');
  return { message: MESSAGES[code], locations: formatted.locations, path: formatted.path, extensions: { code } };
}

function unavailableHead(): { status: number; headers: HeaderMap } {
  return { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) };
}

function setUnavailable(http: HTTPGraphQLHead) {
  const head = unavailableHead();
  http.status = head.status;
  for (const [name, value] of head.headers) http.headers.set(name, value);
}

/**
 * HTTP 503 + Retry-After for availability failures, wherever they happen: while executing (a
 * resolver's statement) or while creating the context (the session lookup of a request with a
 * cookie, whose failure Apollo answers from the error's `extensions.http`, 500 otherwise).
 */
export function dbErrorsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async contextCreationDidFail({ error }) {
      const code = dbFailureOf(error);
      if (!code) return;
      // Apollo wraps this very error (`originalError`) and reads its extensions for the HTTP head.
      const e = error as Error & { extensions?: Record<string, unknown> };
      e.extensions = { ...e.extensions, code, http: unavailableHead() };
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          if (errors.some((e) => dbFailureOf(e))) setUnavailable(response.http);
        },
        async willSendResponse({ errors, response }) {
          // The errors of graphql-jit's execution have no `extensions` when the thrown error had
          // none (pg's): Apollo's formatting then fails before calling formatError and answers a
          // bare « Internal server error ». The formatted errors are in the order of the errors:
          // those of availability failures are rewritten here (ESSOR_JIT=0: formatError did it).
          if (response.body.kind !== 'single' || !errors?.length) return;
          const formatted = response.body.singleResult.errors;
          if (!formatted || formatted.length !== errors.length) return;
          response.body.singleResult.errors = formatted.map((f, i) => {
            if (f.extensions?.code === DbErrorCode.QUERY_TIMEOUT || f.extensions?.code === DbErrorCode.SERVICE_UNAVAILABLE)
              return f;
            return formatDbError({ ...f, path: f.path ?? errors[i].path }, errors[i]) ?? f;
          });
        },
      };
    },
  };
}
