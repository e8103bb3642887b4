import type { EntityManager } from 'typeorm';
import { audit, REDACTED } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { insertAudited, lockRow, typedDbErrors, updateVersioned, editVersioned, type EditSpec } from '../../common/db/editing';
import { columnsOf, hydrate } from '../../common/reads';
import { commonErrors } from '../../common/domain-error';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { rowIdOf } from '../../common/relay/global-id';
import { sectorIdOf } from '../participatory-space/participatory-space-editing.service';
import { optionalText } from '../sector/sector-editing.service';
import { assertTerritoryCodes } from '../territory/territory.service';
import { accompanimentErrors } from './accompaniment.errors';
import { ReferralStatus } from './carrier-project-referral.entity';
import { CarrierProject, CarrierProjectStage } from './carrier-project.entity';
import type {
  CarrierProjectPatch,
  CreateCarrierProjectInput,
  MentorshipInput,
  ReferralInput,
  ReferralPatch,
  StageChangeInput,
  TechnicalOpinionInput,
} from './carrier-project.inputs';

/** The project's free texts may name the carrier: redacted in the audit trail, emptied by erasure. */
export const CARRIER_PROJECT_TEXTS = ['title', 'description', 'opinionText'] as const;

const SPEC: EditSpec<CarrierProject> = {
  entity: CarrierProject,
  table: 'carrier_project',
  entityType: 'CarrierProject',
  redact: CARRIER_PROJECT_TEXTS,
};

/** The project's columns as `columnsOf` reads them (`hydrate` types them from the entity metadata). */
type ProjectColumns = Record<string, unknown>;

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A calendar day (YYYY-MM-DD) that exists; unless `future`, not after today (a day of margin for the
 * time zones). Absent or null: undefined (the caller's default).
 */
export function dayOf(value: string | null | undefined, field: string, opts: { future?: boolean } = {}): string | undefined {
  if (value == null) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw commonErrors.invalidDay({ field });
  if (!opts.future && date.getTime() > Date.now() + DAY_MS) throw accompanimentErrors.futureDay({ field });
  return value;
}

/**
 * Once the carrier's personal data were erased, the project's texts stay empty: retention and erasure
 * skip anonymised persons, so a text typed afterwards would never be erased. Only changed, non-empty
 * values are refused.
 */
function assertTextsAllowed(project: CarrierProject, texts: Record<string, string | null | undefined>, current = {}) {
  if (!project.anonymisedAt) return;
  const was = current as Record<string, unknown>;
  const refused = Object.keys(texts).filter((k) => texts[k] != null && texts[k] !== was[k]);
  if (refused.length) throw accompanimentErrors.carrierAnonymised({ field: refused[0], refusedFields: refused });
}

async function communeCodeOf(ctx: Context, value: string | null | undefined): Promise<string | null | undefined> {
  const code = optionalText(value);
  if (code) await assertTerritoryCodes(ctx, { commune: [code] });
  return code;
}

const sectorOf = async (m: EntityManager, slug: string | null | undefined) =>
  slug === undefined ? undefined : slug?.trim() ? sectorIdOf(m, slug.trim()) : null;

/** One transaction on the locked row of a project (NOT_FOUND when it does not exist); database refusals typed. */
function withProject<T>(ctx: Context, id: string, fn: (m: EntityManager, project: CarrierProject) => Promise<T>): Promise<T> {
  return typedDbErrors(() => ctx.ds.transaction(async (m) => fn(m, await lockRow(m, SPEC, rowIdOf(id, 'CarrierProject')))));
}

/** A row of the stage history, by the viewer. */
async function recordStage(
  ctx: Context,
  m: EntityManager,
  projectId: string,
  from: CarrierProjectStage | null,
  to: CarrierProjectStage,
  on: string,
  note: string | null,
): Promise<void> {
  await queryRows(
    m,
    sql`INSERT INTO carrier_project_stage_change (project_id, from_stage, to_stage, changed_on, note, account_id)
     VALUES (${projectId}, ${from}, ${to}, ${on}, ${note}, ${ctx.viewer?.accountId ?? null})`,
  );
}

/**
 * Creates a project for a person (not an anonymised one: its texts would never be erased), at its first
 * stage (RECEIVED unless given), recorded in the stage history; one audit entry.
 */
export async function createCarrierProject(ctx: Context, input: CreateCarrierProjectInput): Promise<CarrierProject> {
  const personId = rowIdOf(input.personId, 'Person');
  const stage = input.stage ?? CarrierProjectStage.RECEIVED;
  const stageChangedOn = dayOf(input.stageChangedOn, 'stageChangedOn') ?? today();
  const communeCode = await communeCodeOf(ctx, input.communeCode);
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m) => {
      // FOR SHARE: an erasure of this person waits for this transaction, then anonymises the new project too.
      const person = await queryRow(
        m,
        sql<{ anonymised_at: Date | null }>`SELECT anonymised_at FROM person WHERE id = ${personId} FOR SHARE`,
      );
      if (!person) throw accompanimentErrors.unknownPerson({ field: 'personId' });
      if (person.anonymised_at) throw accompanimentErrors.personAnonymised({ field: 'personId' });
      const created = await insertAudited(ctx, m, SPEC, {
        personId,
        title: input.title.trim(),
        description: optionalText(input.description) ?? null,
        communeCode: communeCode ?? null,
        sectorId: (await sectorOf(m, input.sectorSlug)) ?? null,
        stage,
        stageChangedOn,
      });
      await recordStage(ctx, m, created.id, null, stage, stageChangedOn, null);
      return created;
    }),
  );
}

/** The project's own fields; CONFLICT if `version` is stale, ANONYMISED for new texts of an anonymised carrier. */
export async function updateCarrierProject(
  ctx: Context,
  id: string,
  version: number,
  input: CarrierProjectPatch,
): Promise<CarrierProject> {
  const communeCode = await communeCodeOf(ctx, input.communeCode);
  return withProject(ctx, id, async (m, current) => {
    const texts = { title: input.title?.trim() ?? undefined, description: optionalText(input.description) };
    assertTextsAllowed(current, texts, current);
    return updateVersioned(ctx, m, SPEC, current, version, {
      ...texts,
      communeCode,
      sectorId: await sectorOf(m, input.sectorSlug),
    });
  });
}

/**
 * Moves a project to another stage on a day (today by default; not before the day of its current
 * stage), and records it in the stage history with the viewer and a note.
 */
export function moveCarrierProjectStage(
  ctx: Context,
  id: string,
  version: number,
  input: StageChangeInput,
): Promise<CarrierProject> {
  const changedOn = dayOf(input.changedOn, 'changedOn') ?? today();
  const note = optionalText(input.note) ?? null;
  return withProject(ctx, id, async (m, current) => {
    if (current.version === version) {
      if (current.stage === input.stage) throw accompanimentErrors.sameStage({ field: 'stage' });
      if (changedOn < current.stageChangedOn)
        throw accompanimentErrors.stageBeforeCurrent({ current: current.stageChangedOn }, { field: 'changedOn' });
    }
    assertTextsAllowed(current, { note });
    const updated = await updateVersioned(
      ctx,
      m,
      SPEC,
      current,
      version,
      { stage: input.stage, stageChangedOn: changedOn },
      'MOVE_STAGE',
    );
    await recordStage(ctx, m, current.id, current.stage, input.stage, changedOn, note);
    return updated;
  });
}

/** A referral as its changes are audited (and compared). */
interface ReferralValues {
  id?: string;
  structureId?: string;
  referredOn?: string;
  status?: ReferralStatus;
  note?: string | null;
}

/** A referral row, as `updateCarrierProjectReferral` reads it. */
interface ReferralRow extends ReferralValues {
  id: string;
  structureId: string;
  referredOn: string;
  status: ReferralStatus;
  note: string | null;
}

/** A referral as the audit trail shows it: its note redacted. */
const referralEntry = (r: ReferralValues) => ({ referral: { ...r, note: r.note == null ? null : REDACTED } });

/**
 * A change of the project's referrals under the project's version: CONFLICT when it is stale (nothing is
 * written); otherwise `write` changes the rows and tells what changed (null: nothing, then nothing is
 * written), the version is bumped and one audit entry is appended on the project.
 */
function changeReferrals(
  ctx: Context,
  id: string,
  version: number,
  action: string,
  write: (m: EntityManager, project: CarrierProject) => Promise<{ before?: ReferralValues; after: ReferralValues } | null>,
): Promise<CarrierProject> {
  return withProject(ctx, id, async (m, current) => {
    // With nothing to write, updateVersioned only checks the version (CONFLICT names who changed it last).
    await updateVersioned(ctx, m, SPEC, current, version, {});
    const change = await write(m, current);
    if (!change) return current;
    const row = (await queryRow(
      m,
      sql<ProjectColumns>`UPDATE carrier_project t SET version = t.version + 1, updated_at = now() WHERE t.id = ${current.id}
       RETURNING ${sql.raw(columnsOf(m.connection, CarrierProject, 't'))}`,
    ))!;
    await audit(m, ctx, {
      action,
      entityType: SPEC.entityType,
      entityId: current.id,
      before: change.before && referralEntry(change.before),
      after: referralEntry(change.after),
    });
    return hydrate(m.connection, CarrierProject, row);
  });
}

/** Refers the project to a structure (PROPOSED unless said, today unless dated). */
export function addCarrierProjectReferral(ctx: Context, id: string, version: number, input: ReferralInput) {
  const structureId = rowIdOf(input.structureId, 'Structure');
  const values = {
    structureId,
    referredOn: dayOf(input.referredOn, 'referredOn') ?? today(),
    status: input.status ?? ReferralStatus.PROPOSED,
    note: optionalText(input.note) ?? null,
  };
  return changeReferrals(ctx, id, version, 'ADD_REFERRAL', async (m, project) => {
    assertTextsAllowed(project, { note: values.note });
    const row = (await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO carrier_project_referral (project_id, structure_id, referred_on, status, note, account_id)
       VALUES (${project.id}, ${structureId}, ${values.referredOn}, ${values.status}, ${values.note}, ${ctx.viewer?.accountId ?? null})
       RETURNING id::text`,
    ))!;
    return { after: { id: row.id, ...values } };
  });
}

/** Changes a referral of the project (its date, status, note); the same values again change nothing. */
export function updateCarrierProjectReferral(
  ctx: Context,
  id: string,
  version: number,
  referralId: string,
  input: ReferralPatch,
) {
  if (!/^[0-9]{1,18}$/.test(referralId)) throw accompanimentErrors.invalidReferralId({ field: 'referralId' });
  const values: ReferralValues = {
    referredOn: dayOf(input.referredOn, 'referredOn'),
    status: input.status ?? undefined,
    note: optionalText(input.note),
  };
  return changeReferrals(ctx, id, version, 'UPDATE_REFERRAL', async (m, project) => {
    const current = await queryRow(
      m,
      sql<ReferralRow>`SELECT id::text, structure_id::text AS "structureId", referred_on AS "referredOn", status, note
       FROM carrier_project_referral WHERE id = ${referralId} AND project_id = ${project.id} FOR UPDATE`,
    );
    if (!current) throw accompanimentErrors.referralNotFound({ field: 'referralId' });
    const changed = (Object.keys(values) as Array<keyof ReferralValues>).filter(
      (k) => values[k] !== undefined && values[k] !== current[k],
    );
    if (!changed.length) return null;
    assertTextsAllowed(project, { note: values.note }, current);
    const next: ReferralRow = { ...current, ...Object.fromEntries(changed.map((k) => [k, values[k]])) };
    await queryRows(
      m,
      sql`UPDATE carrier_project_referral SET referred_on = ${next.referredOn}, status = ${next.status}, note = ${next.note},
       updated_at = now() WHERE id = ${referralId}`,
    );
    return { before: current, after: next };
  });
}

/** Sets (or, with null, removes) the project's mentorship: an offer of tutorat and its dates. */
export function setCarrierProjectMentorship(
  ctx: Context,
  id: string,
  version: number,
  input: MentorshipInput | null | undefined,
): Promise<CarrierProject> {
  let values: Partial<CarrierProject> = { mentorOfferId: null, mentorshipStartsOn: null, mentorshipEndsOn: null };
  if (input) {
    const startsOn = dayOf(input.startsOn, 'startsOn', { future: true })!;
    const endsOn = dayOf(input.endsOn, 'endsOn', { future: true }) ?? null;
    if (endsOn && endsOn < startsOn) throw accompanimentErrors.mentorshipEndsBeforeStart({ field: 'endsOn' });
    values = {
      mentorOfferId: rowIdOf(input.mentorOfferId, 'MentorOffer'),
      mentorshipStartsOn: startsOn,
      mentorshipEndsOn: endsOn,
    };
  }
  return editVersioned(ctx, SPEC, rowIdOf(id, 'CarrierProject'), version, values, 'SET_MENTORSHIP');
}

/** Records the mission's technical opinion (it replaces the previous one), by the viewer. */
export function recordCarrierProjectOpinion(
  ctx: Context,
  id: string,
  version: number,
  input: TechnicalOpinionInput,
): Promise<CarrierProject> {
  const values = {
    opinion: input.verdict,
    opinionText: optionalText(input.text) ?? null,
    opinionOn: dayOf(input.givenOn, 'givenOn') ?? today(),
    opinionBy: ctx.viewer?.accountId ?? null,
  };
  return editVersioned(
    ctx,
    SPEC,
    rowIdOf(id, 'CarrierProject'),
    version,
    (current) => {
      assertTextsAllowed(current, { opinionText: values.opinionText }, current);
      return values;
    },
    'RECORD_OPINION',
  );
}

/** Archived projects leave the lists (unless asked for) and the indicators. */
export function archiveCarrierProject(ctx: Context, id: string, version: number): Promise<CarrierProject> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'CarrierProject'), version, { archived: true }, 'ARCHIVE');
}

/** Restoring an active project changes nothing. */
export function restoreCarrierProject(ctx: Context, id: string, version: number): Promise<CarrierProject> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'CarrierProject'), version, { archived: false }, 'RESTORE');
}
