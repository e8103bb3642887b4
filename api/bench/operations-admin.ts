/**
 * Operations of the web-admin in the benchmark set (issue « Performance »: « later issues add their own
 * operations to the set (the observatory dashboards, a mutation) »): the observatory dashboard and a
 * structure edit. Listed in OPERATIONS (operations.ts).
 */
import { toGlobalId } from '../src/common/relay/global-id';
import { observatoryYears } from './observatory';
import type { BenchOperation } from './operations';

const OBSERVATORY_FIGURES = `fragment ObservatoryFiguresFields on ObservatoryFigures {
  establishments employers declaredEstablishments declaredEmployees estimatedLow estimatedMid estimatedHigh
  employeesLow employeesMid employeesHigh
}`;

/**
 * The `Observatory` query of the web-admin dashboard (web-admin/src/pages/observatory/operations.ts),
 * same selection, plus a `$departement` variable (an argument of the API the dashboard does not offer).
 */
export const OBSERVATORY_QUERY = `query Observatory($year: Int, $zone: String, $epci: [String!], $departement: [String!],
  $essFamily: [EssFamily!], $sector: [String!]) {
  observatory(year: $year, zone: $zone, epci: $epci, departement: $departement, essFamily: $essFamily, sector: $sector) {
    year scope computedAt ruleVersion notes
    totals { ...ObservatoryFiguresFields }
    byFamily { key label figures { ...ObservatoryFiguresFields } }
    byNafSection { key label figures { ...ObservatoryFiguresFields } }
    byEpci { key label figures { ...ObservatoryFiguresFields } }
    byCommune { key label figures { ...ObservatoryFiguresFields } }
    bySector { key label figures { ...ObservatoryFiguresFields } }
    series { year figures { ...ObservatoryFiguresFields } }
    references { territoryType territoryCode territoryName indicator year value source }
    share { essEmployees totalEmployees percent referenceYear source }
  }
}
${OBSERVATORY_FIGURES}`;

/** Scopes of a dashboard: the zone (its default), EPCIs, a département; two years; a family and a sector filter. */
const OBSERVATORY_VARIANTS = (): Array<Record<string, unknown>> => {
  const [year, previous] = observatoryYears();
  return [
    { year, zone: 'sambre-avesnois' },
    { year, departement: ['59'] },
    { year, epci: ['200093201'] }, // Métropole Européenne de Lille
    { year, epci: ['200043396'] }, // CA Maubeuge Val de Sambre
    { year: previous, zone: 'sambre-avesnois' },
    { year: previous, departement: ['59'], essFamily: ['COOPERATIVE', 'MUTUELLE'] },
    { year: previous, zone: 'sambre-avesnois', sector: ['iae'] },
    { year: previous, epci: ['200093201'] },
  ];
};

const checkObservatory = (data: any): string | null => {
  const o = data?.observatory;
  if (!o) return 'no observatory in the answer';
  if (!o.computedAt) return `no snapshot for ${o.year}: ${o.notes?.join(' ')}`;
  if (typeof o.totals?.establishments !== 'number' || !Array.isArray(o.series)) return 'no totals or series';
  return null;
};

const STRUCTURE_EDIT_FIELDS = `fragment StructureEditFields on Structure {
  id name siret siren legalCategory essFamily essFamilyOverride essFamilyExplanation nafCode workforceRange
  volunteerCount address postalCode communeCode commune { id name } website email phone description services
  values acceptsInterns seeksVolunteers esus status lastVerifiedAt createdAt updatedAt version viewerCanEdit
  sectors { id slug name }
  networks { id slug name }
}`;

export const ADMIN_OPERATIONS: BenchOperation[] = [
  {
    name: 'observatory',
    title:
      'Observatory dashboard (web-admin): totals, by family, NAF section, EPCI, commune and sector, yearly series, references; ' +
      'Sambre-Avesnois, Nord, 2 EPCIs, 2 years, a family and a sector filter; as STEERING',
    query: OBSERVATORY_QUERY,
    variables: (_f, i) => {
      const variants = OBSERVATORY_VARIANTS();
      return variants[i % variants.length];
    },
    variants: 8,
    auth: 'steering',
    statements: { session: 1, observatory: 2 },
    statementNotes:
      'session: the viewer of the cookie; observatory: the territory code check, the snapshot runs, the reference figures and the ' +
      'total employment for the share, fused into one statement; then every breakdown and the yearly series (one statement over the rollups).',
    check: checkObservatory,
    postgraphile: {
      query: null,
      why: 'stock PostGraphile 5 has no aggregates; the dashboard reads the maintained rollups and sums them by breakdown',
    },
  },
  {
    name: 'observatory-france',
    title:
      'The same query for the whole of France (no territory: the public field allows it, no UI sends it; every EPCI in ' +
      '`byEpci`, no `byCommune` above one département), this year and the previous one; 1 connection, 60 s timeout',
    query: OBSERVATORY_QUERY,
    variables: (_f, i) => ({ year: observatoryYears()[i % 2] }),
    variants: 2,
    auth: 'steering',
    // One request took seconds at 1 M structures before the rollups (8.2 MB listing every commune): kept at 1 connection
    // so that the figures compare with the first measurements.
    load: { connections: 1, timeoutSeconds: 60 },
    statements: { session: 1, observatory: 2 },
    statementNotes:
      'observatory: the snapshot runs and the reference figures (one fused statement), then every breakdown and the yearly series (one statement over the rollups).',
    check: checkObservatory,
    postgraphile: {
      query: null,
      why: 'stock PostGraphile 5 has no aggregates',
    },
  },
  {
    name: 'update',
    title:
      'Structure edit (web-admin `UpdateStructure`): one field, optimistic version, answer with the edit form fields; as ADMIN',
    query: `mutation UpdateStructure($id: ID!, $version: Int!, $input: StructurePatch!) {
  updateStructure(id: $id, version: $version, input: $input) { ...StructureEditFields }
}
${STRUCTURE_EDIT_FIELDS}`,
    // Flips the lowest bit of the volunteer count: the data stays within ±1 of the generated one.
    variables: (_f, _i, row) => ({
      id: toGlobalId('Structure', row?.id ?? '0'),
      version: row?.version ?? 0,
      input: { volunteerCount: Number(row?.value ?? 0) ^ 1 },
    }),
    variants: 64,
    auth: 'admin',
    edits: {
      // 64 rows per run, 8 disjoint sets in turn ($1: the number of the run).
      rows: `SELECT id::text AS id, version, volunteer_count AS value FROM structure
             WHERE status = 'PUBLISHED' AND volunteer_count IS NOT NULL ORDER BY id DESC LIMIT 64 OFFSET 64 * ($1::int % 8)`,
      after: (data) =>
        typeof data?.updateStructure?.version === 'number'
          ? { version: data.updateStructure.version, value: data.updateStructure.volunteerCount }
          : null,
    },
    statements: {
      session: 1,
      updateStructure: 5,
      // The answer's commune, sectors and networks: one fused statement.
      'updateStructure.{commune, sectors, networks}': 1,
    },
    statementNotes:
      'updateStructure: one transaction (begin, row lock, update, audit entry, commit); the rows are read fresh before each run and ' +
      'each connection edits its own row, so no request meets a CONFLICT.',
    check: (data) => (typeof data?.updateStructure?.version === 'number' ? null : 'no updateStructure.version in the answer'),
    postgraphile: {
      query: null,
      why: "PostGraphile's generated `updateStructureByRowId` has no optimistic version check, permission rule or audit entry: not the same work",
    },
  },
];
