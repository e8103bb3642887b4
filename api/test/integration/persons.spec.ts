import { createPerson, createStructure, toGlobal } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const FIELDS = 'id displayName firstName lastName email phone bio jobTitle isPublic';

describe('personal data', () => {
  it('is hidden from anonymous users unless the person chose to be public', async () => {
    const s = await createStructure(t.ds);
    const hidden = await createPerson(t.ds, { isPublic: false, structureId: s.id, firstName: 'Dominique' });
    const shown = await createPerson(t.ds, { isPublic: true, structureId: s.id, firstName: 'Sacha' });
    const res: any = await t.gql(`query ($id: ID!) { structure(id: $id) { contacts { ${FIELDS} } } }`, {
      id: toGlobal('Structure', s.id),
    });
    expect(res.errors).toBeUndefined();
    const [h, p] = res.data.structure.contacts;
    expect(h).toMatchObject({ firstName: null, lastName: null, email: null, phone: null, bio: null, isPublic: false });
    expect(h.displayName).not.toContain(hidden.lastName);
    expect(JSON.stringify(h)).not.toContain(hidden.email);
    expect(p).toMatchObject({ firstName: 'Sacha', lastName: shown.lastName, email: shown.email, isPublic: true });
    expect(p.displayName).toBe(`Sacha ${shown.lastName}`);
  });

  it('non-public persons are neither listed nor reachable by id', async () => {
    const hidden = await createPerson(t.ds, { isPublic: false });
    const res: any = await t.gql(`{ persons(first: 100) { totalCount nodes { id isPublic } } }`);
    expect(res.data.persons.nodes.every((p: any) => p.isPublic)).toBe(true);
    const [{ n }] = await t.ds.query("SELECT count(*)::int AS n FROM person WHERE is_public AND status = 'ACTIVE'");
    expect(res.data.persons.totalCount).toBe(n);
    for (const q of [
      `query ($id: ID!) { person(id: $id) { ${FIELDS} } }`,
      `query ($id: ID!) { node(id: $id) { ... on Person { ${FIELDS} } } }`,
    ]) {
      const r: any = await t.gql(q, { id: toGlobal('Person', hidden.id) });
      expect(JSON.stringify(r.data)).not.toContain(hidden.lastName);
    }
  });

  it('facilitators and mentors of the demo data show their chosen public details', async () => {
    const res: any = await t.gql(`{ sectors { name facilitators { displayName email isPublic } } }`);
    const facilitators = res.data.sectors.flatMap((s: any) => s.facilitators);
    expect(facilitators.length).toBeGreaterThan(0);
    for (const f of facilitators) expect(f.email === null).toBe(!f.isPublic);
  });
});
