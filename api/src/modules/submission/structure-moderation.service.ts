import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import { insertAudited, lockRow, updateVersioned, type EditSpec } from '../../common/db/editing';
import { queryRows, sql } from '../../common/sql/sql';
import { enqueueMail } from '../../common/mail/mailer';
import { rowIdOf } from '../../common/relay/global-id';
import { guardUnique, STRUCTURE_SPEC, toValues } from '../structure/structure-editing.service';
import { StructureSubmission, SubmissionKind, SubmissionStatus } from './structure-submission.entity';
import { StructureStatus, type Structure } from '../structure/structure.entity';
import { SUBMISSION_ACCEPTED_MAIL, SUBMISSION_REJECTED_MAIL } from './submission-mails';
import { submissionErrors } from './submission.errors';
import type { StructurePatch } from '../structure/structure.inputs';

const SUBMISSION_SPEC: EditSpec<StructureSubmission> = {
  entity: StructureSubmission,
  table: 'structure_submission',
  entityType: 'StructureSubmission',
};

export function listSubmissions(
  ctx: Context,
  a: { status?: SubmissionStatus[] | null; first?: number | null; after?: string | null },
) {
  return idPage(ctx.ds, StructureSubmission, {
    table: 'structure_submission',
    where: a.status?.length ? [sql`t.status = ANY(${a.status}::text[])`] : [],
    first: a.first,
    after: a.after,
  });
}

/** The submission's payload as a structure patch (the fields a visitor may propose). */
function patchOf(s: StructureSubmission): StructurePatch {
  const p = s.payload as Record<string, string | null | undefined>;
  const pick = (k: string) => (typeof p[k] === 'string' ? p[k] : undefined);
  return {
    name: pick('name'),
    siret: pick('siret'),
    communeCode: pick('communeCode'),
    address: pick('address'),
    website: pick('website'),
    email: pick('email'),
    phone: pick('phone'),
    description: pick('description'),
    services: pick('services'),
  };
}

/** Field by field: the structure's current value and the proposed one (JSON-encoded). */
export async function submissionChanges(ctx: Context, s: StructureSubmission) {
  const current: Structure | null = s.structureId ? await ctx.loaders.structure.byId.load(s.structureId) : null;
  const patch = patchOf(s) as Record<string, unknown>;
  return Object.entries(patch)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([field, proposed]) => ({
      field,
      current: current ? JSON.stringify((current as unknown as Record<string, unknown>)[field] ?? null) : null,
      proposed: JSON.stringify(proposed),
    }));
}

async function lockPending(m: Parameters<typeof lockRow>[0], id: string) {
  const s = await lockRow(m, SUBMISSION_SPEC, rowIdOf(id, 'StructureSubmission'));
  if (s.status !== SubmissionStatus.PENDING) {
    throw submissionErrors.alreadyDecided({ field: 'id', status: s.status });
  }
  return s;
}

/** Applies a proposal (new structure, published; or a correction), audited, then marks it accepted. */
export async function acceptSubmission(ctx: Context, id: string): Promise<StructureSubmission> {
  return guardUnique(() =>
    ctx.ds.transaction(async (m) => {
      const s = await lockPending(m, id);
      const patch = patchOf(s);
      let structureId = s.structureId;
      if (s.kind === SubmissionKind.NEW) {
        const values = await toValues(m, ctx, { ...patch, status: StructureStatus.PUBLISHED }, null);
        structureId = (await insertAudited(ctx, m, STRUCTURE_SPEC, values, 'CREATE_FROM_SUBMISSION')).id;
      } else {
        const current = await lockRow(m, STRUCTURE_SPEC, s.structureId!);
        await updateVersioned(
          ctx,
          m,
          STRUCTURE_SPEC,
          current,
          current.version,
          await toValues(m, ctx, patch, current),
          'APPLY_CORRECTION',
        );
      }
      await queryRows(
        m,
        sql`UPDATE structure_submission SET status = 'ACCEPTED', reviewed_by = ${ctx.viewer?.accountId ?? null},
              reviewed_at = now(), structure_id = ${structureId} WHERE id = ${s.id}`,
      );
      await audit(m, ctx, {
        action: 'ACCEPT',
        entityType: 'StructureSubmission',
        entityId: s.id,
        before: { status: s.status },
        after: { status: SubmissionStatus.ACCEPTED, structureId },
      });
      // « Votre proposition a été acceptée », queued with the decision.
      await enqueueMail(m, SUBMISSION_ACCEPTED_MAIL, s.submitterEmail, { submissionId: s.id });
      return lockRow(m, SUBMISSION_SPEC, s.id);
    }),
  );
}

export async function rejectSubmission(ctx: Context, id: string, reason: string): Promise<StructureSubmission> {
  const why = reason.trim();
  if (why.length < 3) throw submissionErrors.rejectReasonRequired({ field: 'reason' });
  return ctx.ds.transaction(async (m) => {
    const s = await lockPending(m, id);
    await queryRows(
      m,
      sql`UPDATE structure_submission SET status = 'REJECTED', reviewed_by = ${ctx.viewer?.accountId ?? null},
            reviewed_at = now(), reject_reason = ${why.slice(0, 2000)} WHERE id = ${s.id}`,
    );
    await audit(m, ctx, {
      action: 'REJECT',
      entityType: 'StructureSubmission',
      entityId: s.id,
      before: { status: s.status },
      after: { status: SubmissionStatus.REJECTED, rejectReason: why },
    });
    await enqueueMail(m, SUBMISSION_REJECTED_MAIL, s.submitterEmail, { submissionId: s.id });
    return lockRow(m, SUBMISSION_SPEC, s.id);
  });
}
