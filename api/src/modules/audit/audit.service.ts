import type { Context } from '../../common/context';
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

/** The audit trail, newest first, filtered by entity, actor or action. */
export async function listAudit(ctx: Context, f: AuditFilter): Promise<Connection<AuditEntry>> {
  const size = pageSize(f.first);
  const after = decodeCursor(f.after, ['id']);
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.entityType) where.push(`entity_type = $${params.push(f.entityType)}`);
  if (f.entityId) where.push(`entity_id = $${params.push(f.entityId)}`);
  if (f.actor) where.push(`actor ILIKE '%' || $${params.push(f.actor.replace(/[\\%_]/g, (m) => `\\${m}`))} || '%'`);
  if (f.action) where.push(`action = $${params.push(f.action)}`);
  const countWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];
  if (after) where.push(`id < $${params.push(after[0])}::bigint`);
  const rows: Array<{
    id: string;
    at: Date;
    actor: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: any;
    after: any;
  }> = await ctx.ds.query(
    `SELECT id::text, at, actor, action, entity_type, entity_id, before, after FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT $${params.push(size + 1)}`,
    params,
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
    async () => {
      const [{ n }] = await ctx.ds.query(`SELECT count(*)::int AS n FROM audit_log ${countWhere}`, countParams);
      return n;
    },
  );
}
