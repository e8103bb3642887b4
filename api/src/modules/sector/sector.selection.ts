import { narrowingOf } from '../../common/graphql/narrowing';
import type { Narrowing } from '../../common/reads';
import { Sector } from './sector.entity';

/** What a read of sectors needs for the fields selected on them (see common/reads/narrow). */
export const SECTOR_NARROWING: Narrowing = {
  entity: Sector,
  always: ['id', 'status'],
  reads: {
    __typename: [],
    facilitators: ['id'],
    structures: ['id'],
    structureCount: ['id'],
    workshops: ['id'],
    chantiers: ['id'],
    studyDays: ['id'],
  },
};

/** Sector columns the selection under the resolved field does not need. */
export const unneededSectorColumns = narrowingOf(SECTOR_NARROWING);
