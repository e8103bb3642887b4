import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader, KEYS } from '../../common/reads';
import { MentorOffer } from './mentor-offer.entity';

export function createMentorOfferLoaders(ds: DataSource) {
  return {
    byId: keyLoader(ds, MentorOffer, { table: 'mentor_offer', key: 'id', keyType: 'bigint' }),
    byMentorId: groupLoader(
      ds,
      MentorOffer,
      (cols) => `SELECT t.mentor_id::text AS __key, ${cols} FROM mentor_offer t
        WHERE t.mentor_id = ANY(${KEYS.bigint}) ORDER BY t.id`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    mentorOffer: ReturnType<typeof createMentorOfferLoaders>;
  }
}
