import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { decodeCursor, pageSize, toConnection, type Connection } from '../pagination/connection';
import { KEYED, columnsOf, hydrate, queryPrepared, withoutKey } from '../reads';
import { compile, sql } from '../sql/sql';

export interface NestedPageKey {
  parent: string;
  first?: number | null;
  after?: string | null;
  /** Entity properties the selection does not need (large texts): left out of the SELECT. */
  without?: ReadonlySet<string>;
}

/**
 * Paginated children of many parents in ONE statement per level:
 * `unnest(parents) CROSS JOIN LATERAL (... ORDER BY t.id LIMIT n)`.
 * `from` joins the child table as `t` and filters on the parent `p.key`, e.g.
 * `network_membership m JOIN structure t ON t.id = m.structure_id WHERE m.network_id = p.key`.
 * Children are ordered by id, which the (parent, child) composite indexes serve.
 */
export function nestedPageLoader<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  from: string,
  countLoader: DataLoader<string, number>,
): DataLoader<NestedPageKey, Connection<T>, string> {
  return new DataLoader<NestedPageKey, Connection<T>, string>(
    async (keys) => {
      const groups = new Map<
        string,
        { size: number; after: string | null; without: ReadonlySet<string> | undefined; parents: string[] }
      >();
      for (const k of keys) {
        const size = pageSize(k.first);
        const after = (decodeCursor(k.after, ['id'])?.[0] as string | undefined) ?? null;
        const g = `${size}:${after}:${withoutKey(k.without)}`;
        if (!groups.has(g)) groups.set(g, { size, after, without: k.without, parents: [] });
        groups.get(g)!.parents.push(k.parent);
      }
      const results = new Map<string, T[]>();
      for (const [g, { size, after, without, parents }] of groups) {
        // The parents first: a keyed read's keys are its first parameter (fused-reads.ts merges by them).
        const { text, values } = compile(
          sql`SELECT p.key::text AS __key, c.* FROM unnest(${parents}::bigint[]) AS p(key)
           CROSS JOIN LATERAL (
             SELECT ${sql.raw(columnsOf(ds, entity, 't', without))} FROM ${sql.raw(from)}
             ${after === null ? sql`` : sql`AND t.id > ${after}::bigint`}
             ORDER BY t.id LIMIT ${size + 1}
           ) c`,
        );
        const rows = await queryPrepared(ds, text, values, KEYED);
        // Rows of other requests' parents may come too (`mergeKeyed`): only those asked are hydrated.
        const pages = new Map<string, T[]>(parents.map((p) => [p, []]));
        for (const r of rows) pages.get(r.__key as string)?.push(hydrate(ds, entity, r));
        for (const [parent, page] of pages) results.set(`${g}|${parent}`, page);
      }
      return keys.map((k) => {
        const size = pageSize(k.first);
        const after = (decodeCursor(k.after, ['id'])?.[0] as string | undefined) ?? null;
        const rows = results.get(`${size}:${after}:${withoutKey(k.without)}|${k.parent}`) ?? [];
        return toConnection(
          rows,
          size,
          after === null ? null : [after],
          (r) => [r.id],
          () => countLoader.load(k.parent),
        );
      });
    },
    { cacheKeyFn: (k) => `${k.parent}|${k.first ?? ''}|${k.after ?? ''}|${withoutKey(k.without)}`, maxBatchSize: 500 },
  );
}
