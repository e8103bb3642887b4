import { narrowingOf } from '../../common/graphql/narrowing';
import type { Narrowing } from '../../common/reads';
import { Network } from './network.entity';

/** What a read of networks needs for the fields selected on them (see common/reads/narrow). */
export const NETWORK_NARROWING: Narrowing = {
  entity: Network,
  always: ['id', 'status'],
  reads: { __typename: [], members: ['id'], memberCount: ['id'] },
};

/** Network columns the selection under the resolved field does not need. */
export const unneededNetworkColumns = narrowingOf(NETWORK_NARROWING);
