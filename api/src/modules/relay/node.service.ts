import type { Context } from '../../common/context';
import { canReadCarrierProjects } from '../accompaniment/carrier-project.permissions';
import { findCarrierProject } from '../accompaniment/carrier-project.service';
import { fromGlobalId } from '../../common/relay/global-id';
import { SpaceKind } from '../participatory-space/participatory-space.entity';
import { findSpace } from '../participatory-space/participatory-space.service';
import { findNetworkById } from '../network/network.service';
import { findPerson } from '../person/person.service';
import { findSectorById } from '../sector/sector.service';
import { findStructure } from '../structure/structure.service';

type Fetcher = (ctx: Context, key: string) => Promise<object | null>;

const numeric =
  (f: Fetcher): Fetcher =>
  (ctx, key) =>
    /^[0-9]{1,18}$/.test(key) ? f(ctx, key) : Promise.resolve(null);

/** How to fetch each Node type from the key of its global id (visibility rules included). */
const FETCHERS: Record<string, Fetcher> = {
  Region: (ctx, k) => ctx.loaders.territory.regionByCode.load(k),
  Departement: (ctx, k) => ctx.loaders.territory.departementByCode.load(k),
  Epci: (ctx, k) => ctx.loaders.territory.epciBySiren.load(k),
  Commune: (ctx, k) => ctx.loaders.territory.communeByCode.load(k),
  Structure: numeric(findStructure),
  Sector: numeric(findSectorById),
  Network: numeric(findNetworkById),
  Person: numeric(findPerson),
  MentorOffer: numeric((ctx, k) => ctx.loaders.mentorOffer.byId.load(k)),
  Workshop: numeric((ctx, k) => findSpace(ctx, SpaceKind.WORKSHOP, k)),
  Chantier: numeric((ctx, k) => findSpace(ctx, SpaceKind.CHANTIER, k)),
  StudyDay: numeric((ctx, k) => findSpace(ctx, SpaceKind.STUDY_DAY, k)),
  // Personal data: the mission and the steering committee only.
  CarrierProject: numeric((ctx, k) => (canReadCarrierProjects(ctx) ? findCarrierProject(ctx, k) : Promise.resolve(null))),
};

export async function fetchNode(ctx: Context, id: string): Promise<object | null> {
  const { type, key } = fromGlobalId(id);
  const fetcher = FETCHERS[type];
  return fetcher ? fetcher(ctx, key) : null;
}
