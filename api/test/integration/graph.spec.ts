import { getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { buildEssorSchema } from '../../src/schema';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('ecosystem graph', () => {
  it('10 networks × 10 members with sector, commune and EPCI: one statement per list level', async () => {
    const res: any = await t.gql(`{
      networks { slug memberCount members(first: 10) { totalCount nodes { name sectors { slug } commune { name epci { name } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const networks = res.data.networks;
    expect(networks.length).toBeGreaterThanOrEqual(8);
    expect(networks.some((n: any) => n.members.nodes.length === 10)).toBe(true);
    for (const n of networks) expect(n.members.totalCount).toBe(n.memberCount);
    // networks, members (lateral), member counts, sectors, communes, EPCIs
    expect(res.extensions.sqlStatements).toBeLessThanOrEqual(6);
  });

  it('a sector links to its facilitators, structures, workshops and chantiers', async () => {
    const res: any = await t.gql(`{ sectors {
      slug structureCount facilitators { jobTitle }
      structures(first: 3) { totalCount nodes { name } pageInfo { hasNextPage endCursor } }
      workshops { title } chantiers { title } studyDays { title }
    } }`);
    expect(res.errors).toBeUndefined();
    const sectors = res.data.sectors;
    expect(sectors.length).toBeGreaterThanOrEqual(10);
    expect(sectors.every((s: any) => s.structures.totalCount === s.structureCount)).toBe(true);
    const titles = sectors.flatMap((s: any) => [...s.workshops, ...s.chantiers].map((x: any) => x.title));
    for (const title of ['Participer à un salon', 'Renforcer le bénévolat', 'Le mécénat', "L'IAE"]) {
      expect(titles).toContain(title);
    }
    // Second page of one sector's structures continues after the first.
    const big = sectors.find((s: any) => s.structures.pageInfo.hasNextPage);
    const next: any = await t.gql(
      `query ($slug: String!, $after: String) { sector(slug: $slug) { structures(first: 3, after: $after) { nodes { name } } } }`,
      {
        slug: big.slug,
        after: big.structures.pageInfo.endCursor,
      },
    );
    const firstNames = big.structures.nodes.map((n: any) => n.name);
    for (const n of next.data.sector.structures.nodes) expect(firstNames).not.toContain(n.name);
  });

  it('workshops, chantiers and study days have sessions, participants and deliverables', async () => {
    const res: any = await t.gql(`{
      chantiers(first: 20) { totalCount nodes { id kind title goal status sector { name }
        sessions { startsAt place commune { name } }
        participants { role structure { name } person { displayName } }
        deliverables { title kind } } }
      workshops { totalCount } studyDays { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.chantiers.totalCount).toBeGreaterThanOrEqual(7);
    expect(res.data.workshops.totalCount).toBeGreaterThanOrEqual(4);
    expect(res.data.studyDays.totalCount).toBeGreaterThanOrEqual(1);
    const c = res.data.chantiers.nodes[0];
    expect(c.kind).toBe('CHANTIER');
    expect(c.sessions.length).toBeGreaterThan(0);
    expect(c.participants.length).toBeGreaterThan(0);
    for (const p of res.data.chantiers.nodes.flatMap((x: any) => x.participants)) {
      expect(Boolean(p.structure) || Boolean(p.person)).toBe(true);
    }
    // sessions are ordered by date
    const dates = c.sessions.map((s: any) => s.startsAt);
    expect([...dates].sort()).toEqual(dates);
    // node(id) resolves to the right concrete type
    const node: any = await t.gql(`query ($id: ID!) { node(id: $id) { __typename ... on ParticipatorySpace { title } } }`, {
      id: c.id,
    });
    expect(node.data.node).toEqual({ __typename: 'Chantier', title: c.title });
  });

  it('mentor offers show their mentor and themes', async () => {
    const res: any = await t.gql(
      `{ mentorOffers(first: 50, theme: [GOVERNANCE, FUNDING]) { totalCount nodes { title themes mentor { displayName } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.mentorOffers.totalCount).toBeGreaterThan(0);
    for (const o of res.data.mentorOffers.nodes) {
      expect(o.themes.some((th: string) => th === 'GOVERNANCE' || th === 'FUNDING')).toBe(true);
      expect(o.mentor.displayName).toBeTruthy();
    }
  });

  it('ecosystemStats counts match the database', async () => {
    // Other test files add structures to the same database meanwhile: the answer lies between the
    // counts taken just before and just after it.
    const count = async () =>
      (
        await t.ds.query(`SELECT
      (SELECT count(*) FROM structure WHERE status = 'PUBLISHED')::int AS structures,
      (SELECT count(*) FROM commune)::int AS communes`)
      )[0];
    const before = await count();
    const res: any = await t.gql(`{ ecosystemStats { structures sectors networks chantiers communes epcis } }`);
    const row = await count();
    expect(res.data.ecosystemStats.structures).toBeGreaterThanOrEqual(before.structures);
    expect(res.data.ecosystemStats.structures).toBeLessThanOrEqual(row.structures);
    expect(res.data.ecosystemStats.communes).toBe(row.communes);
    expect(res.data.ecosystemStats.epcis).toBeGreaterThan(1000);
  });

  it('every global id round-trips through node(id)', async () => {
    const res: any = await t.gql(`{
      regions { id } departements(region: "32") { id }
      epcis(first: 1) { nodes { id } } communes(first: 1) { nodes { id } }
      structures(first: 1) { nodes { id } } sectors { id } networks { id }
      persons(first: 1) { nodes { id } } mentorOffers(first: 1) { nodes { id } }
      workshops(first: 1) { nodes { id } } studyDays(first: 1) { nodes { id } }
    }`);
    const ids = [
      res.data.regions[0].id,
      res.data.departements[0].id,
      res.data.epcis.nodes[0].id,
      res.data.communes.nodes[0].id,
      res.data.structures.nodes[0].id,
      res.data.sectors[0].id,
      res.data.networks[0].id,
      res.data.persons.nodes[0].id,
      res.data.mentorOffers.nodes[0].id,
      res.data.workshops.nodes[0].id,
      res.data.studyDays.nodes[0].id,
    ];
    const back: any = await t.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(back.data.nodes.map((n: any) => n.id)).toEqual(ids);
  });

  it('refuses absurdly deep queries before running them', async () => {
    let q = 'name';
    for (let i = 0; i < 8; i++) q = `networks { members(first: 1) { nodes { ${q} } } }`;
    const deep: any = await t.gql(`{ sectors { structures(first: 1) { nodes { ${q} } } } }`);
    expect(deep.errors[0].message).toMatch(/trop profonde/);
    expect(deep.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(deep.extensions?.sqlStatements ?? 0).toBe(0);
  });

  it('each field of a structure is the same through a list (which reads only the columns it needs) as through the full row', async () => {
    const schema = await buildEssorSchema();
    const fields = (schema.getType('Structure') as GraphQLObjectType).getFields();
    const selectionOf = (name: string) => (isLeafType(getNamedType(fields[name].type)) ? name : `${name} { __typename }`);
    const lists = [
      (f: string) => `{ networks { members(first: 4) { nodes { id ${f} } } } }`,
      (f: string) => `{ searchStructures(first: 12, text: "association") { edges { node { id ${f} } } } }`,
      // Around Maubeuge: structures with coordinates (other test files create some without, named « Après »…).
      (f: string) =>
        `{ searchStructures(first: 2, nearCommune: "59392", radiusKm: 20) { nodes { nearby(first: 6, radiusKm: 100) { structure { id ${f} } } } } }`,
    ];
    const nodesOf = (data: any): any[] =>
      data.networks
        ? data.networks.flatMap((n: any) => n.members.nodes)
        : data.searchStructures.nodes
          ? data.searchStructures.nodes.flatMap((n: any) => n.nearby.map((x: any) => x.structure))
          : data.searchStructures.edges.map((e: any) => e.node);
    let compared = 0;
    for (const name of Object.keys(fields)) {
      for (const list of lists) {
        const res: any = await t.gql(list(selectionOf(name)));
        expect(res.errors).toBeUndefined();
        const nodes = nodesOf(res.data).slice(0, 12);
        expect(nodes.length).toBeGreaterThan(0);
        const full: any = await t.gql(
          `{ ${nodes.map((n, i) => `s${i}: structure(id: ${JSON.stringify(n.id)}) { ${selectionOf(name)} }`).join(' ')} }`,
        );
        expect(full.errors).toBeUndefined();
        nodes.forEach((n, i) => expect([name, n[name]]).toEqual([name, full.data[`s${i}`][name]]));
        compared += nodes.length;
      }
    }
    expect(compared).toBeGreaterThan(Object.keys(fields).length * 10);
  }, 120_000); // one request per field of Structure, twice: minutes on a loaded machine (not a timed test)
});
