import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { compile, sql } from '../sql/sql';

/**
 * Runs `fn` holding a session advisory lock of the data source's database, taken on a connection
 * of its own (not one of the pools, which `fn` uses and which may have a single connection).
 * Replicas starting together thus run it one after the other. The lock is released in `finally`,
 * and by PostgreSQL itself if the process dies (the connection closes).
 */
export async function withAdvisoryLock<T>(
  ds: DataSource,
  name: string,
  fn: () => Promise<T>,
  opts: { onWait?: () => void } = {},
): Promise<T> {
  const client = new Client({ connectionString: (ds.options as { url?: string }).url, application_name: 'essor-api-lock' });
  // A connection lost while `fn` runs loses the lock too; its error must not crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    // pg's client takes the compiled `{ text, values }` as its query config.
    const [{ locked }] = (
      await client.query<{ locked: boolean }>(compile(sql`SELECT pg_try_advisory_lock(hashtext(${name})) AS locked`))
    ).rows;
    if (!locked) {
      opts.onWait?.();
      await client.query(compile(sql`SELECT pg_advisory_lock(hashtext(${name}))`));
    }
    try {
      return await fn();
    } finally {
      await client.query(compile(sql`SELECT pg_advisory_unlock(hashtext(${name}))`)).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
