import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { decodeCursor, pageSize, toConnection, type Connection } from '../pagination/connection';
import { columnsOf } from '../reads';
import { queryEntities } from './rows';

/**
 * A root list ordered by id, keyset-paginated: `where` are SQL conditions on alias `t`
 * using `params` ($1…); the count (run only if asked) reuses them.
 */
export async function idPage<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  opts: { table: string; where?: string[]; params?: unknown[]; first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const size = pageSize(opts.first);
  const after = decodeCursor(opts.after, ['id']);
  const where = opts.where?.length ? [...opts.where] : ['true'];
  const params = [...(opts.params ?? [])];
  const countSql = `SELECT count(*)::int AS n FROM ${opts.table} t WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  if (after) where.push(`t.id > $${params.push(after[0])}::bigint`);
  const rows = await queryEntities(
    ds,
    entity,
    `SELECT ${columnsOf(ds, entity, 't')} FROM ${opts.table} t WHERE ${where.join(' AND ')} ORDER BY t.id LIMIT $${params.push(size + 1)}`,
    params,
  );
  return toConnection(
    rows,
    size,
    after,
    (r) => [r.id],
    async () => (await ds.query(countSql, countParams))[0].n,
  );
}
