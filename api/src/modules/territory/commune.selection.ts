import { narrowingOf } from '../../common/graphql/narrowing';
import { unneededColumns, type Narrowing } from '../../common/reads';
import { Commune } from './commune.entity';

/** What a read of communes needs for the fields selected on them (see common/reads/narrow). */
export const COMMUNE_NARROWING: Narrowing = {
  entity: Commune,
  always: ['code'],
  reads: {
    __typename: [],
    id: ['code'],
    epci: ['epciSiren'],
    departement: ['departementCode'],
    structureCount: ['code'],
  },
};

/** Commune columns the selection under the resolved field does not need. */
export const unneededCommuneColumns = narrowingOf(COMMUNE_NARROWING);

/** Commune columns a structure's `epci` leaves out (it reads the commune's EPCI only). */
export const COMMUNE_FOR_EPCI = unneededColumns(COMMUNE_NARROWING, new Set(['epci']));
