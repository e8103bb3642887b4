import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { createContext, type Context, type HttpExchange } from './common/context';
import { SESSION_COOKIE, viewerOfToken } from './modules/account/session.service';
import { runWithTally, type StatementTally } from './common/db/statement-counter';
import { formatError } from './common/errors';
import { dbErrorsPlugin } from './common/db/db-errors';
import { responseCachePlugin } from './common/cache/response-cache';
import { compiledExecutionGateway } from './common/graphql/compiled-execution';
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
}

const MAX_QUERY_DEPTH = 12;

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

/** Depth of the selection sets of a document (fragments counted where they are defined). */
function depthOf(document: DocumentNode): number {
  let depth = 0;
  let max = 0;
  visit(document, {
    SelectionSet: {
      enter() {
        depth += 1;
        max = Math.max(max, depth);
      },
      leave() {
        depth -= 1;
      },
    },
  });
  return max;
}

/**
 * Refuses absurdly deep queries before execution (cheap protection against abuse). The depth is
 * computed once per parsed document: Apollo keeps the documents it parsed, so a repeated query
 * reuses its node.
 */
function depthLimitPlugin(): ApolloServerPlugin<Context> {
  const depths = new WeakMap<DocumentNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          let max = depths.get(document);
          if (max === undefined) depths.set(document, (max = depthOf(document)));
          if (max > MAX_QUERY_DEPTH) {
            throw new GraphQLError(`Requête trop profonde (${max} niveaux, ${MAX_QUERY_DEPTH} au plus).`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
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
  // No cache hints are set: the cache-control plugin would only instrument every field.
  const plugins: ApolloServerPlugin<Context>[] = [
    depthLimitPlugin(),
    ApolloServerPluginLandingPageDisabled(),
    ApolloServerPluginCacheControlDisabled(),
    dbErrorsPlugin(),
  ];
  if (opts.exposeStatementCount) plugins.push(statementCountPlugin() as ApolloServerPlugin<Context>);
  if (opts.responseCache ?? process.env.ESSOR_RESPONSE_CACHE !== '0') plugins.push(responseCachePlugin(schema));
  const apollo = new ApolloServer<Context>({
    // Operations compiled once by graphql-jit (see compiled-execution.ts); ESSOR_JIT=0: graphql-js.
    ...(process.env.ESSOR_JIT === '0' ? { schema } : { gateway: compiledExecutionGateway(schema) }),
    formatError,
    introspection: opts.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the server on SIGINT/SIGTERM itself (a second stop() would wait forever).
    stopOnTerminationSignals: false,
    plugins,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/healthz', async (_req, res) => {
    try {
      await opts.ds.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      // Tests and benchmarks: each request runs inside its own statement tally (AsyncLocalStorage).
      if (!opts.exposeStatementCount) return next();
      const tally: StatementTally = { count: 0 };
      (req as express.Request & { tally?: StatementTally }).tally = tally;
      runWithTally(tally, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
        const viewer = await viewerOfToken(opts.ds, token);
        const http: HttpExchange = {
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          sessionToken: token ?? null,
          setSessionCookie: (value, expires) => res.cookie(SESSION_COOKIE, value, { ...cookieOptions, expires }),
          clearSessionCookie: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
        };
        const requestId = String(req.headers['x-request-id'] ?? '').slice(0, 100) || randomUUID();
        const ctx = createContext(opts.ds, viewer, requestId, http);
        return Object.assign(ctx, { tally: (req as express.Request & { tally?: StatementTally }).tally });
      },
    }),
  );

  mountSpa(app, '/admin', opts.webAdminDir);
  mountSpa(app, '/', opts.webPublicDir);

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
