import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { runWithTally, type StatementTally } from '../db/statement-counter';
import { logger } from './logger';
import { currentRequestScope, runInRequestScope, type RequestScope } from './request-scope';

/**
 * One JSON line per HTTP request on /graphql: request id, operation name, duration, HTTP status,
 * SQL statements, error codes. Never the query text (it may hold literals), the variables, the
 * cookies, the headers or the IP (personal data).
 */

/** An incoming `x-request-id` is kept only if it is this harmless (else a new UUID). */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

const MASKED_CODE = 'INTERNAL_SERVER_ERROR';

interface Served {
  scope: RequestScope;
  tally: StatementTally;
}
const served = new WeakMap<Request, Served>();

/**
 * First handler of /graphql (before the body is parsed, so that a malformed body is logged too):
 * gives the request its id, returns it as `x-request-id`, and writes the line when the response ends.
 */
export function startRequestLog(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const scope: RequestScope = { requestId, startedAt: performance.now(), errorCodes: [] };
  const tally: StatementTally = { count: 0 };
  served.set(req, { scope, tally });
  res.setHeader('x-request-id', requestId);
  res.once('close', () => {
    logger.info(
      {
        requestId,
        method: req.method,
        ...(scope.operationName ? { operationName: scope.operationName } : {}),
        durationMs: Math.round((performance.now() - scope.startedAt) * 10) / 10,
        status: res.statusCode,
        sqlStatements: tally.count,
        ...(scope.errorCodes.length ? { errorCodes: scope.errorCodes } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'graphql request',
    );
  });
  next();
}

/**
 * After the body parser: the rest of the request runs inside its scope (log lines carry its id)
 * and its statement tally (the SQL statements it issues are counted, always).
 */
export function enterRequestScope(req: Request, _res: Response, next: NextFunction): void {
  const s = served.get(req);
  if (!s) return next();
  runInRequestScope(s.scope, () => runWithTally(s.tally, () => next()));
}

/** The id `startRequestLog` gave the request. */
export function requestIdOf(req: Request): string {
  return served.get(req)?.scope.requestId ?? randomUUID();
}

/** Apollo plugin: the resolved operation's name, for the request's line. */
export function requestLogPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const scope = currentRequestScope();
          if (scope && operationName) scope.operationName = operationName.slice(0, 100);
        },
      };
    },
  };
}

/**
 * Wraps Apollo's `formatError`: records each error's code for the request's line and, for a
 * masked error (INTERNAL_SERVER_ERROR), logs the original once (name, sanitised message, stack,
 * never its parameters) and adds the request id to the error the client gets, so that a user can
 * quote it. Done here rather than in a `willSendResponse` hook because `formatError` also formats
 * the errors Apollo answers without running any plugin (a context that failed to build: the
 * session lookup when the database is down); the request's id comes from its scope.
 */
export function withRequestLog<E>(
  formatError: (formatted: GraphQLFormattedError, error: E) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: E) => GraphQLFormattedError {
  return (formatted, error) => {
    const out = formatError(formatted, error);
    const scope = currentRequestScope();
    const code = typeof out.extensions?.code === 'string' ? out.extensions.code : MASKED_CODE;
    scope?.errorCodes.push(code);
    if (code !== MASKED_CODE) return out;
    const original = unwrapResolverError(error);
    const err = original instanceof GraphQLError && original.originalError ? original.originalError : original;
    logger.error({ err, path: formatted.path }, 'masked error');
    return scope ? { ...out, extensions: { ...out.extensions, requestId: scope.requestId } } : out;
  };
}
