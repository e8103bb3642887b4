import { createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const SEARCH = `query ($text: String, $epci: [String!], $essFamily: [EssFamily!], $nearCommune: String, $radiusKm: Float,
  $near: NearInput, $sort: StructureSort, $first: Int, $after: String) {
  searchStructures(text: $text, filter: { epci: $epci, essFamily: $essFamily }, nearCommune: $nearCommune, radiusKm: $radiusKm,
    near: $near, sort: $sort, first: $first, after: $after) {
    totalCount fuzzy
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm node { id name commune { code } epci { siren } essFamily } }
  }
}`;

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

const names = (res: any): string[] => res.data.searchStructures.edges.map((e: any) => e.node.name);

describe('full-text search', () => {
  it('« insertion » finds Insertion and the verb « insérer », accents and case ignored', async () => {
    const token = uniqueToken('fts');
    const a = await createStructure(t.ds, { name: `Atelier ${token} Insertion` });
    const b = await createStructure(t.ds, {
      name: `Jardins ${token}`,
      description: 'Nous aidons les personnes à s’insérer par le travail.',
    });
    const res: any = await t.gql(SEARCH, { text: `insertion ${token}`, first: 10 });
    expect(res.errors).toBeUndefined();
    expect(res.data.searchStructures.fuzzy).toBe(false);
    expect(names(res).sort()).toEqual([a.name, b.name].sort());
    const upper: any = await t.gql(SEARCH, { text: `INSÉRER ${token.toUpperCase()}`, first: 10 });
    expect(names(upper)).toContain(b.name);
  });

  it('« insertion » finds results in the demo data', async () => {
    const res: any = await t.gql(SEARCH, { text: 'insertion', first: 20 });
    expect(res.data.searchStructures.totalCount).toBeGreaterThan(5);
  });

  it('weights the name first, then services, then the description', async () => {
    const token = uniqueToken('w');
    const word = `Zephyrin${token}`;
    const inDescription = await createStructure(t.ds, { name: `A ${token} desc`, description: `On parle de ${word} ici.` });
    const inServices = await createStructure(t.ds, { name: `B ${token} serv`, services: `${word}, accueil` });
    const inName = await createStructure(t.ds, { name: `C ${word}` });
    const res: any = await t.gql(SEARCH, { text: word, first: 10 });
    expect(names(res)).toEqual([inName.name, inServices.name, inDescription.name]);
  });

  it('a misspelt name still finds the structure (typo-tolerant fallback)', async () => {
    const token = uniqueToken('ty').slice(0, 6);
    const s = await createStructure(t.ds, { name: `Ressourcerie Bocagère ${token}` });
    const res: any = await t.gql(SEARCH, { text: `Resourcerie Bocagere ${token}`, first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.searchStructures.fuzzy).toBe(true);
    expect(names(res)[0]).toBe(s.name);
  });

  it.each([
    `'); DROP TABLE structure; --`,
    `insertion & | ! :* ( ) <-> "`,
    `"non terminé`,
    `-`,
    `\\ % _ * ' "" ::`,
    'le la les de',
    'x'.repeat(300),
  ])('hostile or odd text is searched as plain words: %s', async (text) => {
    const res: any = await t.gql(SEARCH, { text, first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.searchStructures.totalCount).toBeGreaterThanOrEqual(0);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM structure');
    expect(n).toBeGreaterThan(300);
  });

  it('pages through relevance-ordered hits without duplicates', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const res: any = await t.gql(SEARCH, { text: 'association', first: 7, after });
      expect(res.errors).toBeUndefined();
      total = res.data.searchStructures.totalCount;
      for (const n of names(res)) {
        expect(seen.has(n)).toBe(false);
        seen.add(n);
      }
      after = res.data.searchStructures.pageInfo.hasNextPage ? res.data.searchStructures.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(7);
    expect(seen.size).toBe(total);
  });
});

describe('radius search', () => {
  it('near a commune: only structures within the radius, nearest first', async () => {
    const token = uniqueToken('geo');
    // Maubeuge centroid ≈ 50.2775, 3.9734; Fourmies ≈ 50.0136, 4.0534 (about 30 km south).
    const close = await createStructure(t.ds, { name: `Proche ${token}`, latitude: 50.2795, longitude: 3.9754 });
    const far = await createStructure(t.ds, { name: `Loin ${token}`, latitude: 50.0136, longitude: 4.0534 });
    const res5: any = await t.gql(SEARCH, { text: token, nearCommune: '59392', radiusKm: 5, first: 10 });
    expect(res5.errors).toBeUndefined();
    expect(names(res5)).toEqual([close.name]);
    const res50: any = await t.gql(SEARCH, { text: token, nearCommune: '59392', radiusKm: 50, sort: 'DISTANCE', first: 10 });
    expect(names(res50)).toEqual([close.name, far.name]);
    // distances agree with a haversine computed here from the commune's centroid
    const [{ latitude, longitude }] = await t.ds.query(`SELECT latitude, longitude FROM commune WHERE code = '59392'`);
    const [d1, d2] = res50.data.searchStructures.edges.map((e: any) => e.distanceKm);
    expect(d1).toBeCloseTo(haversineKm(latitude, longitude, 50.2795, 3.9754), 1);
    expect(d2).toBeCloseTo(haversineKm(latitude, longitude, 50.0136, 4.0534), 1);
  });

  it('all hits around a point are inside the radius and sorted by distance, over several pages', async () => {
    const distances: number[] = [];
    let after: string | null = null;
    do {
      const res: any = await t.gql(SEARCH, { near: { latitude: 50.1, longitude: 3.9, radiusKm: 12 }, first: 20, after });
      expect(res.errors).toBeUndefined();
      distances.push(...res.data.searchStructures.edges.map((e: any) => e.distanceKm));
      after = res.data.searchStructures.pageInfo.hasNextPage ? res.data.searchStructures.pageInfo.endCursor : null;
    } while (after);
    expect(distances.length).toBeGreaterThan(10);
    expect(Math.max(...distances)).toBeLessThanOrEqual(12);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('refuses a radius over 200 km, and distance sort without a centre', async () => {
    const big: any = await t.gql(SEARCH, { nearCommune: '59392', radiusKm: 500 });
    expect(big.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const sort: any = await t.gql(SEARCH, { sort: 'DISTANCE' });
    expect(sort.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sort' });
  });
});

describe('facets', () => {
  const FACETS = `query ($epci: [String!], $essFamily: [EssFamily!]) {
    searchStructures(filter: { epci: $epci, essFamily: $essFamily }, first: 100) {
      totalCount nodes { essFamily epci { siren } }
      facets { essFamily { value label count } epci { value label count } sector { value count }
        network { value count } commune { value count } workforceRange { value label count } acceptsInterns seeksVolunteers }
    }
  }`;

  it('filtering on an EPCI narrows the hits, and the facet counts match the list', async () => {
    const all: any = await t.gql(FACETS, {});
    const one: any = await t.gql(FACETS, { epci: '200043404' });
    expect(one.errors).toBeUndefined();
    const r = one.data.searchStructures;
    expect(r.totalCount).toBeLessThan(all.data.searchStructures.totalCount);
    expect(r.nodes.every((n: any) => n.epci.siren === '200043404')).toBe(true);
    // family counts follow the EPCI filter and add up to the hits
    const byFamily = r.facets.essFamily.reduce((acc: number, f: any) => acc + f.count, 0);
    expect(byFamily).toBe(r.totalCount);
    for (const f of r.facets.essFamily) expect(r.nodes.filter((n: any) => n.essFamily === f.value).length).toBe(f.count);
    // the EPCI facet ignores its own filter: it still offers the other EPCIs, with their full counts
    // (other test files may add structures elsewhere in France meanwhile, hence arrayContaining)
    expect(r.facets.epci.map((e: any) => e.value)).toEqual(
      expect.arrayContaining(['200043396', '200043321', '200043263', '200043404']),
    );
    const sud = r.facets.epci.find((e: any) => e.value === '200043404');
    expect(sud.count).toBe(r.totalCount);
    expect(sud.label).toBe('CC du Sud Avesnois');
    expect(r.facets.workforceRange[0].label).toMatch(/salarié|employeuse/);
  });

  it('combining filters: the family facet keeps its own options, others follow it', async () => {
    const res: any = await t.gql(FACETS, { essFamily: ['COOPERATIVE'] });
    const r = res.data.searchStructures;
    expect(r.nodes.every((n: any) => n.essFamily === 'COOPERATIVE')).toBe(true);
    expect(r.facets.essFamily.map((f: any) => f.value)).toContain('ASSOCIATION');
    const epciSum = r.facets.epci.reduce((acc: number, f: any) => acc + f.count, 0);
    expect(epciSum).toBe(r.totalCount);
  });

  it('computes only the facets asked for, in any order, and they add up to the total', async () => {
    const res: any = await t.gql(
      `{ searchStructures(first: 0) { totalCount edges { cursor } facets { epci { value count } commune { value count } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const r = res.data.searchStructures;
    expect(r.edges).toEqual([]);
    const sum = (list: Array<{ count: number }>) => list.reduce((acc, f) => acc + f.count, 0);
    // every demo structure has a commune, each in an EPCI
    expect(sum(r.facets.commune)).toBe(r.totalCount);
    expect(sum(r.facets.epci)).toBe(r.totalCount);
    expect(res.extensions.sqlStatements).toBe(1);
  });

  it('hits, count and facets cost a bounded number of statements', async () => {
    const res: any = await t.gql(
      `{ searchStructures(text: "association", filter: { epci: "200043404" }, first: 20) { totalCount nodes { name sectors { name } commune { name } }
        facets { essFamily { count } sector { count } } mapPoints { id latitude } } }`,
    );
    expect(res.errors).toBeUndefined();
    // every demo structure has coordinates, so the map shows every hit
    expect(res.data.searchStructures.totalCount).toBeGreaterThan(0);
    expect(res.data.searchStructures.mapPoints.length).toBe(res.data.searchStructures.totalCount);
    // code check + text mode + hits + count + facets + map + sectors + communes
    expect(res.extensions.sqlStatements).toBeLessThanOrEqual(8);
  });
});

describe('structure page data', () => {
  it('nearby structures are the nearest others, nearest first', async () => {
    const list: any = await t.gql(`{ searchStructures(nearCommune: "59392", radiusKm: 3, first: 1) { nodes { id name } } }`);
    const id = list.data.searchStructures.nodes[0].id;
    const res: any = await t.gql(
      `query ($id: ID!) { structure(id: $id) { name workforceRangeLabel nearby(first: 5) { distanceKm structure { id } } } }`,
      {
        id,
      },
    );
    expect(res.errors).toBeUndefined();
    const nearby = res.data.structure.nearby;
    expect(nearby).toHaveLength(5);
    expect(nearby.map((n: any) => n.structure.id)).not.toContain(id);
    const d = nearby.map((n: any) => n.distanceKm);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });

  it('suggestCorrection stores a pending correction; bad input writes nothing', async () => {
    const s = await createStructure(t.ds);
    const M = `mutation ($input: SuggestCorrectionInput!) { suggestCorrection(input: $input) { kind status } }`;
    const count = async () =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM structure_submission WHERE structure_id = $1`, [s.id]))[0].n;
    const ok: any = await t.gql(M, {
      input: {
        structureId: toGlobal('Structure', s.id),
        phone: '03 27 11 22 33',
        message: 'Nouveau numéro',
        submitterEmail: 'a@exemple.org',
      },
    });
    expect(ok.data.suggestCorrection).toEqual({ kind: 'CORRECTION', status: 'PENDING' });
    const [row] = await t.ds.query(`SELECT payload FROM structure_submission WHERE structure_id = $1`, [s.id]);
    expect(row.payload).toEqual({ phone: '03 27 11 22 33' });
    const bad: any = await t.gql(M, { input: { structureId: toGlobal('Structure', s.id), message: 'x', submitterEmail: 'non' } });
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const missing: any = await t.gql(M, {
      input: { structureId: toGlobal('Structure', '999999999'), message: 'Bonjour', submitterEmail: 'a@exemple.org' },
    });
    expect(missing.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await count()).toBe(1);
  });

  it('upcoming sessions are in the future, soonest first, with their space', async () => {
    const res: any = await t.gql(`{ upcomingSessions(first: 5) { startsAt space { __typename title } } }`);
    expect(res.errors).toBeUndefined();
    const sessions = res.data.upcomingSessions;
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(new Date(s.startsAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(sessions.map((s: any) => s.startsAt)).toEqual([...sessions.map((s: any) => s.startsAt)].sort());
    expect(['Workshop', 'Chantier', 'StudyDay']).toContain(sessions[0].space.__typename);
  });
});

describe('name words (`search`) in the directory search', () => {
  it('keeps only the structures whose name holds every word, with or without full text', async () => {
    const token = uniqueToken('nm');
    await createStructure(t.ds, { name: `Ressourcerie ${token} du Val` });
    await createStructure(t.ds, { name: `Garage solidaire ${token}` });
    const q = `query ($search: String, $text: String) { searchStructures(filter: { search: $search }, text: $text, first: 50) { totalCount nodes { name } } }`;
    const both: any = await t.gql(q, { search: token });
    expect(both.data.searchStructures.nodes.map((n: any) => n.name).sort()).toEqual([
      `Garage solidaire ${token}`,
      `Ressourcerie ${token} du Val`,
    ]);
    const one: any = await t.gql(q, { search: `${token.toUpperCase()} val` });
    expect(one.data.searchStructures.nodes.map((n: any) => n.name)).toEqual([`Ressourcerie ${token} du Val`]);
    const withText: any = await t.gql(q, { search: token, text: 'garage' });
    expect(withText.data.searchStructures.nodes.map((n: any) => n.name)).toEqual([`Garage solidaire ${token}`]);
  });
});
