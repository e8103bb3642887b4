import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { createDataSource } from '../../src/common/db/data-source';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: { sqlStatements?: number };
}

export interface TestServer {
  url: string;
  ds: DataSource;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** The real app over HTTP on an ephemeral port, against the run's PostgreSQL database. */
export async function startTestServer(): Promise<TestServer> {
  const ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
  await ds.initialize();
  const { app, stop } = await createApp({ ds, exposeStatementCount: true });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    ds,
    async gql(query, variables) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { ...body, status: res.status } as never;
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await ds.destroy();
    },
  };
}
