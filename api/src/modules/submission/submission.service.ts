import type { Context } from '../../common/context';
import { hitRateLimits, RATE_LIMITS } from '../../common/rate-limit/rate-limit';
import { rowIdOf } from '../../common/relay/global-id';
import { assertTerritoryCodes } from '../territory/territory.service';
import { assertSiret, findStructure } from '../structure/structure.service';
import { StructureSubmission, SubmissionKind, SubmissionStatus } from './structure-submission.entity';
import { submissionErrors } from './submission.errors';

export interface ProposeStructureData {
  name: string;
  siret?: string | null;
  communeCode: string;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  submitterName?: string | null;
  submitterEmail: string;
  message?: string | null;
}

/** Public proposals fill the moderation queue: both forms share one budget per IP (RATE_LIMITED beyond). */
function hitSubmissionLimit(ctx: Context): Promise<void> {
  return hitRateLimits(ctx, 'propositions envoyées depuis votre connexion', [[RATE_LIMITS.submissionsPerIp, ctx.http.ip]]);
}

/**
 * "Ajouter ma structure": validates everything, then stores a pending submission (nothing else is
 * written). Rate-limited per IP.
 */
export async function proposeStructure(ctx: Context, data: ProposeStructureData): Promise<StructureSubmission> {
  const siret = data.siret?.trim() ? assertSiret(data.siret) : null;
  await assertTerritoryCodes(ctx, { commune: [data.communeCode] });
  await hitSubmissionLimit(ctx);
  const { submitterName, submitterEmail, message, ...structure } = data;
  const repo = ctx.ds.getRepository(StructureSubmission);
  return repo.save(
    repo.create({
      kind: SubmissionKind.NEW,
      payload: { ...structure, name: structure.name.trim(), siret },
      submitterName: submitterName?.trim() || null,
      submitterEmail: submitterEmail.trim(),
      message: message?.trim() || null,
      status: SubmissionStatus.PENDING,
    }),
  );
}

export interface SuggestCorrectionData {
  structureId: string;
  name?: string | null;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  services?: string | null;
  message: string;
  submitterName?: string | null;
  submitterEmail: string;
}

/**
 * « Proposer une correction »: stores the proposed values of a visible structure as a pending
 * submission. Rate-limited per IP.
 */
export async function suggestCorrection(ctx: Context, data: SuggestCorrectionData): Promise<StructureSubmission> {
  const structure = await findStructure(ctx, rowIdOf(data.structureId, 'Structure'));
  if (!structure) {
    throw submissionErrors.structureNotFound({ field: 'structureId' });
  }
  await hitSubmissionLimit(ctx);
  const { structureId: _id, message, submitterName, submitterEmail, ...fields } = data;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v != null && String(v).trim() !== ''));
  const repo = ctx.ds.getRepository(StructureSubmission);
  return repo.save(
    repo.create({
      kind: SubmissionKind.CORRECTION,
      structureId: structure.id,
      payload: changes,
      submitterName: submitterName?.trim() || null,
      submitterEmail: submitterEmail.trim(),
      message: message.trim(),
      status: SubmissionStatus.PENDING,
    }),
  );
}
