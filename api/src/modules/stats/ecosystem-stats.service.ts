import type { Context } from '../../common/context';
import type { EcosystemStats } from './ecosystem-stats.type';

/** All counts in one statement. */
export async function ecosystemStats(ctx: Context): Promise<EcosystemStats> {
  const [row] = await ctx.ds.query(`SELECT
    (SELECT count(*) FROM structure WHERE status = 'PUBLISHED')::int AS structures,
    (SELECT count(*) FROM sector)::int AS sectors,
    (SELECT count(*) FROM network)::int AS networks,
    (SELECT count(*) FROM person WHERE is_public)::int AS persons,
    (SELECT count(*) FROM participatory_space WHERE kind = 'WORKSHOP')::int AS workshops,
    (SELECT count(*) FROM participatory_space WHERE kind = 'CHANTIER')::int AS chantiers,
    (SELECT count(*) FROM participatory_space WHERE kind = 'STUDY_DAY')::int AS "studyDays",
    (SELECT count(*) FROM mentor_offer)::int AS "mentorOffers",
    (SELECT count(DISTINCT commune_code) FROM structure WHERE status = 'PUBLISHED')::int AS "communesWithStructures",
    (SELECT count(*) FROM commune)::int AS communes,
    (SELECT count(*) FROM epci)::int AS epcis`);
  return row;
}
