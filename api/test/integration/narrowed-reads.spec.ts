import { isDeepStrictEqual } from 'node:util';
import { getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { columnProperties, unneededColumns, type Narrowing } from '../../src/common/reads';
import { NETWORK_NARROWING } from '../../src/modules/network/network.selection';
import { SECTOR_NARROWING } from '../../src/modules/sector/sector.selection';
import { COMMUNE_NARROWING } from '../../src/modules/territory/commune.selection';
import { buildEssorSchema } from '../../src/schema';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/**
 * The sectors, networks and communes of structures are read with the columns their selection
 * needs (common/reads/narrow). Each field must give the same value that way as through a read of
 * every column (the root fields `sectors`, `networks`, `commune(code:)`).
 */
const CASES: Array<{
  type: string;
  narrowing: Narrowing;
  /** The field's values through structures (narrowed), by id. */
  narrowed: (f: string) => string;
  pick: (data: any) => any[];
  /** The same rows read whole. */
  full: (f: string, rows: any[]) => string;
  pickFull: (data: any, rows: any[]) => any[];
}> = [
  {
    type: 'Sector',
    narrowing: SECTOR_NARROWING,
    narrowed: (f) => `{ searchStructures(first: 30) { nodes { sectors { id ${f} } } } }`,
    pick: (d) => d.searchStructures.nodes.flatMap((n: any) => n.sectors),
    full: (f) => `{ sectors { id ${f} } }`,
    pickFull: (d) => d.sectors,
  },
  {
    type: 'Network',
    narrowing: NETWORK_NARROWING,
    narrowed: (f) => `{ searchStructures(first: 30) { nodes { networks { id ${f} } } } }`,
    pick: (d) => d.searchStructures.nodes.flatMap((n: any) => n.networks),
    full: (f) => `{ networks { id ${f} } }`,
    pickFull: (d) => d.networks,
  },
  {
    type: 'Commune',
    narrowing: COMMUNE_NARROWING,
    narrowed: (f) => `{ searchStructures(first: 30) { nodes { commune { id code ${f} } } } }`,
    pick: (d) => d.searchStructures.nodes.map((n: any) => n.commune).filter(Boolean),
    full: (f, rows) => `{ ${rows.map((r, i) => `c${i}: commune(code: ${JSON.stringify(r.code)}) { id ${f} }`).join(' ')} }`,
    pickFull: (d, rows) => rows.map((_, i) => d[`c${i}`]),
  },
];

describe('narrowed reads of sectors, networks and communes', () => {
  it.each(CASES.map((c) => [c.type, c] as const))('every field of %s is a column or declares what it reads', async (type, c) => {
    const schema = await buildEssorSchema();
    const fields = Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
    const columns = columnProperties(c.narrowing.entity);
    const unknown = fields.filter((f) => !columns.has(f) && !(f in c.narrowing.reads));
    expect(unknown).toEqual([]);
    // What the narrowing keeps or declares are existing column properties.
    const unknownReads = [...c.narrowing.always, ...Object.values(c.narrowing.reads).flat()].filter((p) => !columns.has(p));
    expect(unknownReads).toEqual([]);
    // A field the narrowing does not know reads every column (fails safe).
    expect(unneededColumns(c.narrowing, new Set(['notAField'])).size).toBe(0);
    expect(unneededColumns(c.narrowing, new Set(['name'])).size).toBeGreaterThan(0);
  });

  it.each(CASES.map((c) => [c.type, c] as const))(
    'each field of %s is the same through a structure (narrowed) as read whole',
    async (type, c) => {
      const schema = await buildEssorSchema();
      const fields = (schema.getType(type) as GraphQLObjectType).getFields();
      let compared = 0;
      for (const name of Object.keys(fields)) {
        const selection = isLeafType(getNamedType(fields[name].type)) ? name : `${name} { __typename }`;
        // Other test files write the shared database meanwhile (a structure published in a commune
        // changes its structureCount between two requests): a pair that differs is read again once.
        // A narrowing bug differs every time, so it still fails.
        const readPair = async () => {
          const narrowed: any = await t.gql(c.narrowed(selection));
          expect(narrowed.errors).toBeUndefined();
          const rows = c.pick(narrowed.data);
          expect(rows.length).toBeGreaterThan(0);
          const full: any = await t.gql(c.full(selection, rows));
          expect(full.errors).toBeUndefined();
          const whole = new Map(c.pickFull(full.data, rows).map((r: any) => [r.id, r]));
          const same = rows.every((r: any) => whole.has(r.id) && isDeepStrictEqual(r[name], whole.get(r.id)[name]));
          return { rows, whole, same };
        };
        let pair = await readPair();
        if (!pair.same) pair = await readPair();
        for (const r of pair.rows) {
          expect(pair.whole.has(r.id)).toBe(true);
          expect([name, r[name]]).toEqual([name, pair.whole.get(r.id)[name]]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(Object.keys(fields).length);
    },
  );

  it('a structure list asking for sector names reads no sector description', async () => {
    const sent: string[] = [];
    const spy = jest.spyOn(t.ds.logger, 'logQuery').mockImplementation((sql: string) => void sent.push(sql));
    try {
      const res: any = await t.gql(`{ searchStructures(first: 10) { nodes { sectors { name } commune { name } } } }`);
      expect(res.errors).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    const sectorRead = sent.find((s) => s.includes('FROM structure_sector ss'));
    expect(sectorRead).toBeDefined();
    expect(sectorRead).toMatch(/t\.name AS "name"/);
    expect(sectorRead).not.toMatch(/t\.description/);
    const communeRead = sent.find((s) => s.includes('FROM commune t'));
    expect(communeRead).not.toMatch(/t\.postal_codes/);
  });
});
