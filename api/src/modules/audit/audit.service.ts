import type { Context } from '../../common/context';
import { queryRow, queryRows, sql, whereOf, type Sql } from '../../common/sql/sql';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import type { AuditChange, AuditEntry } from './audit-entry.type';

export interface AuditFilter {
  entityType?: string | null;
  entityId?: string | null;
  actor?: string | null;
  action?: string | null;
  first?: number | null;
  after?: string | null;
}

function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return keys.map((field) => ({
    field,
    before: before && field in before ? JSON.stringify(before[field]) : null,
    after: after && field in after ? JSON.stringify(after[field]) : null,
  }));
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit trail, newest first, filtered by entity, actor or action. */
export async function listAudit(ctx: Context, f: AuditFilter): Promise<Connection<AuditEntry>> {
  const size = pageSize(f.first);
  const after = decodeCursor(f.after, ['id']);
  const filters: Sql[] = [];
  if (f.entityType) filters.push(sql`entity_type = ${f.entityType}`);
  if (f.entityId) filters.push(sql`entity_id = ${f.entityId}`);
  if (f.actor) filters.push(sql`actor ILIKE '%' || ${f.actor.replace(/[\\%_]/g, (m) => `\\${m}`)} || '%'`);
  if (f.action) filters.push(sql`action = ${f.action}`);
  const page = after ? [...filters, sql`id < ${after[0]}::bigint`] : filters;
  const rows = await queryRows(
    ctx.ds,
    sql<AuditRow>`SELECT id::text, at, actor, action, entity_type, entity_id, before, after FROM audit_log
       ${whereOf(page)} ORDER BY audit_log.id DESC LIMIT ${size + 1}`,
  );
  const entries: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: changesOf(r.before, r.after),
  }));
  return toConnection(
    entries,
    size,
    after,
    (e) => [e.id],
    async () => (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log ${whereOf(filters)}`))!.n,
  );
}
