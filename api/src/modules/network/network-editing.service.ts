import type { Context } from '../../common/context';
import { createAudited, editVersioned, type EditSpec } from '../../common/db/editing';
import { rowIdOf } from '../../common/relay/global-id';
import { uniqueSlug } from '../sector/sector-editing.service';
import { Network, NetworkKind, NetworkScope } from './network.entity';
import type { CreateNetworkInput, NetworkPatch } from './network.inputs';

const SPEC: EditSpec<Network> = { entity: Network, table: 'network', entityType: 'Network' };

const valuesOf = (p: NetworkPatch): Partial<Network> => ({
  name: p.name?.trim() ?? undefined,
  acronym: p.acronym === undefined ? undefined : p.acronym?.trim() || null,
  kind: p.kind ?? undefined,
  scope: p.scope ?? undefined,
  description: p.description ?? undefined,
  website: p.website === undefined ? undefined : p.website?.trim() || null,
});

export function createNetwork(ctx: Context, input: CreateNetworkInput): Promise<Network> {
  return uniqueSlug(() =>
    createAudited(ctx, SPEC, { kind: NetworkKind.OTHER, scope: NetworkScope.LOCAL, ...valuesOf(input), slug: input.slug }),
  );
}

export function updateNetwork(ctx: Context, id: string, version: number, input: NetworkPatch): Promise<Network> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Network'), version, valuesOf(input));
}

export function archiveNetwork(ctx: Context, id: string, version: number): Promise<Network> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Network'), version, { status: 'ARCHIVED' }, 'ARCHIVE');
}
