import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { commonErrors } from '../domain-error';
import { queryRow, sql } from '../sql/sql';
import { columnsOf, hydrate } from '../reads';
import { withTypedSqlErrors } from './sql-errors';

/** A versioned, audited table (columns `id`, `version`, `updated_at`). */
export interface EditSpec<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  table: string;
  /** GraphQL type name, used in the audit trail. */
  entityType: string;
  /** Personal fields, redacted in the audit trail. */
  redact?: readonly string[];
}

export interface FieldConflict {
  field: string;
  current: unknown;
  submitted: unknown;
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : (a ?? null)) ===
  JSON.stringify(b instanceof Date ? b.toISOString() : (b ?? null));

function columnOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string): string {
  const col = m.connection.getMetadata(entity).columns.find((c) => c.propertyName === property);
  if (!col) throw new Error(`Unknown property ${property}`);
  return col.databaseName;
}

/** Locks the row; NOT_FOUND when it does not exist. */
export async function lockRow<T extends ObjectLiteral>(m: EntityManager, spec: EditSpec<T>, id: string): Promise<T> {
  const row = await queryRow(
    m,
    sql<Record<string, unknown>>`SELECT ${sql.raw(columnsOf(m.connection, spec.entity, 't'))} FROM ${sql.raw(spec.table)} t
     WHERE t.id = ${id} FOR UPDATE`,
  );
  if (!row) throw commonErrors.notFound({ field: 'id' });
  return hydrate(m.connection, spec.entity, row);
}

/**
 * Values kept outside the row (link tables: the sectors of an account…) but edited with it, under
 * its version. They are compared like the columns: a CONFLICT lists those that differ, a change
 * bumps the row's version, and the row's single audit entry shows them before and after.
 */
export interface LinkedValues {
  /** Current values by field name, normalised so that equal values compare equal (sorted ids…). */
  current: Record<string, unknown>;
  /** Submitted values, normalised the same way; undefined: not submitted. */
  submitted: Record<string, unknown>;
  /** Writes the submitted values of these fields (only called for fields that changed). */
  write(fields: string[]): Promise<void>;
}

/**
 * Optimistic locking: saving on a stale version is refused with CONFLICT, showing for each
 * field the current value and the submitted one, and who changed it last; nothing is written.
 * Otherwise writes the changed fields (and linked values), bumps the version and appends one
 * audit entry; when nothing changed, writes nothing.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  ctx: Context,
  m: EntityManager,
  spec: EditSpec<T>,
  current: T,
  version: number,
  patch: Partial<T>,
  action = 'UPDATE',
  linked?: LinkedValues,
): Promise<T> {
  const submitted = patch as Record<string, unknown>;
  const keys = Object.keys(submitted).filter((k) => submitted[k] !== undefined);
  const linkedKeys = linked ? Object.keys(linked.submitted).filter((k) => linked.submitted[k] !== undefined) : [];
  const changed = keys.filter((k) => !same(current[k], submitted[k]));
  const changedLinks = linkedKeys.filter((k) => !same(linked!.current[k], linked!.submitted[k]));
  if (current.version !== version) {
    const last = await queryRow(
      m,
      sql<{ actor: string; at: Date }>`SELECT actor, at FROM audit_log
       WHERE entity_type = ${spec.entityType} AND entity_id = ${current.id} ORDER BY id DESC LIMIT 1`,
    );
    const changes: FieldConflict[] = [
      ...changed.map((k) => ({ field: k, current: current[k] ?? null, submitted: submitted[k] ?? null })),
      ...changedLinks.map((k) => ({ field: k, current: linked!.current[k] ?? null, submitted: linked!.submitted[k] ?? null })),
    ];
    throw commonErrors.editConflict(
      { by: last?.actor ?? null, currentVersion: current.version, version },
      { currentVersion: current.version, changes, lastChangedBy: last?.actor ?? null, lastChangedAt: last?.at ?? null },
    );
  }
  if (!changed.length && !changedLinks.length) return current;
  const sets = changed.map((k) => sql`${sql.ref(columnOf(m, spec.entity, k))} = ${submitted[k] ?? null}`);
  const row = await queryRow(
    m,
    sql<Record<string, unknown>>`UPDATE ${sql.raw(spec.table)} t
     SET ${sql.join([...sets, sql`version = t.version + 1`, sql`updated_at = now()`])}
     WHERE t.id = ${current.id} RETURNING ${sql.raw(columnsOf(m.connection, spec.entity, 't'))}`,
  );
  const updated = hydrate(m.connection, spec.entity, row!);
  if (changedLinks.length) await linked!.write(changedLinks);
  const linkedAfter = Object.fromEntries(changedLinks.map((k) => [k, linked!.submitted[k]]));
  await audit(m, ctx, {
    action,
    entityType: spec.entityType,
    entityId: current.id,
    before: { ...current, ...linked?.current },
    after: { ...updated, ...linked?.current, ...linkedAfter },
    redact: spec.redact,
  });
  return updated;
}

/** Inserts a row from entity properties and audits its creation. */
export async function insertAudited<T extends ObjectLiteral & { id: string }>(
  ctx: Context,
  m: EntityManager,
  spec: EditSpec<T>,
  values: Partial<T>,
  action = 'CREATE',
): Promise<T> {
  const given = values as Record<string, unknown>;
  const keys = Object.keys(given).filter((k) => given[k] !== undefined);
  const row = await queryRow(
    m,
    sql<
      Record<string, unknown>
    >`INSERT INTO ${sql.raw(spec.table)} AS t (${sql.join(keys.map((k) => sql.ref(columnOf(m, spec.entity, k))))})
     VALUES (${sql.join(keys.map((k) => sql`${given[k] ?? null}`))}) RETURNING ${sql.raw(columnsOf(m.connection, spec.entity, 't'))}`,
  );
  const created = hydrate(m.connection, spec.entity, row!);
  await audit(m, ctx, { action, entityType: spec.entityType, entityId: created.id, after: { ...created }, redact: spec.redact });
  return created;
}

/** Integrity violations and refused values the database caught become typed input errors (nothing was written). */
export const typedDbErrors = withTypedSqlErrors;

/** One transaction: lock the row of a global id, check its version, write the changed fields, audit. */
export function editVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  ctx: Context,
  spec: EditSpec<T>,
  rowId: string,
  version: number,
  values: Partial<T> | ((current: T) => Partial<T> | Promise<Partial<T>>),
  action = 'UPDATE',
): Promise<T> {
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m) => {
      const current = await lockRow(m, spec, rowId);
      return updateVersioned(
        ctx,
        m,
        spec,
        current,
        version,
        typeof values === 'function' ? await values(current) : values,
        action,
      );
    }),
  );
}

/** One transaction: insert and audit. */
export function createAudited<T extends ObjectLiteral & { id: string }>(
  ctx: Context,
  spec: EditSpec<T>,
  values: Partial<T>,
): Promise<T> {
  return typedDbErrors(() => ctx.ds.transaction((m) => insertAudited(ctx, m, spec, values)));
}
