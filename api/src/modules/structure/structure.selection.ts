import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../../common/graphql/selection';

/**
 * Columns of a structure that only some fields read (entity property → the GraphQL fields of
 * Structure that read it): large texts, contact details and dates (each date costs a parse).
 * A list of structures whose selection reads none of them leaves them out of its SELECT: less to
 * send, parse and collect for every row of a nested list.
 */
export const HEAVY_STRUCTURE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  description: ['description'],
  services: ['services'],
  valuesStatement: ['values'],
  perimeterReason: ['perimeterReason', 'whyInPerimeter'],
  address: ['address'],
  website: ['website'],
  email: ['email'],
  phone: ['phone'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  lastVerifiedAt: ['lastVerifiedAt'],
  sourceDate: ['sourceDate'],
};

/**
 * Every other field of Structure, known not to read those columns. A test checks that each field
 * of the schema is in one list or the other, so a new field must be classified; an unknown field
 * loads every column (fails safe).
 */
export const LIGHT_STRUCTURE_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'acceptsInterns',
  'active',
  'commune',
  'communeCode',
  'contacts',
  'employeesDeclared',
  'employer',
  'epci',
  'essFamily',
  'essFamilyExplanation',
  'essFamilyOverride',
  'esus',
  'id',
  'inPerimeter',
  'isDemo',
  'latitude',
  'legalCategory',
  'longitude',
  'nafCode',
  'name',
  'nearby',
  'networks',
  'participations',
  'perimeterDecision',
  'postalCode',
  'sectors',
  'seeksVolunteers',
  'siren',
  'sireneEssFlag',
  'siret',
  'source',
  'status',
  'version',
  'viewerCanEdit',
  'volunteerCount',
  'workforceRange',
  'workforceRangeLabel',
]);

/** Entity properties a list of structures may leave out, given the fields selected on its items. */
export function unneededStructureColumns(fields: ReadonlySet<string>): Set<string> {
  const without = new Set(Object.keys(HEAVY_STRUCTURE_COLUMNS));
  for (const f of fields) {
    if (LIGHT_STRUCTURE_FIELDS.has(f)) continue;
    const reads = Object.entries(HEAVY_STRUCTURE_COLUMNS).filter(([, readers]) => readers.includes(f));
    if (!reads.length) return new Set(); // unknown field: every column
    for (const [column] of reads) without.delete(column);
  }
  return without;
}

/** Fields selected on the structures of a connection (`nodes` and `edges.node`). */
export function selectedStructureFields(info: GraphQLResolveInfo): Set<string> {
  return new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
}
