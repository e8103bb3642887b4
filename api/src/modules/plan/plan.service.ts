import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { optionalDay, requiredDay } from '../../common/validation/calendar-day';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { planErrors } from './plan.errors';
import type {
  PlanAction,
  PlanIndicator,
  PlanIndicatorValue,
  PlanMilestone,
  SteeringDecision,
  SteeringMeeting,
} from './plan.types';

/**
 * Indicators computed from the graph, all in one statement (exported for the tests, which run it inside
 * their own snapshot).
 *
 * Carriers' projects (accompaniment module) count when they are not archived and their carrier was not
 * anonymised:
 * - CARRIERS_SUPPORTED (« Projets de porteurs accompagnés »): distinct projects that reached the stage
 *   SUPPORTED or LAUNCHED (now or in their stage history: a project accompanied then abandoned still was
 *   accompanied), or that a structure accepted (referral ACCEPTED or DONE), or that have a mentorship.
 * - MENTORSHIPS_ACTIVE (« Tutorats de porteurs de projet en cours »): projects not abandoned whose
 *   mentorship started on or before today and has not ended before today.
 */
export const COMPUTED_INDICATORS = sql<ComputedValues>`SELECT
    (SELECT count(*) FROM structure WHERE status = 'PUBLISHED')::float8 AS "STRUCTURES_PUBLISHED",
    (SELECT round(100.0 * count(*) FILTER (WHERE last_verified_at > now() - interval '1 year') / nullif(count(*), 0), 1)
       FROM structure WHERE status = 'PUBLISHED')::float8 AS "STRUCTURES_FRESH_PERCENT",
    (SELECT count(*) FROM space_session ss JOIN participatory_space p ON p.id = ss.space_id
       WHERE ss.starts_at < now() AND NOT p.archived AND p.status <> 'CANCELLED')::float8 AS "WORKSHOP_SESSIONS_HELD",
    (SELECT count(*) FROM space_participant sp JOIN participatory_space p ON p.id = sp.space_id WHERE NOT p.archived)::float8 AS "SPACE_PARTICIPANTS",
    (SELECT count(*) FROM mentor_offer WHERE status = 'OPEN')::float8 AS "MENTOR_OFFERS_OPEN",
    (SELECT count(*) FROM structure_submission WHERE status <> 'PENDING')::float8 AS "SUBMISSIONS_PROCESSED",
    (SELECT count(*) FROM carrier_project cp JOIN person pe ON pe.id = cp.person_id AND pe.anonymised_at IS NULL
       WHERE NOT cp.archived AND (cp.stage IN ('SUPPORTED', 'LAUNCHED') OR cp.mentor_offer_id IS NOT NULL
         OR EXISTS (SELECT 1 FROM carrier_project_stage_change h WHERE h.project_id = cp.id AND h.to_stage IN ('SUPPORTED', 'LAUNCHED'))
         OR EXISTS (SELECT 1 FROM carrier_project_referral r WHERE r.project_id = cp.id AND r.status IN ('ACCEPTED', 'DONE')))
    )::float8 AS "CARRIERS_SUPPORTED",
    (SELECT count(*) FROM carrier_project cp JOIN person pe ON pe.id = cp.person_id AND pe.anonymised_at IS NULL
       WHERE NOT cp.archived AND cp.stage <> 'ABANDONED' AND cp.mentorship_starts_on <= current_date
         AND (cp.mentorship_ends_on IS NULL OR cp.mentorship_ends_on >= current_date))::float8 AS "MENTORSHIPS_ACTIVE"`;

/** The computed indicators by key (`plan_indicator.computed_key`). */
export type ComputedValues = Record<string, number>;

async function computedValues(ctx: Context): Promise<ComputedValues> {
  return (await queryRow(ctx.ds, COMPUTED_INDICATORS))!;
}

type ActionRow = Omit<PlanAction, 'objectives' | 'milestones' | 'indicators'>;
interface ObjectiveRow {
  action_id: string;
  title: string;
}
type MilestoneRow = PlanMilestone & { action_id: string };
type IndicatorRow = Omit<PlanIndicator, 'current' | 'history'> & { action_id: string };
type IndicatorValueRow = PlanIndicatorValue & { indicator_id: string };

/** The plan with objectives, milestones and indicators (current value and history): a fixed number of statements. */
export async function listPlan(ctx: Context): Promise<PlanAction[]> {
  const [actions, objectives, milestones, indicators, values, computed] = await Promise.all([
    queryRows(
      ctx.ds,
      sql<ActionRow>`SELECT id::text, number, title, description, owner, status, version FROM plan_action ORDER BY number`,
    ),
    queryRows(ctx.ds, sql<ObjectiveRow>`SELECT action_id::text, title FROM plan_objective ORDER BY id`),
    queryRows(
      ctx.ds,
      sql<MilestoneRow>`SELECT id::text, action_id::text, title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", to_char(done_on, 'YYYY-MM-DD') AS "doneOn"
      FROM plan_milestone ORDER BY due_on NULLS LAST, id`,
    ),
    queryRows(
      ctx.ds,
      sql<IndicatorRow>`SELECT id::text, action_id::text, code, title, unit, target::float8, computed_key AS "computedKey" FROM plan_indicator ORDER BY plan_indicator.id`,
    ),
    queryRows(
      ctx.ds,
      sql<IndicatorValueRow>`SELECT indicator_id::text, to_char(measured_on, 'YYYY-MM-DD') AS "measuredOn", value::float8, note, source
      FROM plan_indicator_value ORDER BY measured_on`,
    ),
    computedValues(ctx),
  ]);
  return actions.map((a) => ({
    ...a,
    objectives: objectives.filter((o) => o.action_id === a.id).map((o) => o.title),
    milestones: milestones.filter((m) => m.action_id === a.id),
    indicators: indicators
      .filter((i) => i.action_id === a.id)
      .map((i) => {
        const history = values.filter((v) => v.indicator_id === i.id);
        return {
          ...i,
          history,
          current: i.computedKey ? (computed[i.computedKey] ?? null) : (history[history.length - 1]?.value ?? null),
        };
      }),
  }));
}

const STATUSES = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'LATE', 'DONE'];

/** Actions are numbered 1 to 99 (a smallint): any other number designates none. */
export const ACTION_NUMBERS = { min: 1, max: 99 };

function assertActionNumber(number: number): void {
  if (!Number.isInteger(number) || number < ACTION_NUMBERS.min || number > ACTION_NUMBERS.max)
    throw planErrors.actionNotFound({ field: 'number' });
}

export async function updateActionStatus(ctx: Context, number: number, version: number, status: string, owner?: string | null) {
  if (!STATUSES.includes(status)) throw planErrors.unknownStatus({ field: 'status' });
  assertActionNumber(number);
  await ctx.ds.transaction(async (m) => {
    const current = await queryRow(
      m,
      sql<Pick<PlanAction, 'id' | 'status' | 'owner' | 'version'>>`SELECT id::text, status, owner, version FROM plan_action
       WHERE number = ${number} FOR UPDATE`,
    );
    if (!current) throw planErrors.actionNotFound({ field: 'number' });
    if (current.version !== version) {
      throw planErrors.actionConflict({
        currentVersion: current.version,
        changes: [{ field: 'status', current: current.status, submitted: status }],
      });
    }
    await queryRows(
      m,
      sql`UPDATE plan_action SET status = ${status}, owner = coalesce(${owner ?? null}, owner), version = version + 1, updated_at = now()
       WHERE id = ${current.id}`,
    );
    await audit(m, ctx, {
      action: 'UPDATE',
      entityType: 'PlanAction',
      entityId: current.id,
      before: { status: current.status, owner: current.owner },
      after: { status, owner: owner ?? current.owner },
    });
  });
  return (await listPlan(ctx)).find((a) => a.number === number)!;
}

export async function recordIndicatorValue(ctx: Context, code: string, measuredOn: string, value: number, note?: string | null) {
  requiredDay(measuredOn, 'measuredOn');
  if (!Number.isFinite(value)) throw planErrors.invalidValue({ field: 'value' });
  await ctx.ds.transaction(async (m) => {
    const ind = await queryRow(
      m,
      sql<{ id: string; computed_key: string | null }>`SELECT id::text, computed_key FROM plan_indicator WHERE code = ${code}`,
    );
    if (!ind) throw planErrors.indicatorNotFound({ field: 'code' });
    if (ind.computed_key) throw planErrors.indicatorComputed({ field: 'code' });
    await queryRows(
      m,
      sql`INSERT INTO plan_indicator_value (indicator_id, measured_on, value, note, source, recorded_by)
       VALUES (${ind.id}, ${measuredOn}, ${value}, ${note ?? null}, 'MANUAL', ${ctx.viewer?.accountId ?? null})
       ON CONFLICT (indicator_id, measured_on) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by`,
    );
    await audit(m, ctx, {
      action: 'RECORD_VALUE',
      entityType: 'PlanIndicator',
      entityId: ind.id,
      after: { measuredOn, value, note: note ?? null },
    });
  });
  return true;
}

export async function listMeetings(ctx: Context): Promise<SteeringMeeting[]> {
  const [meetings, decisions] = await Promise.all([
    queryRows(
      ctx.ds,
      sql<Omit<SteeringMeeting, 'decisions'>>`SELECT id::text, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", title, notes
       FROM steering_meeting ORDER BY held_on DESC, steering_meeting.id DESC`,
    ),
    queryRows(
      ctx.ds,
      sql<SteeringDecision & { meeting_id: string }>`SELECT d.id::text, d.meeting_id::text, d.text, d.owner,
        to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn", d.status, d.follow_up AS "followUp", a.number AS "actionNumber"
      FROM steering_decision d LEFT JOIN plan_action a ON a.id = d.action_id ORDER BY d.id`,
    ),
  ]);
  return meetings.map((m) => ({
    ...m,
    decisions: decisions.filter((d) => d.meeting_id === m.id),
  }));
}

export async function createMeeting(
  ctx: Context,
  input: {
    heldOn: string;
    title: string;
    notes?: string | null;
    decisions?: Array<{ text: string; owner?: string | null; dueOn?: string | null; actionNumber?: number | null }> | null;
  },
) {
  requiredDay(input.heldOn, 'heldOn');
  for (const d of input.decisions ?? []) optionalDay(d.dueOn, 'dueOn');
  const id = await ctx.ds.transaction(async (m) => {
    const { id } = (await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO steering_meeting (held_on, title, notes)
       VALUES (${input.heldOn}, ${input.title.trim()}, ${input.notes ?? null}) RETURNING id::text`,
    ))!;
    for (const d of input.decisions ?? []) {
      await queryRows(
        m,
        sql`INSERT INTO steering_decision (meeting_id, action_id, text, owner, due_on)
         VALUES (${id}, (SELECT id FROM plan_action WHERE number = ${d.actionNumber ?? null}), ${d.text.trim()}, ${d.owner ?? null},
                 ${optionalDay(d.dueOn, 'dueOn')})`,
      );
    }
    await audit(m, ctx, { action: 'CREATE', entityType: 'SteeringMeeting', entityId: id, after: { ...input } });
    return id;
  });
  return (await listMeetings(ctx)).find((m) => m.id === id)!;
}

export async function updateDecision(ctx: Context, id: string, status: string, followUp?: string | null) {
  if (!['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'].includes(status)) {
    throw planErrors.unknownStatus({ field: 'status' });
  }
  if (!/^[0-9]{1,18}$/.test(id)) throw planErrors.invalidId({ field: 'id' });
  await ctx.ds.transaction(async (m) => {
    const before = await queryRow(
      m,
      sql<{
        status: string;
        follow_up: string | null;
      }>`SELECT status, follow_up FROM steering_decision WHERE id = ${id} FOR UPDATE`,
    );
    if (!before) throw planErrors.decisionNotFound({ field: 'id' });
    await queryRows(
      m,
      sql`UPDATE steering_decision SET status = ${status}, follow_up = coalesce(${followUp ?? null}, follow_up) WHERE id = ${id} RETURNING id`,
    );
    await audit(m, ctx, {
      action: 'UPDATE',
      entityType: 'SteeringDecision',
      entityId: id,
      before: { status: before.status, followUp: before.follow_up },
      after: { status, followUp: followUp ?? before.follow_up },
    });
  });
  return true;
}

/** Adds a milestone to an action (its number), audited. */
export async function addMilestone(ctx: Context, number: number, title: string, dueOn?: string | null): Promise<boolean> {
  dueOn = optionalDay(dueOn, 'dueOn');
  assertActionNumber(number);
  if (title.trim().length < 2) throw planErrors.titleTooShort({ field: 'title' });
  await ctx.ds.transaction(async (m) => {
    const action = await queryRow(m, sql<{ id: string }>`SELECT id::text FROM plan_action WHERE number = ${number}`);
    if (!action) throw planErrors.actionNotFound({ field: 'number' });
    const { id } = (await queryRow(
      m,
      sql<{ id: string }>`INSERT INTO plan_milestone (action_id, title, due_on)
       VALUES (${action.id}, ${title.trim()}, ${dueOn ?? null}) RETURNING id::text`,
    ))!;
    await audit(m, ctx, {
      action: 'ADD_MILESTONE',
      entityType: 'PlanAction',
      entityId: action.id,
      after: { milestoneId: id, title: title.trim(), dueOn },
    });
  });
  return true;
}

/** Marks a milestone done (or not done with null), audited. */
export async function setMilestoneDone(ctx: Context, id: string, doneOn: string | null): Promise<boolean> {
  if (!/^[0-9]{1,18}$/.test(id)) throw planErrors.invalidId({ field: 'id' });
  doneOn = optionalDay(doneOn, 'doneOn');
  await ctx.ds.transaction(async (m) => {
    const row = await queryRow(
      m,
      sql<{ action_id: string }>`UPDATE plan_milestone SET done_on = ${doneOn} WHERE id = ${id} RETURNING action_id::text`,
    );
    if (!row) throw planErrors.milestoneNotFound({ field: 'id' });
    await audit(m, ctx, {
      action: 'MILESTONE_DONE',
      entityType: 'PlanAction',
      entityId: row.action_id,
      after: { milestoneId: id, doneOn },
    });
  });
  return true;
}
