import type { GraphQLResolveInfo } from 'graphql';
import { unneededColumns, type Narrowing } from '../../common/reads';
import { perField, selectedFields } from '../../common/graphql/selection';
import { Structure } from './structure.entity';

/**
 * A list of structures (network members, sector structures, a search page) reads from `structure`
 * only the columns the fields selected on its items need: a member list asking for `id name commune`
 * reads 4 columns, not 40 (less to send, parse — each date costs a parse — hydrate and collect, for
 * every row of a nested list). A single structure (`structure(id:)`, the editing forms) reads every
 * column.
 */

/** Properties every row keeps: the visibility check (`status`) and the key of its children (`id`). */
const ALWAYS_READ = ['id', 'status'] as const;

/**
 * Fields of Structure that are not a column of the same name, with the entity properties they read.
 * A field that is a column property reads that property. A test checks that every field of the
 * schema is one or the other, and another that each field gives the same value through a list as
 * through the full row; an unknown field loads every column (fails safe).
 */
export const DERIVED_STRUCTURE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  values: ['valuesStatement'],
  commune: ['communeCode'],
  epci: ['communeCode'],
  sectors: ['id'],
  networks: ['id'],
  contacts: ['id'],
  participations: ['id'],
  nearby: ['id'],
  viewerCanEdit: ['id'],
  workforceRangeLabel: ['workforceRange'],
  essFamilyExplanation: ['legalCategory', 'essFamilyOverride', 'esus', 'sireneEssFlag'],
  whyInPerimeter: ['perimeterDecision', 'perimeterReason', 'legalCategory', 'sireneEssFlag', 'esus'],
};

const STRUCTURE_NARROWING: Narrowing = { entity: Structure, always: ALWAYS_READ, reads: DERIVED_STRUCTURE_FIELDS };

/** Entity properties a list of structures may leave out, given the fields selected on its items. */
export function unneededStructureColumns(fields: ReadonlySet<string>): Set<string> {
  return unneededColumns(STRUCTURE_NARROWING, fields);
}

/** Fields selected on the structures of a connection (`nodes` and `edges.node`). */
export function selectedStructureFields(info: GraphQLResolveInfo): Set<string> {
  return new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
}

/** `unneededStructureColumns` of a connection field's selection (`nodes`, `edges.node`). */
export const unneededColumnsOfConnection = perField((info) => unneededStructureColumns(selectedStructureFields(info)));

/** `unneededStructureColumns` of the `structure` of `nearby { distanceKm structure { … } }`. */
export const unneededColumnsOfNearby = perField((info) => unneededStructureColumns(selectedFields(info, ['structure'])));
