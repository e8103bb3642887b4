import type { EntityManager } from 'typeorm';
import { audit } from '../../common/audit/audit';
import type { Context } from '../../common/context';
import { createAudited, editVersioned, typedDbErrors, type EditSpec } from '../../common/db/editing';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { rowIdOf } from '../../common/relay/global-id';
import { optionalText, uniqueSlug } from '../sector/sector-editing.service';
import { Network, NetworkKind, NetworkScope } from './network.entity';
import { networkErrors } from './network.errors';
import type { CreateNetworkInput, NetworkPatch } from './network.inputs';

const SPEC: EditSpec<Network> = { entity: Network, table: 'network', entityType: 'Network' };

const valuesOf = (p: NetworkPatch): Partial<Network> => ({
  name: p.name?.trim() ?? undefined,
  acronym: optionalText(p.acronym),
  kind: p.kind ?? undefined,
  scope: p.scope ?? undefined,
  description: optionalText(p.description),
  website: optionalText(p.website),
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

/** Back to the public views; restoring an active network changes nothing. */
export function restoreNetwork(ctx: Context, id: string, version: number): Promise<Network> {
  return editVersioned(ctx, SPEC, rowIdOf(id, 'Network'), version, { status: 'ACTIVE' }, 'RESTORE');
}

/** What addNetworkMember / removeNetworkMember did. */
export interface MembershipChange {
  networkId: string;
  structureId: string;
  /** False when the call found things as asked: nothing was written nor audited. */
  changed: boolean;
  /** Whether the structure is a member after the call. */
  member: boolean;
  /** Membership date (YYYY-MM-DD), when a member and known. */
  since: string | null;
}

function assertDate(value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = d && new Date(Date.UTC(+d[1], +d[2] - 1, +d[3]));
  if (!parsed || parsed.toISOString().slice(0, 10) !== value) throw networkErrors.invalidSince({ field: 'since' });
  return value;
}

/** Both rows must exist (any status: a draft structure or an archived network may be linked). */
async function assertPair(m: EntityManager, networkId: string, structureId: string) {
  const row = (await queryRow(
    m,
    sql<PairExists>`SELECT EXISTS (SELECT 1 FROM network WHERE id = ${networkId}) AS network,
                           EXISTS (SELECT 1 FROM structure WHERE id = ${structureId}) AS structure`,
  ))!;
  if (!row.network) throw networkErrors.networkNotFound({ field: 'networkId' });
  if (!row.structure) throw networkErrors.structureNotFound({ field: 'structureId' });
}

interface PairExists {
  network: boolean;
  structure: boolean;
}

/** A membership's date, as YYYY-MM-DD. */
interface SinceRow {
  since: string | null;
}

const SINCE = sql`to_char(since, 'YYYY-MM-DD') AS since`;

/** The membership of the pair. */
const pairIs = (networkId: string, structureId: string) => sql`network_id = ${networkId} AND structure_id = ${structureId}`;

/**
 * Makes a structure a member of a network, in one transaction that locks the membership (no
 * read-then-rewrite of the structure's networks): already a member, nothing changes
 * (`changed: false`, no audit entry), unless another `since` is given, which is then updated.
 * One audit entry on the network otherwise.
 */
export function addNetworkMember(
  ctx: Context,
  networkGlobalId: string,
  structureGlobalId: string,
  since?: string | null,
): Promise<MembershipChange> {
  const networkId = rowIdOf(networkGlobalId, 'Network');
  const structureId = rowIdOf(structureGlobalId, 'Structure');
  const date = assertDate(since);
  return typedDbErrors(() =>
    ctx.ds.transaction(async (m): Promise<MembershipChange> => {
      await assertPair(m, networkId, structureId);
      const unchanged = (since: string | null) => ({ networkId, structureId, changed: false, member: true, since });
      const old = await queryRow(
        m,
        sql<SinceRow>`SELECT ${SINCE} FROM network_membership WHERE ${pairIs(networkId, structureId)} FOR UPDATE`,
      );
      if (old) {
        if (!date || date === old.since) return unchanged(old.since);
        await queryRows(m, sql`UPDATE network_membership SET since = ${date}::date WHERE ${pairIs(networkId, structureId)}`);
        await audit(m, ctx, {
          action: 'UPDATE_MEMBER',
          entityType: 'Network',
          entityId: networkId,
          before: { structureId, since: old.since },
          after: { structureId, since: date },
        });
        return { networkId, structureId, changed: true, member: true, since: date };
      }
      const added = await queryRow(
        m,
        sql<SinceRow>`INSERT INTO network_membership (network_id, structure_id, since) VALUES (${networkId}, ${structureId}, ${date}::date)
         ON CONFLICT (network_id, structure_id) DO NOTHING RETURNING ${SINCE}`,
      );
      // Added by a concurrent call in between: it is a member, this call changed nothing.
      if (!added) return unchanged(date);
      await audit(m, ctx, {
        action: 'ADD_MEMBER',
        entityType: 'Network',
        entityId: networkId,
        after: { structureId, since: added.since },
      });
      return { networkId, structureId, changed: true, member: true, since: added.since };
    }),
  );
}

/** Ends a membership; not a member: nothing changes (`changed: false`, no audit entry). */
export function removeNetworkMember(ctx: Context, networkGlobalId: string, structureGlobalId: string): Promise<MembershipChange> {
  const networkId = rowIdOf(networkGlobalId, 'Network');
  const structureId = rowIdOf(structureGlobalId, 'Structure');
  return ctx.ds.transaction(async (m): Promise<MembershipChange> => {
    await assertPair(m, networkId, structureId);
    const removed = await queryRow(
      m,
      sql<SinceRow>`DELETE FROM network_membership WHERE ${pairIs(networkId, structureId)} RETURNING ${SINCE}`,
    );
    if (!removed) return { networkId, structureId, changed: false, member: false, since: null };
    await audit(m, ctx, {
      action: 'REMOVE_MEMBER',
      entityType: 'Network',
      entityId: networkId,
      before: { structureId, since: removed.since },
    });
    return { networkId, structureId, changed: true, member: false, since: null };
  });
}
