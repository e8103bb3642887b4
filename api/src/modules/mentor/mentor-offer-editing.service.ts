import type { Context } from '../../common/context';
import { createAudited, editVersioned, type EditSpec } from '../../common/db/editing';
import { rowIdOf } from '../../common/relay/global-id';
import { optionalText } from '../sector/sector-editing.service';
import { MentorOffer, MentorOfferStatus } from './mentor-offer.entity';
import type { CreateMentorOfferInput, MentorOfferPatch } from './mentor-offer.inputs';

const SPEC: EditSpec<MentorOffer> = { entity: MentorOffer, table: 'mentor_offer', entityType: 'MentorOffer' };

const valuesOf = (p: MentorOfferPatch): Partial<MentorOffer> => ({
  title: p.title?.trim() ?? undefined,
  themes: p.themes ? [...new Set(p.themes)] : undefined,
  availability: optionalText(p.availability),
  description: optionalText(p.description),
  status: p.status ?? undefined,
});

export function createMentorOffer(ctx: Context, input: CreateMentorOfferInput): Promise<MentorOffer> {
  return createAudited(ctx, SPEC, {
    status: MentorOfferStatus.OPEN,
    ...valuesOf(input),
    mentorId: rowIdOf(input.mentorId, 'Person'),
  });
}

export function updateMentorOffer(ctx: Context, id: string, version: number, input: MentorOfferPatch): Promise<MentorOffer> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'MentorOffer'), version, valuesOf(input));
}
