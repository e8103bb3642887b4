import type { Context } from '../../common/context';
import { columnsOf, hydrate } from '../../common/reads';
import { assertOffsetPage } from '../../common/pagination/connection';
import { queryRow, queryRows, sql, whereOf, type Sql } from '../../common/sql/sql';
import { sectorErrors } from '../sector/sector.errors';
import { assertTerritoryCodes, searchWords } from '../territory/territory.service';
import { CARRIER_PROJECT_STAGES, CarrierProject, type CarrierProjectStage } from './carrier-project.entity';
import type { CarrierMentorship, CarrierProjectPage, CarrierProjectStageCount, TechnicalOpinion } from './carrier-project.types';

/** The filters of the list and of the pipeline counts. */
export interface CarrierProjectFilter {
  /** Words of the title or of the carrier's names. */
  text?: string | null;
  stage?: CarrierProjectStage[] | null;
  /** INSEE commune codes. */
  commune?: string[] | null;
  /** EPCI SIRENs: projects in one of their communes. */
  epci?: string[] | null;
  /** Sector slugs. */
  sector?: string[] | null;
  /** false (default): active projects; true: archived ones; null: both. */
  archived?: boolean | null;
}

export type CarrierProjectSort = 'UPDATED_AT' | 'CREATED_AT' | 'TITLE' | 'STAGE_CHANGED_ON';

const ORDER: Record<CarrierProjectSort, Sql> = {
  UPDATED_AT: sql`t.updated_at`,
  CREATED_AT: sql`t.created_at`,
  TITLE: sql`lower(essor_unaccent(t.title))`,
  STAGE_CHANGED_ON: sql`t.stage_changed_on`,
};

/** FROM clause of the filters: the project `t` and its carrier `pe` (text search on the names). */
const FROM = sql`carrier_project t JOIN person pe ON pe.id = t.person_id`;

/** Checks the filter's codes (territory, sectors), then gives its SQL conditions. */
async function filterConditions(ctx: Context, f: CarrierProjectFilter): Promise<Sql[]> {
  if (f.commune?.length || f.epci?.length) await assertTerritoryCodes(ctx, { commune: f.commune, epci: f.epci });
  if (f.sector?.length) {
    const unknown = await queryRow(
      ctx.ds,
      sql<{ slug: string }>`SELECT c AS slug FROM unnest(${f.sector}::text[]) c
       WHERE NOT EXISTS (SELECT 1 FROM sector WHERE slug = c) LIMIT 1`,
    );
    if (unknown) throw sectorErrors.unknownSlug({ slug: unknown.slug }, { field: 'sector' });
  }
  const where: Sql[] = [];
  const archived = f.archived === undefined ? false : f.archived;
  if (archived !== null) where.push(archived ? sql`t.archived` : sql`NOT t.archived`);
  if (f.stage?.length) where.push(sql`t.stage = ANY(${f.stage}::text[])`);
  if (f.commune?.length) where.push(sql`t.commune_code = ANY(${f.commune}::text[])`);
  if (f.epci?.length) where.push(sql`t.commune_code IN (SELECT code FROM commune WHERE epci_siren = ANY(${f.epci}::text[]))`);
  if (f.sector?.length) where.push(sql`t.sector_id IN (SELECT id FROM sector WHERE slug = ANY(${f.sector}::text[]))`);
  for (const w of searchWords(f.text)) {
    where.push(
      sql`lower(essor_unaccent(concat_ws(' ', t.title, pe.first_name, pe.last_name))) LIKE '%' || lower(essor_unaccent(${w})) || '%'`,
    );
  }
  return where;
}

/** A row of the list: the project's columns (`hydrate` types them from the entity metadata) and the total of the filtered list. */
type ListRow = Record<string, unknown> & { __total: string | number };

/** Admin table: filtered, sorted, by offset pages (100 rows at most), with the total in the same statement. */
export async function listCarrierProjects(
  ctx: Context,
  a: CarrierProjectFilter & { sort?: CarrierProjectSort | null; descending?: boolean | null; page: number; pageSize: number },
): Promise<CarrierProjectPage> {
  assertOffsetPage(a.page, a.pageSize);
  const where = whereOf(await filterConditions(ctx, a));
  const dir = a.descending === false ? sql`ASC` : sql`DESC`;
  const rows = await queryRows(
    ctx.ds,
    sql<ListRow>`SELECT ${sql.raw(columnsOf(ctx.ds, CarrierProject, 't'))}, count(*) OVER () AS __total FROM ${FROM} ${where}
     ORDER BY ${ORDER[a.sort ?? 'UPDATED_AT']} ${dir}, t.id ${dir}
     LIMIT ${a.pageSize} OFFSET ${a.page * a.pageSize}`,
  );
  let totalCount = Number(rows[0]?.__total ?? 0);
  if (!rows.length && a.page > 0) {
    // Past the last page: the total still says how many there are.
    totalCount = (await queryRow(ctx.ds, sql<{ n: number }>`SELECT count(*)::int AS n FROM ${FROM} ${where}`))!.n;
  }
  return { totalCount, items: rows.map((r) => hydrate(ctx.ds, CarrierProject, r)) };
}

/** How many projects are at each stage (every stage, in pipeline order), under the same filters but the stage. */
export async function carrierProjectPipeline(ctx: Context, f: CarrierProjectFilter): Promise<CarrierProjectStageCount[]> {
  const where = whereOf(await filterConditions(ctx, { ...f, stage: null }));
  const rows = await queryRows(
    ctx.ds,
    sql<{ stage: CarrierProjectStage; n: number }>`SELECT t.stage, count(*)::int AS n FROM ${FROM} ${where} GROUP BY t.stage`,
  );
  const byStage = new Map(rows.map((r) => [r.stage, r.n]));
  return CARRIER_PROJECT_STAGES.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 }));
}

export function findCarrierProject(ctx: Context, id: string): Promise<CarrierProject | null> {
  return ctx.loaders.carrierProject.byId.load(id);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The project's mentorship, if it has one. */
export function mentorshipOf(p: CarrierProject): CarrierMentorship | null {
  if (!p.mentorOfferId || !p.mentorshipStartsOn) return null;
  const now = today();
  return {
    mentorOfferId: p.mentorOfferId,
    startsOn: p.mentorshipStartsOn,
    endsOn: p.mentorshipEndsOn,
    active: p.mentorshipStartsOn <= now && (!p.mentorshipEndsOn || p.mentorshipEndsOn >= now),
  };
}

/** The mission's technical opinion, if it gave one. */
export function technicalOpinionOf(p: CarrierProject): TechnicalOpinion | null {
  if (!p.opinion || !p.opinionOn) return null;
  return { verdict: p.opinion, text: p.opinionText, givenOn: p.opinionOn, accountId: p.opinionBy };
}

/** The display name of the account that did something (null: unknown or deleted account). */
export async function authorName(ctx: Context, accountId: string | null): Promise<string | null> {
  if (!accountId) return null;
  return (await ctx.loaders.account.byId.load(accountId))?.displayName ?? null;
}
