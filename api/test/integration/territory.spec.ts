import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('territory', () => {
  it('CA Maubeuge Val de Sambre has 43 communes', async () => {
    const res = await t.gql(`{ communes(epci: "200043396") { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.communes.totalCount).toBe(43);
  });

  it('the 4 EPCIs of Sambre-Avesnois hold its 150 communes, all with coordinates', async () => {
    const sirens = ['200043396', '200043321', '200043263', '200043404'];
    const res = await t.gql(
      `query ($s: [String!]) { communes(epci: $s, first: 100) { totalCount nodes { code latitude longitude epci { siren } } } }`,
      { s: sirens },
    );
    expect(res.data!.communes.totalCount).toBe(150);
    for (const c of res.data!.communes.nodes) {
      expect(c.latitude).toBeGreaterThan(49.9);
      expect(c.latitude).toBeLessThan(50.4);
      expect(sirens).toContain(c.epci.siren);
    }
  });

  it('knows the whole of France', async () => {
    const res = await t.gql(`{ departement(code: "2A") { name region { code name } communeCount } regions { code } }`);
    expect(res.data!.departement.name).toBe('Corse-du-Sud');
    expect(res.data!.departement.region.code).toBe('94');
    expect(res.data!.departement.communeCount).toBeGreaterThan(100);
    expect(res.data!.regions.length).toBeGreaterThanOrEqual(18);
  });

  it('finds a commune by name, accents and case ignored', async () => {
    const res = await t.gql(`{ communes(search: "LANDRECIES", departement: "59") { nodes { code name } } }`);
    expect(res.data!.communes.nodes).toEqual([{ code: '59331', name: 'Landrecies' }]);
  });

  it.each([
    ['epci', '{ communes(epci: "123456789") { totalCount } }', '123456789', 'Code EPCI inconnu : « 123456789 ».'],
    ['epci', '{ communes(epci: "not-a-code") { totalCount } }', 'not-a-code', 'Code EPCI inconnu : « not-a-code ».'],
    ['departement', '{ communes(departement: "99") { totalCount } }', '99', 'Code département inconnu : « 99 ».'],
    ['region', '{ departements(region: "00") { code } }', '00', 'Code région inconnu : « 00 ».'],
  ])('an unknown %s code is a typed error', async (field, query, value, message) => {
    const res = await t.gql(query);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions).toEqual({ code: 'UNKNOWN_TERRITORY_CODE', field, value });
    expect(res.errors![0].message).toBe(message);
  });
});
