import type { Context } from '../../common/context';
import { queryEntities } from '../../common/db/rows';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination/connection';
import { MentorOffer, MentorOfferStatus, MentorTheme } from './mentor-offer.entity';

export async function listMentorOffers(
  ctx: Context,
  args: { theme?: MentorTheme[] | null; status?: MentorOfferStatus[] | null; first?: number | null; after?: string | null },
): Promise<Connection<MentorOffer>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after, 1);
  const params: unknown[] = [];
  const where = ['true'];
  if (args.theme?.length) where.push(`t.themes && $${params.push(args.theme)}::text[]`);
  if (args.status?.length) where.push(`t.status = ANY($${params.push(args.status)}::text[])`);
  const countWhere = [...where];
  const countParams = [...params];
  if (after) where.push(`t.id > $${params.push(after[0])}::bigint`);
  const rows = await queryEntities(
    ctx.ds,
    MentorOffer,
    `SELECT t.* FROM mentor_offer t WHERE ${where.join(' AND ')} ORDER BY t.id LIMIT $${params.push(size + 1)}`,
    params,
  );
  return toConnection(
    rows,
    size,
    after,
    (o) => [o.id],
    async () => {
      const [{ n }] = await ctx.ds.query(
        `SELECT count(*)::int AS n FROM mentor_offer t WHERE ${countWhere.join(' AND ')}`,
        countParams,
      );
      return n;
    },
  );
}
