import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import type { Context, HttpExchange } from './common/context';
import { createAppContext } from './context';
import { SESSION_COOKIE, viewerOfToken } from './modules/account/session.service';
import { currentTally, type StatementTally } from './common/db/statement-counter';
import { formatError } from './common/errors';
import { clientIp } from './common/http/client-ip';
import type { TrustProxy } from './config';
import { dbErrorsPlugin } from './common/db/db-errors';
import { responseCachePlugin } from './common/cache/response-cache';
import { readRoutingPlugin, routeReads } from './common/db/read-routing';
import { compiledExecutionGateway } from './common/graphql/compiled-execution';
import { graphqlJsonParser, httpErrorHandler, inputTextPlugin } from './common/graphql/request-guards';
import {
  armorPlugins,
  limitValidationRules,
  operationCostPlugin,
  operationLimitsFrom,
  type OperationLimits,
} from './common/graphql/operation-limits';
import { apolloLogger } from './common/log/logger';
import { enterRequestScope, requestIdOf, requestLogPlugin, startRequestLog, withRequestLog } from './common/log/request-log';
import { securityHeaders } from './common/http/security-headers';
import { mountOperations } from './common/http/health';
import { unknownApiPaths } from './common/http/not-found';
import { graphqlMetricsPlugin, withErrorMetrics } from './common/metrics/graphql-metrics';
import { buildEssorSchema } from './schema';

export interface AppOptions {
  ds: DataSource;
  /** Built SPAs to serve: web-public at `/`, web-admin at `/admin/`. */
  webPublicDir?: string;
  webAdminDir?: string;
  /** Adds `extensions.sqlStatements` to responses (tests and benchmarks). */
  exposeStatementCount?: boolean;
  introspection?: boolean;
  /** Shared response cache of anonymous public queries (default: on; ESSOR_RESPONSE_CACHE=0 turns it off). */
  responseCache?: boolean;
  /** Limits of one operation (default: from the environment, see operation-limits.ts). */
  limits?: OperationLimits;
  /** "Did you mean …" in validation errors (default: off when NODE_ENV=production). */
  fieldSuggestions?: boolean;
  /** Peers trusted to tell the client's address in X-Forwarded-For (default: nobody; see config.ts). */
  trustProxy?: TrustProxy;
}

/** Reports the SQL statements of the request in the response extensions. */
function statementCountPlugin(): ApolloServerPlugin<Context & { tally?: StatementTally }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && contextValue.tally) {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: contextValue.tally.count,
            };
          }
        },
      };
    },
  };
}

/** Cookies of a request (name → value); malformed pairs are ignored. */
function parseCookie(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      /* ignore */
    }
  }
  return out;
}

/** Session cookie: httpOnly, Secure (browsers accept it on http://localhost), SameSite=Lax. */
const cookieOptions: express.CookieOptions = {
  httpOnly: true,
  secure: process.env.ESSOR_COOKIE_SECURE !== '0',
  sameSite: 'lax',
  path: '/',
};

export async function createApp(
  opts: AppOptions,
): Promise<{ app: Express; apollo: ApolloServer<Context>; stop: () => Promise<void> }> {
  const schema = await buildEssorSchema();
  const limits = opts.limits ?? operationLimitsFrom();
  const plugins: ApolloServerPlugin<Context>[] = [
    inputTextPlugin() as ApolloServerPlugin<Context>,
    operationCostPlugin(schema, limits),
    ...armorPlugins({ fieldSuggestions: opts.fieldSuggestions ?? process.env.NODE_ENV !== 'production' }),
    requestLogPlugin(),
    graphqlMetricsPlugin(),
    ApolloServerPluginLandingPageDisabled(),
    // No cache hints are set: the cache-control plugin would only instrument every field.
    ApolloServerPluginCacheControlDisabled(),
    dbErrorsPlugin(),
    readRoutingPlugin(), // reads on replicas or the primary (common/db/read-routing.ts)
  ];
  if (opts.exposeStatementCount) plugins.push(statementCountPlugin() as ApolloServerPlugin<Context>);
  const responseCache = opts.responseCache ?? process.env.ESSOR_RESPONSE_CACHE !== '0';
  if (responseCache) plugins.push(responseCachePlugin(schema));
  const apollo = new ApolloServer<Context>({
    // Operations compiled once by graphql-jit (see compiled-execution.ts); ESSOR_JIT=0: graphql-js.
    ...(process.env.ESSOR_JIT === '0' ? { schema } : { gateway: compiledExecutionGateway(schema) }),
    formatError: withErrorMetrics(withRequestLog(formatError)),
    logger: apolloLogger,
    validationRules: limitValidationRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    introspection: opts.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the server on SIGINT/SIGTERM itself (a second stop() would wait forever).
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? false);
  app.use(securityHeaders());
  // /healthz, /readyz, /metrics and request metrics (common/http/health.ts).
  mountOperations(app, opts.ds);

  app.use(
    '/graphql',
    startRequestLog,
    graphqlJsonParser(),
    // Each request runs in its own scope and statement tally (AsyncLocalStorage): common/log/request-log.ts.
    enterRequestScope,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
        const viewer = await viewerOfToken(opts.ds, token);
        routeReads(opts.ds, req, res, viewer !== null);
        const http: HttpExchange = {
          ip: clientIp(req),
          userAgent: req.headers['user-agent'] ?? null,
          sessionToken: token ?? null,
          setSessionCookie: (value, expires) => res.cookie(SESSION_COOKIE, value, { ...cookieOptions, expires }),
          clearSessionCookie: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
        };
        const ctx = createAppContext(opts.ds, viewer, requestIdOf(req), http);
        return Object.assign(ctx, { tally: currentTally() });
      },
    }),
  );

  app.use('/graphql', httpErrorHandler);

  app.use(unknownApiPaths);
  mountSpa(app, '/admin', opts.webAdminDir);
  mountSpa(app, '/', opts.webPublicDir);
  app.use(httpErrorHandler);

  return { app, apollo, stop: () => apollo.stop() };
}

/** Serves a built SPA with an index.html fallback for client-side routes. */
function mountSpa(app: Express, base: string, dir: string | undefined) {
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) return;
  const index = path.join(dir, 'index.html');
  app.use(base, express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  app.use(base, (req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/graphql') || path.extname(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function noCacheForHtml(res: express.Response, file: string) {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
