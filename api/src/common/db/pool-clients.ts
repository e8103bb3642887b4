import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { compile, sql } from '../sql/sql';

/**
 * The connections of a data source's pools (TypeORM's and the readers' of `rows.ts`), so that a
 * shutdown can cancel the statements still running when its grace period ends. pg-pool takes the
 * class of its clients as an option (`Client`): both pools get this one, which registers each
 * connection it opens. (pg-pool has no public list of its clients, and its `connect` event comes
 * too late for the connection TypeORM opens while initialising.)
 */
export type TrackedClientClass = (new (config?: string | ClientConfig) => Client) & { readonly live: ReadonlySet<Client> };

export function trackedClientClass(): TrackedClientClass {
  const live = new Set<Client>();
  return class TrackedClient extends Client {
    static readonly live: ReadonlySet<Client> = live;
    constructor(config?: string | ClientConfig) {
      super(config);
      live.add(this);
      this.once('end', () => live.delete(this));
    }
  };
}

/** The tracked client class of a data source made by `createDataSource` (undefined for others). */
export function clientClassOf(ds: DataSource): TrackedClientClass | undefined {
  const extra = (ds.options as { extra?: { Client?: TrackedClientClass } }).extra;
  return extra?.Client && 'live' in extra.Client ? extra.Client : undefined;
}

/**
 * Cancels (`pg_cancel_backend`) whatever the connections of the data source's pools are running,
 * over a connection of its own (the pools may be exhausted). A backend with nothing running ignores
 * the signal. Returns how many backends were signalled; never throws (it runs while shutting down).
 */
export async function cancelRunningQueries(ds: DataSource, log: (m: string) => void = () => {}): Promise<number> {
  const pids = [...(clientClassOf(ds)?.live ?? [])]
    .map((c) => (c as Client & { processID?: number | null }).processID)
    .filter((pid): pid is number => typeof pid === 'number' && pid > 0);
  if (!pids.length) return 0;
  const url = (ds.options as { url?: string }).url;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000, application_name: 'essor-api-shutdown' });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      compile(sql`SELECT count(*) FILTER (WHERE pg_cancel_backend(pid))::int AS n FROM unnest(${pids}::int[]) AS pid`),
    );
    return rows[0].n;
  } catch (e) {
    log(`could not cancel the running statements: ${(e as Error).message}`);
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}
