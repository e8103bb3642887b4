import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate } from '../reads/hydrate';

/**
 * Plain statements on TypeORM's pool, outside the read runtime (common/reads: the loaders' reads,
 * fused and prepared): a search's or a report's SQL built per request, hydrated into entities.
 * Rows of writes (`… RETURNING`) come from `queryRows` (common/sql/sql.ts).
 */
export async function queryEntities<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const rows: Record<string, unknown>[] = await ds.query(sql, params);
  return rows.map((r) => hydrate(ds, entity, r));
}
