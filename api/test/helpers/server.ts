import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { createAppDataSource } from '../../src/data-source';
import type { TrustProxy } from '../../src/config';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: { sqlStatements?: number };
  /** Set-Cookie headers of the response. */
  cookies: string[];
  /** Headers of the response. */
  headers: Headers;
}

export interface TestServer {
  url: string;
  ds: DataSource;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** Logs in and returns the Cookie header to send as that account. */
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app over HTTP on an ephemeral port, against the run's PostgreSQL database. The shared
 * response cache is off unless asked for (statement counts then measure the real work). It trusts
 * X-Forwarded-For from loopback unless told otherwise (`trustProxy`), as the app behind a local
 * proxy: tests then send requests from client addresses of their own. `databaseUrl`: another
 * database than the run's (a file that needs one of its own).
 */
export async function startTestServer(
  opts: {
    responseCache?: boolean;
    fieldSuggestions?: boolean;
    trustProxy?: TrustProxy;
    databaseUrl?: string;
    /** Streaming replicas for the loaders' reads (DATABASE_REPLICA_URLS). */
    replicaUrls?: string[];
  } = {},
): Promise<TestServer> {
  const ds = createAppDataSource({ url: opts.databaseUrl ?? process.env.DATABASE_URL!, poolSize: 4, replicaUrls: opts.replicaUrls });
  await ds.initialize();
  const { app, stop } = await createApp({
    ds,
    exposeStatementCount: true,
    responseCache: opts.responseCache ?? false,
    fieldSuggestions: opts.fieldSuggestions,
    trustProxy: opts.trustProxy ?? 'loopback',
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const server_: TestServer = {
    url,
    ds,
    async gql(query, variables, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { ...body, status: res.status, cookies: res.headers.getSetCookie(), headers: res.headers } as never;
    },
    async login(email, password) {
      const res = await server_.gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
        e: email,
        p: password,
      });
      if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.cookies.map((c: string) => c.split(';')[0]).join('; ');
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await ds.destroy();
    },
  };
  return server_;
}
