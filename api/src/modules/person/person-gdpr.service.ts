import type { DataSource, EntityManager } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { lockRow, type EditSpec } from '../../common/db/editing';
import { columnsOf, hydrate } from '../../common/reads';
import { liftStatementTimeout } from '../../common/db/statement-timeout';
import { assertOffsetPage } from '../../common/pagination/connection';
import { queryRow, queryRows, sql, whereOf, type Sql } from '../../common/sql/sql';
import { rowIdOf } from '../../common/relay/global-id';
import { searchWords } from '../territory/territory.service';
import { anonymiseCarrierProjects, carrierProjectsJson } from './carrier-project-gdpr.service';
import type { Consent } from './consent.type';
import { Person, type PersonStatus } from './person.entity';
import { personErrors } from './person.errors';

const PERSON_SPEC: EditSpec<Person> = { entity: Person, table: 'person', entityType: 'Person' };
/** Personal fields: erased on request or by retention; never copied into the audit trail. */
export const PERSONAL_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'bio'] as const;

/**
 * Retention durations, in days, from the configuration. The job runs on the schedule of
 * modules/jobs/jobs.config.ts (ESSOR_RETENTION_INTERVAL_HOURS, default 6).
 */
export const RETENTION = {
  /** Persons with a last contact date (talent pool, contacts): 2 years after the last contact. */
  personDays: Number(process.env.ESSOR_RETENTION_PERSON_DAYS ?? 730),
};

/** A row of the admin list: the person's columns (hydrated from the entity) and the total of the filtered list. */
type PersonListRow = Record<string, unknown> & { __total: string | number };

export type AdminPersonSort = 'NAME' | 'LAST_CONTACT_AT' | 'UPDATED_AT' | 'CREATED_AT';

/** Admin table: every person (archived and anonymised ones too), filtered by text and status, sorted, by offset pages. */
export async function adminListPersons(
  ctx: Context,
  a: {
    text?: string | null;
    status?: PersonStatus[] | null;
    sort?: AdminPersonSort | null;
    descending?: boolean | null;
    page: number;
    pageSize: number;
  },
) {
  assertOffsetPage(a.page, a.pageSize);
  const where: Sql[] = searchWords(a.text).map(
    (w) =>
      sql`lower(essor_unaccent(concat_ws(' ', t.first_name, t.last_name, t.email, t.job_title))) LIKE '%' || lower(essor_unaccent(${w})) || '%'`,
  );
  if (a.status?.length) where.push(sql`t.status = ANY(${a.status}::text[])`);
  const dir = a.descending ? sql`DESC` : sql`ASC`;
  const order = {
    NAME: sql`t.last_name ${dir} NULLS LAST, t.first_name ${dir} NULLS LAST`,
    LAST_CONTACT_AT: sql`t.last_contact_at ${dir} NULLS LAST`,
    UPDATED_AT: sql`t.updated_at ${dir}`,
    CREATED_AT: sql`t.created_at ${dir}`,
  }[a.sort ?? 'NAME'];
  const rows = await queryRows(
    ctx.ds,
    sql<PersonListRow>`SELECT ${sql.raw(columnsOf(ctx.ds, Person, 't'))}, count(*) OVER () AS __total FROM person t
     ${whereOf(where)} ORDER BY ${order}, t.id ${dir}
     LIMIT ${a.pageSize} OFFSET ${a.page * a.pageSize}`,
  );
  return { totalCount: Number(rows[0]?.__total ?? 0), items: rows.map((r) => hydrate(ctx.ds, Person, r)) };
}

/** The JSON export of a person (json_build_object below): what the platform holds, by kind. */
interface PersonExport {
  exportedAt: string;
  /** The person's row (null: no such person). */
  person: Record<string, unknown> | null;
  structure: { name: string; siret: string | null } | null;
  consents: Array<{ scope: string; version: string; grantedAt: string; withdrawnAt: string | null }>;
  facilitatedSectors: string[];
  mentorOffers: Array<{ title: string; themes: string[]; availability: string | null }>;
  participations: Array<{ space: string; kind: string; role: string }>;
  carrierProjects: unknown[];
  auditTrail: Array<{ at: string; actor: string; action: string }>;
}

/** Everything the platform holds about a person, as JSON (right of access and portability). */
export async function exportPersonData(ctx: Context, id: string): Promise<string> {
  const rowId = rowIdOf(id, 'Person');
  const { data } = (await queryRow(
    ctx.ds,
    sql<{ data: PersonExport }>`SELECT json_build_object(
       'exportedAt', now(),
       'person', (SELECT to_jsonb(p) - 'is_demo' FROM person p WHERE p.id = ${rowId}),
       'structure', (SELECT json_build_object('name', s.name, 'siret', s.siret) FROM person p JOIN structure s ON s.id = p.structure_id WHERE p.id = ${rowId}),
       'consents', coalesce((SELECT json_agg(json_build_object('scope', scope, 'version', version, 'grantedAt', granted_at, 'withdrawnAt', withdrawn_at))
                    FROM consent WHERE person_id = ${rowId}), '[]'),
       'facilitatedSectors', coalesce((SELECT json_agg(s.name) FROM sector_facilitator f JOIN sector s ON s.id = f.sector_id WHERE f.person_id = ${rowId}), '[]'),
       'mentorOffers', coalesce((SELECT json_agg(json_build_object('title', title, 'themes', themes, 'availability', availability))
                    FROM mentor_offer WHERE mentor_id = ${rowId}), '[]'),
       'participations', coalesce((SELECT json_agg(json_build_object('space', ps.title, 'kind', ps.kind, 'role', sp.role))
                    FROM space_participant sp JOIN participatory_space ps ON ps.id = sp.space_id WHERE sp.person_id = ${rowId}), '[]'),
       'carrierProjects', ${carrierProjectsJson(rowId)},
       'auditTrail', coalesce((SELECT json_agg(json_build_object('at', at, 'actor', actor, 'action', action) ORDER BY id)
                    FROM audit_log WHERE entity_type = 'Person' AND entity_id = ${rowId}::text), '[]')
     ) AS data`,
  ))!;
  if (!data.person) throw personErrors.notFound({ field: 'id' });
  await audit(ctx.ds, ctx, { action: 'EXPORT_PERSONAL_DATA', entityType: 'Person', entityId: rowId });
  return JSON.stringify(data, null, 2);
}

/** Anonymises the personal fields; links and counts (aggregates) stay. */
async function anonymise(m: EntityManager, ids: string[]): Promise<string[]> {
  const rows = await queryRows(
    m,
    sql<{ id: string }>`UPDATE person SET first_name = NULL, last_name = NULL, email = NULL, phone = NULL, bio = NULL,
       is_public = false, anonymised_at = now(), updated_at = now(), version = version + 1
     WHERE id = ANY(${ids}::bigint[]) AND anonymised_at IS NULL RETURNING id::text`,
  );
  await queryRows(
    m,
    sql`UPDATE consent SET withdrawn_at = now() WHERE person_id = ANY(${ids}::bigint[]) AND withdrawn_at IS NULL`,
  );
  // Their projects' free texts go too; the projects stay for the aggregates.
  const anonymised = rows.map((r) => r.id);
  if (anonymised.length) await anonymiseCarrierProjects(m, anonymised);
  // Cached public answers may quote the erased fields: they go too (outdated ones are never served).
  if (rows.length) await queryRows(m, sql`DELETE FROM response_cache`);
  return anonymised;
}

export async function erasePerson(ctx: Context, id: string): Promise<Person> {
  const rowId = rowIdOf(id, 'Person');
  return ctx.ds.transaction(async (m) => {
    await lockRow(m, PERSON_SPEC, rowId);
    await anonymise(m, [rowId]);
    // The trail records which fields were erased, never their values.
    await audit(m, ctx, {
      action: 'ERASE_PERSONAL_DATA',
      entityType: 'Person',
      entityId: rowId,
      after: { erasedFields: [...PERSONAL_FIELDS] },
    });
    return lockRow(m, PERSON_SPEC, rowId);
  });
}

export async function recordConsent(ctx: Context, personId: string, scope: string, version: string): Promise<Consent> {
  const rowId = rowIdOf(personId, 'Person');
  if (!/^[a-z0-9-]{2,40}$/.test(scope)) throw personErrors.invalidScope({ field: 'scope' });
  if (!/^[\w.-]{1,20}$/.test(version)) throw personErrors.invalidVersion({ field: 'version' });
  return ctx.ds.transaction(async (m) => {
    const person = await lockRow(m, PERSON_SPEC, rowId);
    // A consent is personal data of a person who is no longer identified: retention and erasure
    // skip anonymised persons, so it would never be erased.
    if (person.anonymisedAt) throw personErrors.consentOfAnonymised({ field: 'personId' });
    const c = (await queryRow(
      m,
      sql<Consent>`INSERT INTO consent (person_id, scope, version) VALUES (${rowId}, ${scope}, ${version})
       RETURNING id::text, scope, version, granted_at AS "grantedAt", withdrawn_at AS "withdrawnAt"`,
    ))!;
    await audit(m, ctx, { action: 'RECORD_CONSENT', entityType: 'Person', entityId: rowId, after: { scope, version } });
    return c;
  });
}

export async function withdrawConsent(ctx: Context, consentId: string): Promise<Consent> {
  if (!/^[0-9]{1,18}$/.test(consentId)) throw personErrors.invalidConsentId({ field: 'id' });
  return ctx.ds.transaction(async (m) => {
    const c = await queryRow(
      m,
      sql<Consent & { personId: string }>`UPDATE consent SET withdrawn_at = coalesce(withdrawn_at, now()) WHERE id = ${consentId}
       RETURNING id::text, person_id::text AS "personId", scope, version, granted_at AS "grantedAt", withdrawn_at AS "withdrawnAt"`,
    );
    if (!c) throw personErrors.consentNotFound({ field: 'id' });
    await audit(m, ctx, {
      action: 'WITHDRAW_CONSENT',
      entityType: 'Person',
      entityId: c.personId,
      after: { scope: c.scope },
    });
    return c;
  });
}

/**
 * Retention: anonymises the persons whose last contact is older than the configured
 * duration. Safe with several API replicas: one runs it at a time (advisory lock).
 * This is the scheduled job: its audit entries have the actor « retention ».
 */
export function runRetention(ds: DataSource, days = RETENTION.personDays): Promise<number> {
  return retain(ds, null, days);
}

/** The retention job started from the API: its audit entries name the account and the request. */
export function runRetentionNow(ctx: Context, days = RETENTION.personDays): Promise<number> {
  return retain(ctx.ds, ctx, days);
}

async function retain(ds: DataSource, startedBy: Context | null, days: number): Promise<number> {
  return ds.transaction(async (m) => {
    await liftStatementTimeout(m); // a job, not a request (also when an admin starts it)
    const { locked } = (await queryRow(
      m,
      sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('essor-retention')) AS locked`,
    ))!;
    if (!locked) return 0;
    const due = await queryRows(
      m,
      // The last sign of a relationship: the last recorded contact (the creation for rows that never
      // had one), or the last change to a project the person carries (accompaniment in progress).
      sql<{ id: string }>`SELECT p.id::text FROM person p
       WHERE p.anonymised_at IS NULL
         AND greatest(coalesce(p.last_contact_at, p.created_at),
                      (SELECT max(c.updated_at) FROM carrier_project c WHERE c.person_id = p.id)) < now() - make_interval(days => ${days})`,
    );
    if (!due.length) return 0;
    const done = await anonymise(
      m,
      due.map((d) => d.id),
    );
    const after = { erasedFields: [...PERSONAL_FIELDS], retentionDays: days };
    for (const id of done) {
      if (startedBy) {
        await audit(m, startedBy, { action: 'RETENTION_ANONYMISE', entityType: 'Person', entityId: id, after });
      } else {
        await queryRows(
          m,
          sql`INSERT INTO audit_log (actor, action, entity_type, entity_id, after)
           VALUES ('retention', 'RETENTION_ANONYMISE', 'Person', ${id}, ${JSON.stringify(after)})`,
        );
      }
    }
    return done.length;
  });
}
