import type { Context } from '../../common/context';
import { queryRow, sql } from '../../common/sql/sql';
import type { EcosystemStats } from './ecosystem-stats.type';

/** All counts in one statement. */
export async function ecosystemStats(ctx: Context): Promise<EcosystemStats> {
  const row = await queryRow(
    ctx.ds,
    sql<EcosystemStats>`SELECT
    (SELECT count(*) FROM structure WHERE status = 'PUBLISHED')::int AS structures,
    (SELECT count(*) FROM sector WHERE status = 'ACTIVE')::int AS sectors,
    (SELECT count(*) FROM network WHERE status = 'ACTIVE')::int AS networks,
    (SELECT count(*) FROM person WHERE is_public AND status = 'ACTIVE')::int AS persons,
    (SELECT count(*) FROM participatory_space WHERE kind = 'WORKSHOP' AND NOT archived)::int AS workshops,
    (SELECT count(*) FROM participatory_space WHERE kind = 'CHANTIER' AND NOT archived)::int AS chantiers,
    (SELECT count(*) FROM participatory_space WHERE kind = 'STUDY_DAY' AND NOT archived)::int AS "studyDays",
    (SELECT count(*) FROM mentor_offer WHERE status <> 'CLOSED')::int AS "mentorOffers",
    (SELECT count(DISTINCT commune_code) FROM structure WHERE status = 'PUBLISHED')::int AS "communesWithStructures",
    (SELECT count(*) FROM commune)::int AS communes,
    (SELECT count(*) FROM epci)::int AS epcis`,
  );
  return row!;
}
