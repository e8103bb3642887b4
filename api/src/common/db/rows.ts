import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate } from '../reads/hydrate';

/**
 * Plain statements on TypeORM's pool, outside the read runtime (common/reads: the loaders' reads,
 * fused and prepared): a search's or a report's SQL built per request, and the rows of writes.
 */
/** Rows of a statement on TypeORM's pool, hydrated into entities. */
export async function queryEntities<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const rows: Record<string, unknown>[] = await ds.query(sql, params);
  return rows.map((r) => hydrate(ds, entity, r));
}

/**
 * Rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`: TypeORM's postgres driver answers
 * those with `[rows, affected]` instead of the rows.
 */
export async function updateReturning(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const result = (await m.query(sql, params)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
}
