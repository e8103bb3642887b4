import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader, KEYS } from '../../common/reads';
import { ParticipatorySpace } from './participatory-space.entity';
import { SpaceDeliverable } from './space-deliverable.entity';
import { SpaceParticipant } from './space-participant.entity';
import { SpaceSession } from './space-session.entity';

export function createSpaceLoaders(ds: DataSource) {
  return {
    byId: keyLoader(ds, ParticipatorySpace, { table: 'participatory_space', key: 'id', keyType: 'bigint' }),
    bySectorId: groupLoader(
      ds,
      ParticipatorySpace,
      (cols) => `SELECT t.sector_id::text AS __key, ${cols} FROM participatory_space t
        WHERE t.sector_id = ANY(${KEYS.bigint}) AND NOT t.archived ORDER BY t.kind, t.id`,
    ),
    byStructureId: groupLoader(
      ds,
      ParticipatorySpace,
      (cols) => `SELECT p.structure_id::text AS __key, ${cols} FROM space_participant p
        JOIN participatory_space t ON t.id = p.space_id AND NOT t.archived WHERE p.structure_id = ANY(${KEYS.bigint}) ORDER BY t.kind, t.id`,
    ),
    sessions: groupLoader(
      ds,
      SpaceSession,
      (cols) => `SELECT t.space_id::text AS __key, ${cols} FROM space_session t
        WHERE t.space_id = ANY(${KEYS.bigint}) ORDER BY t.starts_at, t.id`,
    ),
    participants: groupLoader(
      ds,
      SpaceParticipant,
      (cols) => `SELECT t.space_id::text AS __key, ${cols} FROM space_participant t
        WHERE t.space_id = ANY(${KEYS.bigint}) ORDER BY t.role, t.id`,
    ),
    deliverables: groupLoader(
      ds,
      SpaceDeliverable,
      (cols) => `SELECT t.space_id::text AS __key, ${cols} FROM space_deliverable t
        WHERE t.space_id = ANY(${KEYS.bigint}) ORDER BY t.delivered_at NULLS LAST, t.id`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    space: ReturnType<typeof createSpaceLoaders>;
  }
}
