import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import type { Connection } from '../../common/pagination/connection';
import { MentorOffer, MentorOfferStatus, MentorTheme } from './mentor-offer.entity';

export function listMentorOffers(
  ctx: Context,
  args: { theme?: MentorTheme[] | null; status?: MentorOfferStatus[] | null; first?: number | null; after?: string | null },
): Promise<Connection<MentorOffer>> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (args.theme?.length) where.push(`t.themes && $${params.push(args.theme)}::text[]`);
  if (args.status?.length) where.push(`t.status = ANY($${params.push(args.status)}::text[])`);
  return idPage(ctx.ds, MentorOffer, { table: 'mentor_offer', where, params, first: args.first, after: args.after });
}
