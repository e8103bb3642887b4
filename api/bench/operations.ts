/**
 * The fixed operation set of the benchmarks, data-driven: add an entry to measure one more
 * operation (the runner, the report and `npm run bench:test` pick it up).
 *
 * - `variables(f, i)` gives the variables of the i-th request (the runner cycles i over
 *   `variants`), from fixtures read in the bench database (see `Fixtures`), so that the load
 *   does not hammer one row.
 * - `statements` is the SQL statement budget per list level (the response's
 *   `extensions.sqlStatements` must not exceed their sum; `npm run bench:test` asserts it).
 * - `postgraphile` is the same operation written by hand in PostGraphile 5's schema (Amber
 *   preset), with `approximation` saying how it differs; `null` with `why` when stock
 *   PostGraphile has no equivalent.
 */
import { toGlobalId } from '../src/common/relay/global-id';
import { ADMIN_OPERATIONS } from './operations-admin';

export interface Fixtures {
  /** Published structures spread over the id range. */
  structureIds: string[];
  /**
   * Every network by id (the first ones are the largest national networks of the generated data);
   * the nested graph takes them 10 at a time (`networkSet`).
   */
  networkIds: string[];
  /** The order digest of PostGraphile's network cursors (read from the server: `networkCursorPrefix`). */
  peerNetworkCursor?: string;
  /** The most populated communes, with their coordinates (centres of the near-me searches). */
  cities: Array<{ code: string; name: string; latitude: number; longitude: number }>;
}

export interface PeerOperation {
  query: string;
  variables: (f: Fixtures, i: number) => Record<string, unknown>;
  /** What differs from Essor's operation, if anything. */
  approximation?: string;
}

/** Role of the bench account whose session an operation's requests carry (see bench/requests.ts). */
export type BenchRole = 'steering' | 'admin';

/** A row edited by a mutation, as read fresh before each run and updated from each answer. */
export interface EditedRow {
  id: string;
  version: number;
  value: unknown;
}

export interface BenchOperation {
  name: string;
  title: string;
  query: string;
  /** `row`: the row an `edits` operation's request edits (undefined otherwise). */
  variables: (f: Fixtures, i: number, row?: EditedRow) => Record<string, unknown>;
  /** How many distinct variable sets the runner cycles through. */
  variants: number;
  /** SQL statements allowed per list level (path → count), with the reason when > 1. */
  statements: Record<string, number>;
  /** Comments on the statement budget (printed in the report). */
  statementNotes?: string;
  /**
   * The requests carry the session cookie of a bench account with this role (created in the bench
   * database, logged in once through the `login` mutation); the session lookup is one statement.
   */
  auth?: BenchRole;
  /**
   * A mutation under optimistic locking: `rows` (SQL returning id, version, value; `$1` the number of
   * the run) is read before validation and before each run; each request edits a row no other request
   * in flight edits, and `after` reads the row's new version and value from the answer's data.
   */
  edits?: { rows: string; after: (data: any) => { version: number; value: unknown } | null };
  /** Checks the data of a validation answer (null when fine, else what is wrong). */
  check?: (data: any) => string | null;
  /** Load settings of a slow operation: at most this many connections, and autocannon's timeout (default 10 s). */
  load?: { connections?: number; timeoutSeconds?: number };
  postgraphile: PeerOperation | { query: null; why: string };
}

/** Words of the search box: common activities of the ESS (all appear in the generated texts). */
export const SEARCH_TEXTS = [
  'insertion',
  'jardin partagé',
  'aide à domicile',
  'théâtre',
  'épicerie solidaire',
  'vélo',
  'numérique',
  'ressourcerie',
];

const STRUCTURE_CARD = `
  id
  name
  essFamily
  description
  commune { id code name }
  sectors { id slug name }
`;
const FACET = '{ value label count }';

/** Sets of 10 networks the nested graph cycles through. */
const NESTED_SETS = 30;
/** Offset of the nested graph's i-th set of 10 networks in `Fixtures.networkIds` (by id). */
function networkSet(f: Fixtures, i: number): number {
  return (i % Math.max(1, Math.min(NESTED_SETS, Math.floor(f.networkIds.length / 10)))) * 10;
}

/** The structure page's fields (web-public's StructurePage query), without `nearby`. */
const STRUCTURE_PAGE_FIELDS = `    id name essFamily essFamilyExplanation address postalCode
    commune { id code name }
    epci { id siren name }
    website email phone description services values nafCode siret workforceRange workforceRangeLabel
    volunteerCount acceptsInterns seeksVolunteers esus latitude longitude isDemo lastVerifiedAt
    networks { id slug name acronym }
    sectors { id slug name facilitators { id displayName jobTitle email phone } }
    participations { id kind title status }
    contacts { id displayName jobTitle email phone }
`;
/**
 * The lists of a structure page dispatch their loaders in the same turn of the event loop, so they
 * are read in ONE fused statement (common/reads `queryPrepared`); the EPCI comes with its
 * commune (the commune loader primes the EPCI loader). The sectors' facilitators are the next level.
 */
const STRUCTURE_PAGE_STATEMENTS = {
  structure: 1,
  'structure.{commune, epci, networks, sectors, participations, contacts}': 1,
  'structure.sectors.facilitators': 1,
};
const structureVariables = (f: Fixtures, i: number) => ({
  id: toGlobalId('Structure', f.structureIds[i % f.structureIds.length]),
});
const peerStructureVariables = (f: Fixtures, i: number) => ({ id: f.structureIds[i % f.structureIds.length] });
/** The same page in PostGraphile's schema. */
const peerStructurePage = (operation: string) => `query ${operation}($id: BigInt!) {
  structureByRowId(rowId: $id) {
    id name essFamily essFamilyOverride legalCategory address postalCode
    communeByCommuneCode { id code name epciByEpciSiren { id siren name } }
    website email phone description services valuesStatement nafCode siret workforceRange
    volunteerCount acceptsInterns seeksVolunteers esus latitude longitude isDemo lastVerifiedAt status
    networkMembershipsByStructureId { nodes { networkByNetworkId { id slug name acronym } } }
    structureSectorsByStructureId {
      nodes { sectorBySectorId { id slug name
        sectorFacilitatorsBySectorId { nodes { personByPersonId { id firstName lastName jobTitle email phone isPublic } } } } }
    }
    spaceParticipantsByStructureId { nodes { participatorySpaceBySpaceId { id kind title status } } }
    peopleByStructureId { nodes { id firstName lastName jobTitle email phone isPublic } }
  }
}`;

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'search',
    title: 'Directory search: text + family + near me (20 km) + facets, first 20',
    query: `query BenchSearch($text: String, $essFamily: [EssFamily!], $near: NearInput) {
  searchStructures(text: $text, filter: { essFamily: $essFamily }, near: $near, first: 20) {
    totalCount
    fuzzy
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm node { ${STRUCTURE_CARD} } }
    facets {
      essFamily ${FACET}
      sector ${FACET}
      network ${FACET}
      epci ${FACET}
      commune ${FACET}
      workforceRange ${FACET}
      acceptsInterns
      seeksVolunteers
    }
  }
}`,
    variables: (f, i) => {
      const city = f.cities[i % f.cities.length];
      return {
        text: SEARCH_TEXTS[i % SEARCH_TEXTS.length],
        essFamily: ['ASSOCIATION'],
        near: { latitude: city.latitude, longitude: city.longitude, radiusKm: 20 },
      };
    },
    variants: 40,
    statements: {
      searchStructures: 1,
      'searchStructures.edges.node.{commune, sectors}': 1,
    },
    statementNotes:
      'searchStructures: one statement for the page, totalCount, the requested facets and the check of the filter codes (a second one only when the words match nothing: typo-tolerant names); the hits’ communes (each with its EPCI) and sectors in one fused statement.',
    postgraphile: {
      query: null,
      why: 'stock PostGraphile 5 has no full-text search, radius filter or facet counts (they would take hand-written SQL functions or plugins)',
    },
  },
  {
    name: 'nested',
    title: 'Nested graph: 10 networks × 10 members, each with sectors, commune and EPCI (30 sets of 10 networks)',
    query: `query BenchNested($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Network {
      id
      name
      members(first: 10) {
        nodes { id name sectors { name } commune { name epci { name } } }
      }
    }
  }
}`,
    // `networks` has no arguments and returns all of them (300 here): the 10 are taken by global id,
    // a different set of 10 for each of 30 variants (the same as PostGraphile's page at that offset).
    variables: (f, i) => {
      const start = networkSet(f, i);
      return { ids: f.networkIds.slice(start, start + 10).map((id) => toGlobalId('Network', id)) };
    },
    variants: NESTED_SETS,
    statements: {
      nodes: 1,
      'nodes.members': 1,
      // The members' sectors and communes (each with its EPCI) in one fused statement.
      'nodes.members.nodes.{sectors, commune, commune.epci}': 1,
    },
    postgraphile: {
      query: `query BenchNested($after: Cursor) {
  allNetworks(first: 10, after: $after, orderBy: ROW_ID_ASC) {
    nodes {
      id
      name
      networkMembershipsByNetworkId(first: 10, orderBy: STRUCTURE_ID_ASC) {
        nodes {
          structureByStructureId {
            id
            name
            structureSectorsByStructureId { nodes { sectorBySectorId { name } } }
            communeByCommuneCode { name epciByEpciSiren { name } }
          }
        }
      }
    }
  }
}`,
      // The page after the network preceding the set (by cursor: see bench/run.ts networkCursorPrefix).
      variables: (f, i) => {
        const start = networkSet(f, i);
        const after = start === 0 ? null : [f.peerNetworkCursor, f.networkIds[start - 1]];
        return { after: after && Buffer.from(JSON.stringify(after)).toString('base64') };
      },
      approximation: 'members not filtered on status = PUBLISHED (96 % of the structures are)',
    },
  },
  {
    name: 'detail',
    title: 'Structure page: commune, EPCI, sectors (+ facilitators), networks, contacts, participations, 5 nearby',
    // The StructurePage query of web-public.
    query: `query BenchStructurePage($id: ID!) {
  structure(id: $id) {
${STRUCTURE_PAGE_FIELDS}    nearby(first: 5) { distanceKm structure { id name essFamily commune { id name } } }
  }
}`,
    variables: structureVariables,
    variants: 64,
    statements: {
      structure: 1,
      // `nearby` is fused with the other lists of the page; the next level (the sectors'
      // facilitators and the nearby structures' communes) in one more.
      'structure.{commune, epci, networks, sectors, participations, contacts, nearby}': 1,
      'structure.{sectors.facilitators, nearby.structure.commune}': 1,
    },
    postgraphile: {
      query: peerStructurePage('BenchStructurePage'),
      variables: peerStructureVariables,
      approximation:
        'no `nearby` (KNN needs a hand-written SQL function), no visibility rules (published status, public persons) and no derived labels',
    },
  },
  {
    name: 'detail-core',
    title: 'Structure page without `nearby` (like for like with PostGraphile)',
    query: `query BenchStructureCore($id: ID!) {
  structure(id: $id) {
${STRUCTURE_PAGE_FIELDS}  }
}`,
    variables: structureVariables,
    variants: 64,
    statements: STRUCTURE_PAGE_STATEMENTS,
    postgraphile: {
      query: peerStructurePage('BenchStructureCore'),
      variables: peerStructureVariables,
      approximation: 'no visibility rules (published status, public persons) and no derived labels',
    },
  },
  {
    name: 'panorama',
    title: 'Territory panorama of the Nord (59): total, by family, sector and EPCI',
    query: `query BenchPanorama($departement: [String!]) {
  searchStructures(filter: { departement: $departement }, first: 0) {
    totalCount
    facets { essFamily ${FACET} sector ${FACET} epci ${FACET} }
  }
}`,
    variables: () => ({ departement: ['59'] }),
    variants: 1,
    statements: { searchStructures: 1 },
    statementNotes:
      'searchStructures: one statement for totalCount, the three facets and the check of the département code (no page with first: 0).',
    postgraphile: {
      query: null,
      why: 'stock PostGraphile 5 has no aggregates (group-by counts need the pg-aggregates plugin)',
    },
  },
  // The observatory dashboard and a structure edit of the web-admin (authenticated).
  ...ADMIN_OPERATIONS,
];

/** Sum of an operation's statement budget. */
export function statementBudget(op: BenchOperation): number {
  return Object.values(op.statements).reduce((s, n) => s + n, 0);
}
