import type { DataSource } from 'typeorm';
import type { Loaders } from './common/context';
import { createAccountLoaders } from './modules/account/account.loaders';
import { createDirectoryLoaders } from './modules/directory/directory.loaders';
import { createCarrierProjectLoaders } from './modules/accompaniment/carrier-project.loaders';
import { createMentorOfferLoaders } from './modules/mentor/mentor-offer.loaders';
import { createNetworkLoaders } from './modules/network/network.loaders';
import { createSpaceLoaders } from './modules/participatory-space/participatory-space.loaders';
import { createPersonLoaders } from './modules/person/person.loaders';
import { createSectorLoaders } from './modules/sector/sector.loaders';
import { createStructureLoaders } from './modules/structure/structure.loaders';
import { createTerritoryLoaders } from './modules/territory/territory.loaders';

/**
 * Per-request DataLoaders of every module (built in the GraphQL context). `Loaders` is declared
 * empty in common/context.ts and filled by each module's loaders file (declaration merging).
 */
export function createLoaders(ds: DataSource): Loaders {
  return {
    account: createAccountLoaders(ds),
    territory: createTerritoryLoaders(ds),
    structure: createStructureLoaders(ds),
    directory: createDirectoryLoaders(ds),
    sector: createSectorLoaders(ds),
    network: createNetworkLoaders(ds),
    person: createPersonLoaders(ds),
    mentorOffer: createMentorOfferLoaders(ds),
    space: createSpaceLoaders(ds),
    carrierProject: createCarrierProjectLoaders(ds),
  };
}
export type { Loaders };
