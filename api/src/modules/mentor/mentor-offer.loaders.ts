import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader } from '../../common/db/rows';
import { MentorOffer } from './mentor-offer.entity';

export function createMentorOfferLoaders(ds: DataSource) {
  return {
    byId: keyLoader(ds, MentorOffer, { table: 'mentor_offer', key: 'id', keyType: 'bigint' }),
    byMentorId: groupLoader(
      ds,
      MentorOffer,
      (cols) => `SELECT t.mentor_id::text AS __key, ${cols} FROM mentor_offer t
        WHERE t.mentor_id = ANY($1::bigint[]) ORDER BY t.id`,
    ),
  };
}
