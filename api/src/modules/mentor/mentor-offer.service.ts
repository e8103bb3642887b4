import type { Context } from '../../common/context';
import { idPage } from '../../common/db/id-page';
import type { Connection } from '../../common/pagination/connection';
import { sql, type Sql } from '../../common/sql/sql';
import { MentorOffer, MentorOfferStatus, MentorTheme } from './mentor-offer.entity';

export function listMentorOffers(
  ctx: Context,
  args: { theme?: MentorTheme[] | null; status?: MentorOfferStatus[] | null; first?: number | null; after?: string | null },
): Promise<Connection<MentorOffer>> {
  const where: Sql[] = [];
  if (args.theme?.length) where.push(sql`t.themes && ${args.theme}::text[]`);
  if (args.status?.length) where.push(sql`t.status = ANY(${args.status}::text[])`);
  return idPage(ctx.ds, MentorOffer, { table: 'mentor_offer', where, first: args.first, after: args.after });
}
