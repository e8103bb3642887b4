import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../context';
import { queryRows, sql } from '../sql/sql';

/** Keys never written to the audit trail. */
const SECRET = /password|token|secret|session|hash/i;

export type Row = Record<string, unknown>;

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));

/** The fields that differ between two versions of a row (secrets removed). */
export function changedFields(before: Row | null, after: Row | null): { before: Row | null; after: Row | null } {
  if (!before || !after) return { before: before && scrub(before), after: after && scrub(after) };
  const b: Row = {};
  const a: Row = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SECRET.test(key) || key === 'updatedAt' || key === 'updated_at') continue;
    if (comparable(before[key]) !== comparable(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

function scrub(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET.test(k)));
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string;
  before?: Row | null;
  after?: Row | null;
  /** Personal fields: the trail says they changed, never what they held. */
  redact?: readonly string[];
}

export const REDACTED = '[donnée personnelle]';

const redactRow = (row: Row | null, keys: readonly string[] | undefined) =>
  row && keys?.length
    ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keys.includes(k) && v != null ? REDACTED : v]))
    : row;

/** Appends one entry to the audit trail, in the caller's transaction. */
export async function audit(m: EntityManager | DataSource, ctx: Context, e: AuditEvent): Promise<void> {
  const diff = changedFields(e.before ?? null, e.after ?? null);
  const before = redactRow(diff.before, e.redact);
  const after = redactRow(diff.after, e.redact);
  await queryRows(
    m,
    sql`INSERT INTO audit_log (account_id, actor, action, entity_type, entity_id, before, after, request_id)
     VALUES (${ctx.viewer?.accountId ?? null}, ${ctx.viewer ? ctx.viewer.email : 'anonyme'}, ${e.action}, ${e.entityType},
       ${e.entityId}, ${before ? JSON.stringify(before) : null}, ${after ? JSON.stringify(after) : null}, ${ctx.requestId})`,
  );
}
