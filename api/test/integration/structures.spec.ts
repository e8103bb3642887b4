import { addToNetwork, addToSector, createNetwork, createSector, createStructure, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const LIST = `query ($first: Int, $after: String, $search: String) {
  structures(first: $first, after: $after, filter: { search: $search }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name commune { code name epci { siren name } } epci { siren } sectors { slug name } networks { slug name } }
  }
}`;

describe('structures: SQL statements', () => {
  it('listing structures with sector, networks, commune and EPCI takes at most 6 statements, whatever the page size', async () => {
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      const res = await t.gql(LIST, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data!.structures.nodes).toHaveLength(first);
      counts.push(res.extensions!.sqlStatements!);
    }
    // list + count + sectors + networks + communes + EPCIs
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
    expect(new Set(counts).size).toBe(1);
  });

  it('the demo data really has sectors and networks on the page (the loaders are exercised)', async () => {
    const res = await t.gql(LIST, { first: 50 });
    const nodes = res.data!.structures.nodes as Array<{ sectors: unknown[]; networks: unknown[]; commune: unknown }>;
    expect(nodes.filter((n) => n.sectors.length > 0).length).toBeGreaterThan(25);
    expect(nodes.filter((n) => n.networks.length > 0).length).toBeGreaterThan(10);
    expect(nodes.every((n) => n.commune)).toBe(true);
  });
});

describe('structures: pagination', () => {
  it('walks every page once: stable cursors, no duplicates, totalCount right', async () => {
    const token = uniqueToken('pag');
    const created = [];
    for (let i = 0; i < 7; i++)
      created.push(await createStructure(t.ds, { name: `Pagination ${token} ${String.fromCharCode(71 - i)}` }));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await t.gql(LIST, { first: 3, after, search: token });
      expect(res.data.structures.totalCount).toBe(7);
      seen.push(...res.data.structures.nodes.map((n: { name: string }) => n.name));
      after = res.data.structures.pageInfo.hasNextPage ? res.data.structures.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created.map((c) => c.name)].sort());
  });

  it('a cursor stays valid when rows are added before it', async () => {
    const token = uniqueToken('cur');
    for (const l of ['B', 'C', 'D']) await createStructure(t.ds, { name: `Curseur ${token} ${l}` });
    const first: any = await t.gql(LIST, { first: 1, search: token });
    expect(first.data.structures.nodes[0].name).toBe(`Curseur ${token} B`);
    await createStructure(t.ds, { name: `Curseur ${token} A` });
    const next: any = await t.gql(LIST, { first: 5, search: token, after: first.data.structures.pageInfo.endCursor });
    expect(next.data.structures.nodes.map((n: { name: string }) => n.name)).toEqual([`Curseur ${token} C`, `Curseur ${token} D`]);
  });

  it.each([101, -1])('first: %i is refused with PAGE_SIZE_OUT_OF_RANGE', async (first) => {
    const res = await t.gql(LIST, { first });
    expect(res.errors![0].extensions!.code).toBe('PAGE_SIZE_OUT_OF_RANGE');
    expect(res.data).toBeNull();
  });

  it('a forged cursor is refused with INVALID_CURSOR', async () => {
    const res = await t.gql(LIST, { first: 2, after: 'not-a-cursor' });
    expect(res.errors![0].extensions!.code).toBe('INVALID_CURSOR');
  });
});

describe('structures: filters by official codes', () => {
  it('filters by commune, EPCI and département code', async () => {
    const token = uniqueToken('terr');
    const inMaubeuge = await createStructure(t.ds, { name: `Territoire ${token} Maubeuge`, communeCode: '59392' });
    const inFourmies = await createStructure(t.ds, { name: `Territoire ${token} Fourmies`, communeCode: '59249' });
    const inLille = await createStructure(t.ds, { name: `Territoire ${token} Lille`, communeCode: '59350' });
    const names = async (args: string) => {
      const res: any = await t.gql(`{ structures(filter: { search: "${token}", ${args} }) { totalCount nodes { name } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.structures.totalCount).toBe(res.data.structures.nodes.length);
      return res.data.structures.nodes.map((n: { name: string }) => n.name).sort();
    };
    expect(await names('commune: "59392"')).toEqual([inMaubeuge.name]);
    expect(await names('epci: "200043396"')).toEqual([inMaubeuge.name]); // CA Maubeuge Val de Sambre
    expect(await names('epci: ["200043396", "200043404"]')).toEqual([inFourmies.name, inMaubeuge.name].sort());
    expect(await names('departement: "59"')).toEqual([inFourmies.name, inLille.name, inMaubeuge.name].sort());
  });

  it('every structure returned for an EPCI lies in it, and totalCount matches SQL', async () => {
    const res: any = await t.gql(
      `{ structures(filter: { epci: "200043263" }, first: 100) { totalCount nodes { epci { siren } } } }`,
    );
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM structure s JOIN commune c ON c.code = s.commune_code
       WHERE c.epci_siren = '200043263' AND s.status = 'PUBLISHED'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(res.data.structures.totalCount).toBe(n);
    expect(res.data.structures.nodes.every((s: any) => s.epci.siren === '200043263')).toBe(true);
  });

  it('filters by sector, network, family, legal category and workforce range', async () => {
    const token = uniqueToken('facet');
    const sector = await createSector(t.ds);
    const network = await createNetwork(t.ds);
    const a = await createStructure(t.ds, { name: `Filtre ${token} asso`, legalCategory: '9220', workforceRange: '12' });
    const b = await createStructure(t.ds, { name: `Filtre ${token} scop`, legalCategory: '5458', workforceRange: '03' });
    await addToSector(t.ds, a.id, sector.id);
    await addToNetwork(t.ds, b.id, network.id);
    const names = async (args: string) => {
      const res: any = await t.gql(`{ structures(filter: { search: "${token}", ${args} }) { nodes { name } } }`);
      expect(res.errors).toBeUndefined();
      return res.data.structures.nodes.map((n: { name: string }) => n.name);
    };
    expect(await names(`sector: "${sector.slug}"`)).toEqual([a.name]);
    expect(await names(`network: "${network.slug}"`)).toEqual([b.name]);
    expect(await names('essFamily: COOPERATIVE')).toEqual([b.name]);
    expect(await names('legalCategory: "9220"')).toEqual([a.name]);
    expect(await names('workforceRange: ["12", "11"]')).toEqual([a.name]);
  });

  it('hides drafts and archives from the public list', async () => {
    const token = uniqueToken('status');
    await createStructure(t.ds, { name: `Statut ${token} brouillon`, status: 'DRAFT' });
    await createStructure(t.ds, { name: `Statut ${token} archivée`, status: 'ARCHIVED' });
    const pub = await createStructure(t.ds, { name: `Statut ${token} publiée` });
    const res: any = await t.gql(`{ structures(filter: { search: "${token}" }) { totalCount nodes { name } } }`);
    expect(res.data.structures.nodes.map((n: any) => n.name)).toEqual([pub.name]);
    expect(res.data.structures.totalCount).toBe(1);
  });

  it('name search ignores accents and case, and treats wildcards as text', async () => {
    const token = uniqueToken('acc');
    const s = await createStructure(t.ds, { name: `Épicerie Solidaire ${token}` });
    for (const q of [`epicerie ${token}`, `ÉPICERIE SOLIDAIRE ${token.toUpperCase()}`]) {
      const res: any = await t.gql(LIST, { search: q, first: 5 });
      expect(res.data.structures.nodes.map((n: any) => n.name)).toEqual([s.name]);
    }
    const wild: any = await t.gql(LIST, { search: `% _ ${token}`, first: 5 });
    expect(wild.errors).toBeUndefined();
    expect(wild.data.structures.nodes).toEqual([]);
  });

  it.each([
    ['commune', '{ structures(filter: { commune: "99999" }) { totalCount } }', 'UNKNOWN_TERRITORY_CODE'],
    ['epci', '{ structures(filter: { epci: "999999999" }) { totalCount } }', 'UNKNOWN_TERRITORY_CODE'],
    ['sector', '{ structures(filter: { sector: "no-such-sector" }) { totalCount } }', 'UNKNOWN_REFERENCE'],
    ['network', '{ structures(filter: { network: "no-such-network" }) { totalCount } }', 'UNKNOWN_REFERENCE'],
    ['workforceRange', '{ structures(filter: { workforceRange: "99" }) { totalCount } }', 'UNKNOWN_REFERENCE'],
  ])('an unknown %s is a typed error', async (field, query, code) => {
    const res = await t.gql(query);
    expect(res.errors![0].extensions).toMatchObject({ code, field });
    expect(res.data).toBeNull();
  });
});

describe('structures: identifiers', () => {
  it('finds a structure by SIRET, spaces allowed', async () => {
    const s = await createStructure(t.ds);
    const spaced = `${s.siret.slice(0, 3)} ${s.siret.slice(3, 6)} ${s.siret.slice(6, 9)} ${s.siret.slice(9)}`;
    const res: any = await t.gql(`query ($s: String!) { structureBySiret(siret: $s) { name siret } }`, { s: spaced });
    expect(res.data.structureBySiret).toEqual({ name: s.name, siret: s.siret });
  });

  it.each(['12345678901234', '1234', 'abcdefghijklmn'])('a bad SIRET (%s) is INVALID_SIRET', async (siret) => {
    const res = await t.gql(`query ($s: String!) { structureBySiret(siret: $s) { name } }`, { s: siret });
    expect(res.errors![0].extensions).toMatchObject({ code: 'INVALID_SIRET', field: 'siret' });
  });

  it('node(id) returns published structures and hides drafts', async () => {
    const pub = await createStructure(t.ds);
    const draft = await createStructure(t.ds, { status: 'DRAFT' });
    const q = `query ($id: ID!) { node(id: $id) { id ... on Structure { name } } }`;
    const list: any = await t.gql(`query ($s: String) { structures(filter: { search: $s }) { nodes { id } } }`, { s: pub.name });
    const id = list.data.structures.nodes[0].id;
    const res: any = await t.gql(q, { id });
    expect(res.data.node).toEqual({ id, name: pub.name });
    const hidden: any = await t.gql(q, { id: Buffer.from(`Structure:${draft.id}`).toString('base64url') });
    expect(hidden.data.node).toBeNull();
    const bad: any = await t.gql(q, { id: '!!!' });
    expect(bad.errors[0].extensions.code).toBe('INVALID_ID');
  });
});

describe('proposeStructure (« ajouter ma structure »)', () => {
  const MUTATION = `mutation ($input: ProposeStructureInput!) { proposeStructure(input: $input) { id kind status } }`;
  // Other test files propose structures at the same time: count only this file's proposals (by name or proposer).
  const submitterEmail = `${uniqueToken('porteur')}@exemple.org`;
  const base = { name: `La Recyclerie du Bocage ${uniqueToken()}`, communeCode: '59036', submitterEmail };
  const count = async () =>
    (
      await t.ds.query(
        `SELECT count(*)::int AS n FROM structure_submission WHERE submitter_email = $1 OR payload->>'name' = $2`,
        [submitterEmail, base.name],
      )
    )[0].n as number;

  it('stores a pending submission when everything is valid', async () => {
    const before = await count();
    const res: any = await t.gql(MUTATION, { input: { ...base, siret: '120 027 016 00357' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStructure).toMatchObject({ kind: 'NEW', status: 'PENDING' });
    expect(await count()).toBe(before + 1);
    const [row] = await t.ds.query(
      'SELECT payload FROM structure_submission WHERE submitter_email = $1 ORDER BY id DESC LIMIT 1',
      [submitterEmail],
    );
    expect(row.payload).toMatchObject({ name: base.name, siret: '12002701600357', communeCode: '59036' });
  });

  it.each([
    ['a bad SIRET', { siret: '12002701600358' }, 'INVALID_SIRET', 'siret'],
    ['an unknown commune', { communeCode: '00000' }, 'UNKNOWN_TERRITORY_CODE', 'commune'],
  ])('%s is refused and nothing is written', async (_label, patch, code, field) => {
    const before = await count();
    const res: any = await t.gql(MUTATION, { input: { ...base, ...patch } });
    expect(res.data).toBeNull();
    expect(res.errors[0].extensions).toMatchObject({ code, field });
    expect(await count()).toBe(before);
  });

  it('class-validator errors name the field, in French, and nothing is written', async () => {
    const before = await count();
    const res: any = await t.gql(MUTATION, { input: { ...base, submitterEmail: 'pas-un-email', website: 'ftp://x' } });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = res.errors[0].extensions.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['submitterEmail', 'website']);
    expect(JSON.stringify(res.errors[0])).not.toContain('target');
    expect(res.errors[0].extensions.fields[0].messages[0]).toMatch(/n'est pas valide|doit commencer/);
    expect(await count()).toBe(before);
  });
});
