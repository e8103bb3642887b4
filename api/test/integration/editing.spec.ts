import { createAccount, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let steering: string;
beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
  const s = await createAccount(t.ds, { roles: ['STEERING'] });
  steering = await t.login(s.email, s.password);
});
afterAll(() => t.close());

const UPDATE = `mutation ($id: ID!, $v: Int!, $i: StructurePatch!) {
  updateStructure(id: $id, version: $v, input: $i) { name phone version essFamily siret status viewerCanEdit }
}`;
const row = async (id: string) => (await t.ds.query('SELECT name, phone, version, status FROM structure WHERE id = $1', [id]))[0];
const auditCount = async (id: string) =>
  (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Structure' AND entity_id = $1`, [id]))[0]
    .n as number;
const editorOf = async (structureId: string) => {
  const e = await createAccount(t.ds, { roles: ['STRUCTURE_EDITOR'], structureIds: [structureId] });
  return t.login(e.email, e.password);
};

describe('updateStructure', () => {
  it('anonymous, wrong role and an editor of another structure are refused; nothing is written', async () => {
    const s = await createStructure(t.ds);
    const other = await createStructure(t.ds);
    const otherEditor = await editorOf(other.id);
    const vars = { id: toGlobal('Structure', s.id), v: 1, i: { phone: '03 27 00 00 01' } };
    expect((await t.gql(UPDATE, vars)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(UPDATE, vars, { cookie: steering })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(UPDATE, vars, { cookie: otherEditor })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await row(s.id)).toMatchObject({ phone: null, version: 1 });
    expect(await auditCount(s.id)).toBe(0);
  });

  it('the editor of the structure saves it: version bumped, one audit entry with before and after', async () => {
    const s = await createStructure(t.ds);
    const editor = await editorOf(s.id);
    const res = await t.gql(
      UPDATE,
      { id: toGlobal('Structure', s.id), v: 1, i: { phone: '03 27 00 00 02', legalCategory: '5458' } },
      { cookie: editor },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStructure).toMatchObject({
      phone: '03 27 00 00 02',
      version: 2,
      essFamily: 'COOPERATIVE',
      viewerCanEdit: true,
    });
    const [entry] = await t.ds.query(
      `SELECT actor, action, before, after FROM audit_log WHERE entity_type = 'Structure' AND entity_id = $1`,
      [s.id],
    );
    expect(entry.action).toBe('UPDATE');
    expect(entry.before).toMatchObject({ phone: null, legalCategory: '9220', essFamily: 'ASSOCIATION', version: 1 });
    expect(entry.after).toMatchObject({ phone: '03 27 00 00 02', legalCategory: '5458', essFamily: 'COOPERATIVE', version: 2 });
    expect(await auditCount(s.id)).toBe(1);
  });

  it('a stale version is a CONFLICT that shows what changed, and nothing is overwritten', async () => {
    const s = await createStructure(t.ds, { name: `Conflit ${uniqueToken()}` });
    const id = toGlobal('Structure', s.id);
    const first = await t.gql(UPDATE, { id, v: 1, i: { name: `${s.name} (Alice)` } }, { cookie: admin });
    expect(first.errors).toBeUndefined();
    const second = await t.gql(UPDATE, { id, v: 1, i: { name: `${s.name} (Bob)`, phone: '03 27 99 99 99' } }, { cookie: admin });
    const err = second.errors![0];
    expect(err.extensions!.code).toBe('CONFLICT');
    expect(err.extensions!.currentVersion).toBe(2);
    expect(err.extensions!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', current: `${s.name} (Alice)`, submitted: `${s.name} (Bob)` },
        { field: 'phone', current: null, submitted: '03 27 99 99 99' },
      ]),
    );
    expect(err.message).toMatch(/modifié entre-temps/);
    expect(await row(s.id)).toMatchObject({ name: `${s.name} (Alice)`, phone: null, version: 2 });
    expect(await auditCount(s.id)).toBe(1);
  });

  it('bad input is a typed error and changes nothing', async () => {
    const s = await createStructure(t.ds);
    const id = toGlobal('Structure', s.id);
    const bad = await t.gql(UPDATE, { id, v: 1, i: { siret: '12345678901234', phone: '03 27 00 00 03' } }, { cookie: admin });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'INVALID_SIRET', field: 'siret' });
    const commune = await t.gql(UPDATE, { id, v: 1, i: { communeCode: '00000' } }, { cookie: admin });
    expect(commune.errors![0].extensions!.code).toBe('UNKNOWN_TERRITORY_CODE');
    const naf = await t.gql(UPDATE, { id, v: 1, i: { nafCode: 'nimporte' } }, { cookie: admin });
    expect(naf.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(naf.errors![0].extensions!.fields[0]).toMatchObject({
      field: 'nafCode',
      messages: ['Le code NAF a la forme 88.99B.'],
    });
    const other = await createStructure(t.ds);
    const dup = await t.gql(UPDATE, { id, v: 1, i: { siret: other.siret } }, { cookie: admin });
    expect(dup.errors![0].extensions!.code).toBe('SIRET_TAKEN');
    expect(await row(s.id)).toMatchObject({ phone: null, version: 1 });
    expect(await auditCount(s.id)).toBe(0);
  });

  it('a structure editor cannot publish or archive', async () => {
    const s = await createStructure(t.ds, { status: 'DRAFT' });
    const editor = await editorOf(s.id);
    const res = await t.gql(UPDATE, { id: toGlobal('Structure', s.id), v: 1, i: { status: 'PUBLISHED' } }, { cookie: editor });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await row(s.id)).status).toBe('DRAFT');
  });
});

describe('create, archive, links', () => {
  const CREATE = `mutation ($i: CreateStructureInput!) { createStructure(input: $i) { id name status essFamily latitude commune { code } } }`;

  it('createStructure: anonymous, wrong role, allowed (draft at the commune centroid, audited)', async () => {
    const name = `Nouvelle ${uniqueToken()}`;
    const i = { name, legalCategory: '9300', communeCode: '59392' };
    expect((await t.gql(CREATE, { i })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(CREATE, { i }, { cookie: steering })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const res = await t.gql(CREATE, { i }, { cookie: admin });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createStructure).toMatchObject({
      name,
      status: 'DRAFT',
      essFamily: 'FONDATION',
      commune: { code: '59392' },
    });
    expect(res.data!.createStructure.latitude).toBeGreaterThan(50);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM structure WHERE name = $1`, [name]);
    expect(n).toBe(1);
    const [entry] = await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'Structure' AND after->>'name' = $1`, [
      name,
    ]);
    expect(entry.action).toBe('CREATE');
  });

  it('archiveStructure: the structure leaves the public views, keeps its history', async () => {
    const s = await createStructure(t.ds, { name: `Archivable ${uniqueToken()}` });
    const id = toGlobal('Structure', s.id);
    const A = `mutation ($id: ID!) { archiveStructure(id: $id, version: 1) { status } }`;
    expect((await t.gql(A, { id })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(A, { id }, { cookie: await editorOf(s.id) })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(A, { id }, { cookie: admin })).data!.archiveStructure.status).toBe('ARCHIVED');
    const pub: any = await t.gql(`query ($s: String) { structures(filter: { search: $s }) { totalCount } }`, { s: s.name });
    expect(pub.data.structures.totalCount).toBe(0);
    expect((await t.gql(`query ($id: ID!) { structure(id: $id) { name } }`, { id })).data!.structure).toBeNull();
    const history: any = await t.gql(
      `query ($id: String) { auditLog(entityType: "Structure", entityId: $id) { nodes { action changes { field before after } } } }`,
      {
        id: s.id,
      },
      { cookie: steering },
    );
    expect(history.data.auditLog.nodes[0].action).toBe('ARCHIVE');
    expect(history.data.auditLog.nodes[0].changes).toEqual(
      expect.arrayContaining([{ field: 'status', before: '"PUBLISHED"', after: '"ARCHIVED"' }]),
    );
  });

  it('setStructureSectors: editor of the structure only, audited', async () => {
    const s = await createStructure(t.ds);
    const M = `mutation ($id: ID!, $c: [String!]!) { setStructureSectors(id: $id, codes: $c) { sectors { slug } } }`;
    const vars = { id: toGlobal('Structure', s.id), c: ['iae', 'culture'] };
    expect((await t.gql(M, vars)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const res = await t.gql(M, vars, { cookie: await editorOf(s.id) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setStructureSectors.sectors.map((x: any) => x.slug).sort()).toEqual(['culture', 'iae']);
    const unknown = await t.gql(M, { ...vars, c: ['nope'] }, { cookie: admin });
    expect(unknown.errors![0].extensions!.code).toBe('UNKNOWN_REFERENCE');
    const [entry] = await t.ds.query(`SELECT action, after FROM audit_log WHERE entity_type = 'Structure' AND entity_id = $1`, [
      s.id,
    ]);
    expect(entry).toMatchObject({ action: 'SET_SECTORS', after: { sectors: ['culture', 'iae'] } });
  });
});

describe('admin lists and the audit trail', () => {
  it('adminStructures: admins see drafts, editors only their structures, anonymous nothing', async () => {
    const draft = await createStructure(t.ds, { status: 'DRAFT', name: `Brouillon ${uniqueToken()}` });
    const Q = `query ($t: String) { adminStructures(filter: { search: $t }, pageSize: 10) { totalCount items { name status viewerCanEdit } } }`;
    expect((await t.gql(Q, { t: draft.name })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const asAdmin = await t.gql(Q, { t: draft.name }, { cookie: admin });
    expect(asAdmin.data!.adminStructures).toEqual({
      totalCount: 1,
      items: [{ name: draft.name, status: 'DRAFT', viewerCanEdit: true }],
    });
    const mine = await createStructure(t.ds);
    const editor = await editorOf(mine.id);
    const asEditor = await t.gql(`{ adminStructures(pageSize: 100) { totalCount items { name } } }`, {}, { cookie: editor });
    expect(asEditor.data!.adminStructures).toEqual({ totalCount: 1, items: [{ name: mine.name }] });
    const sorted = await t.gql(
      `{ adminStructures(sort: UPDATED_AT, descending: true, pageSize: 5, page: 1) { totalCount items { name } } }`,
      {},
      {
        cookie: admin,
      },
    );
    expect(sorted.data!.adminStructures.items).toHaveLength(5);
    expect(sorted.data!.adminStructures.totalCount).toBeGreaterThan(300);
  });

  it('auditLog: mission and steering committee only', async () => {
    expect((await t.gql(`{ auditLog { totalCount } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const editor = await editorOf((await createStructure(t.ds)).id);
    expect((await t.gql(`{ auditLog { totalCount } }`, {}, { cookie: editor })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const res = await t.gql(`{ auditLog(first: 5) { totalCount nodes { actor action entityType } } }`, {}, { cookie: steering });
    expect(res.data!.auditLog.totalCount).toBeGreaterThan(0);
  });

  it('auditLog filters by actor (wildcards taken literally), action and entity, counts the filtered entries and pages newest first', async () => {
    const tok = uniqueToken('audit');
    const actor = `${tok}_1@essor.test`;
    const entries: Array<[string, string, string]> = [
      [actor, 'UPDATE', '1'],
      [actor, 'UPDATE', '2'],
      [actor, 'CREATE', '2'],
      [actor, 'UPDATE', '3'],
      [`${tok}x1@essor.test`, 'UPDATE', '4'], // `_` is no wildcard: not matched
    ];
    for (const [who, action, entityId] of entries) {
      await t.ds.query(`INSERT INTO audit_log (actor, action, entity_type, entity_id) VALUES ($1, $2, 'Structure', $3)`, [
        who,
        action,
        entityId,
      ]);
    }
    const LOG = `query ($actor: String, $action: String, $entityId: String, $after: String) {
      auditLog(actor: $actor, action: $action, entityType: "Structure", entityId: $entityId, first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { entityId action }
      }
    }`;
    const first = await t.gql(LOG, { actor: `${tok}_1`, action: 'UPDATE' }, { cookie: steering });
    expect(first.data!.auditLog).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
      nodes: [{ entityId: '3' }, { entityId: '2', action: 'UPDATE' }],
    });
    const next = await t.gql(
      LOG,
      { actor: `${tok}_1`, action: 'UPDATE', after: first.data!.auditLog.pageInfo.endCursor },
      { cookie: steering },
    );
    expect(next.data!.auditLog).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false }, nodes: [{ entityId: '1' }] });
    const one = await t.gql(LOG, { actor: tok.toUpperCase(), entityId: '2' }, { cookie: steering });
    expect(one.data!.auditLog.nodes).toEqual([
      { entityId: '2', action: 'CREATE' },
      { entityId: '2', action: 'UPDATE' },
    ]);
  });

  it('the audit trail is append-only in the database itself', async () => {
    await expect(t.ds.query('UPDATE audit_log SET actor = $1', ['pirate'])).rejects.toThrow(/append-only/);
    await expect(t.ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
