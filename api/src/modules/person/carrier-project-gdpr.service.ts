import type { EntityManager } from 'typeorm';
import { queryRows, sql, type Sql } from '../../common/sql/sql';

/** What an anonymised project is called: its real title may name the carrier. */
export const ANONYMISED_PROJECT_TITLE = 'Projet anonymisé';

/**
 * A person's data in the carrier projects (tables of modules/accompaniment), here because the person's
 * rights (person-gdpr.service.ts) span every table holding their data and person sits below accompaniment.
 *
 * Erasure and retention of persons (person-gdpr.service.ts): empties the free texts of their projects
 * (title, description, opinion, notes of the referrals and of the stage history), in one statement. The
 * rows, stages, dates, referrals and mentorships stay: the aggregates (plan indicators) keep counting them.
 */
export async function anonymiseCarrierProjects(m: EntityManager, personIds: readonly string[]): Promise<void> {
  await queryRows(
    m,
    sql`WITH p AS (
       UPDATE carrier_project SET title = ${ANONYMISED_PROJECT_TITLE}, description = NULL, opinion_text = NULL, anonymised_at = now(),
         updated_at = now(), version = version + 1
       WHERE person_id = ANY(${personIds}::bigint[]) AND anonymised_at IS NULL RETURNING id
     ), r AS (
       UPDATE carrier_project_referral SET note = NULL, updated_at = now() WHERE project_id IN (SELECT id FROM p) AND note IS NOT NULL
     )
     UPDATE carrier_project_stage_change SET note = NULL WHERE project_id IN (SELECT id FROM p) AND note IS NOT NULL`,
  );
}

/**
 * The person's projects in their data export (right of access): a JSON array expression for the export's
 * single statement, of the person whose row id is given.
 */
export function carrierProjectsJson(personId: string): Sql {
  return sql`coalesce((SELECT json_agg(json_build_object(
      'title', cp.title, 'description', cp.description, 'stage', cp.stage, 'stageChangedOn', cp.stage_changed_on,
      'communeCode', cp.commune_code, 'sector', (SELECT s.name FROM sector s WHERE s.id = cp.sector_id),
      'archived', cp.archived, 'createdAt', cp.created_at,
      'technicalOpinion', CASE WHEN cp.opinion IS NULL THEN NULL
        ELSE json_build_object('verdict', cp.opinion, 'text', cp.opinion_text, 'givenOn', cp.opinion_on) END,
      'mentorship', CASE WHEN cp.mentor_offer_id IS NULL THEN NULL
        ELSE json_build_object('offer', (SELECT o.title FROM mentor_offer o WHERE o.id = cp.mentor_offer_id),
          'startsOn', cp.mentorship_starts_on, 'endsOn', cp.mentorship_ends_on) END,
      'stageHistory', coalesce((SELECT json_agg(json_build_object('from', h.from_stage, 'to', h.to_stage, 'on', h.changed_on,
          'note', h.note) ORDER BY h.id) FROM carrier_project_stage_change h WHERE h.project_id = cp.id), '[]'),
      'referrals', coalesce((SELECT json_agg(json_build_object('structure', s.name, 'referredOn', r.referred_on,
          'status', r.status, 'note', r.note) ORDER BY r.id)
        FROM carrier_project_referral r JOIN structure s ON s.id = r.structure_id WHERE r.project_id = cp.id), '[]')
    ) ORDER BY cp.id) FROM carrier_project cp WHERE cp.person_id = ${personId}), '[]')`;
}
