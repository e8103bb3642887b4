import { createAccount, createPerson, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let steering: string;
let iaeFacilitator: string;
let iaeSectorId: string;
beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
  const s = await createAccount(t.ds, { roles: ['STEERING'] });
  steering = await t.login(s.email, s.password);
  [{ id: iaeSectorId }] = await t.ds.query(`SELECT id::text FROM sector WHERE slug = 'iae'`);
  const f = await createAccount(t.ds, { roles: ['FACILITATOR'], sectorIds: [iaeSectorId] });
  iaeFacilitator = await t.login(f.email, f.password);
});
afterAll(() => t.close());

const audits = async (type: string, id: string) =>
  t.ds.query(`SELECT action, before, after FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [type, id]);

/** Anonymous → UNAUTHENTICATED, wrong role → FORBIDDEN, then the allowed call succeeds. */
async function guarded(query: string, vars: Record<string, unknown>, wrong: string, allowed: string) {
  expect((await t.gql(query, vars)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  expect((await t.gql(query, vars, { cookie: wrong })).errors![0].extensions!.code).toBe('FORBIDDEN');
  const res = await t.gql(query, vars, { cookie: allowed });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

describe('sectors, networks, mentor offers, persons', () => {
  it('sector: create, update with locking, archive (leaves the public list), facilitators', async () => {
    const slug = uniqueToken('sect-');
    const created: any = await guarded(
      `mutation ($i: CreateSectorInput!) { createSector(input: $i) { id version } }`,
      { i: { slug, name: 'Économie circulaire' } },
      steering,
      admin,
    );
    const id = created.createSector.id;
    const rowId = Buffer.from(id, 'base64url').toString().split(':')[1];
    const upd: any = await guarded(
      `mutation ($id: ID!) { updateSector(id: $id, version: 1, input: { description: "Réemploi" }) { version } }`,
      { id },
      steering,
      admin,
    );
    expect(upd.updateSector.version).toBe(2);
    const stale = await t.gql(
      `mutation ($id: ID!) { updateSector(id: $id, version: 1, input: { name: "Autre nom" }) { version } }`,
      { id },
      { cookie: admin },
    );
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const p = await createPerson(t.ds, { isPublic: true });
    const fac: any = await guarded(
      `mutation ($id: ID!, $p: [ID!]!) { setSectorFacilitators(id: $id, version: 2, personIds: $p) { version } }`,
      { id, p: [toGlobal('Person', p.id)] },
      steering,
      admin,
    );
    expect(fac.setSectorFacilitators.version).toBe(3);
    await guarded(`mutation ($id: ID!) { archiveSector(id: $id, version: 3) { status } }`, { id }, steering, admin);
    const pub: any = await t.gql(`query ($s: String!) { sector(slug: $s) { id } sectors { slug } }`, { s: slug });
    expect(pub.data.sector).toBeNull();
    expect(pub.data.sectors.map((x: any) => x.slug)).not.toContain(slug);
    expect((await audits('Sector', rowId)).map((a: any) => a.action)).toEqual([
      'CREATE',
      'UPDATE',
      'SET_FACILITATORS',
      'ARCHIVE',
    ]);
    const dup = await t.gql(
      `mutation ($i: CreateSectorInput!) { createSector(input: $i) { id } }`,
      { i: { slug, name: 'Doublon' } },
      { cookie: admin },
    );
    expect(dup.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
  });

  it('network: create, update, archive, audited', async () => {
    const slug = uniqueToken('net-');
    const c: any = await guarded(
      `mutation ($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`,
      { i: { slug, name: 'Réseau des ressourceries', kind: 'FEDERATION' } },
      steering,
      admin,
    );
    const id = c.createNetwork.id;
    await guarded(
      `mutation ($id: ID!) { updateNetwork(id: $id, version: 1, input: { acronym: "RR" }) { acronym } }`,
      { id },
      steering,
      admin,
    );
    await guarded(`mutation ($id: ID!) { archiveNetwork(id: $id, version: 2) { status } }`, { id }, steering, admin);
    expect((await audits('Network', Buffer.from(id, 'base64url').toString().split(':')[1])).length).toBe(3);
  });

  it('mentor offer: create (unknown mentor is a typed error), update', async () => {
    const p = await createPerson(t.ds, { isPublic: true });
    const M = `mutation ($i: CreateMentorOfferInput!) { createMentorOffer(input: $i) { id status themes } }`;
    const missing = await t.gql(
      M,
      { i: { mentorId: toGlobal('Person', '999999999'), title: 'Gouvernance', themes: ['GOVERNANCE'] } },
      { cookie: admin },
    );
    expect(missing.errors![0].extensions).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'mentorId' });
    const c: any = await guarded(
      M,
      { i: { mentorId: toGlobal('Person', p.id), title: 'Gouvernance', themes: ['GOVERNANCE', 'GOVERNANCE'] } },
      steering,
      admin,
    );
    expect(c.createMentorOffer).toMatchObject({ status: 'OPEN', themes: ['GOVERNANCE'] });
    const u: any = await guarded(
      `mutation ($id: ID!) { updateMentorOffer(id: $id, version: 1, input: { status: CLOSED }) { status } }`,
      { id: c.createMentorOffer.id },
      steering,
      admin,
    );
    expect(u.updateMentorOffer.status).toBe('CLOSED');
  });

  it('person: edits are audited without personal values', async () => {
    const c: any = await guarded(
      `mutation { createPerson(input: { firstName: "Yasmine", lastName: "Belkacem", email: "y.belkacem@exemple.org", jobTitle: "Chargée de mission" }) { id } }`,
      {},
      steering,
      admin,
    );
    const id = c.createPerson.id;
    await guarded(
      `mutation ($id: ID!) { updatePerson(id: $id, version: 1, input: { phone: "03 27 44 44 44" }) { version } }`,
      { id },
      steering,
      admin,
    );
    const trail = await audits('Person', Buffer.from(id, 'base64url').toString().split(':')[1]);
    expect(trail.map((a: any) => a.action)).toEqual(['CREATE', 'UPDATE']);
    const text = JSON.stringify(trail);
    expect(text).not.toMatch(/Yasmine|Belkacem|y\.belkacem|44 44 44/);
    expect(trail[1].after.phone).toBe('[donnée personnelle]');
    expect(trail[0].after.jobTitle).toBe('Chargée de mission');
  });
});

describe('workshops, chantiers and study days', () => {
  const CREATE = `mutation ($i: CreateSpaceInput!) { createSpace(kind: WORKSHOP, input: $i) { id version ... on Workshop { title sector { slug } viewerCanEdit } } }`;

  it('a facilitator edits the spaces of their sector, not the others', async () => {
    const mine: any = await guarded(
      CREATE,
      { i: { sectorSlug: 'iae', title: 'Atelier CV', goal: 'Préparer des CV' } },
      steering,
      iaeFacilitator,
    );
    expect(mine.createSpace).toMatchObject({ title: 'Atelier CV', sector: { slug: 'iae' }, viewerCanEdit: true });
    const other = await t.gql(
      CREATE,
      { i: { sectorSlug: 'culture', title: 'Atelier théâtre', goal: 'Jouer' } },
      { cookie: iaeFacilitator },
    );
    expect(other.errors![0]).toMatchObject({
      message: 'Vous ne pouvez modifier que les espaces de vos secteurs.',
      extensions: { code: 'FORBIDDEN' },
    });
    const [{ id: cultureSpace }] = await t.ds.query(
      `SELECT ps.id::text FROM participatory_space ps JOIN sector s ON s.id = ps.sector_id WHERE s.slug = 'culture' AND ps.kind = 'WORKSHOP' LIMIT 1`,
    );
    const edit = await t.gql(
      `mutation ($id: ID!) { updateSpace(id: $id, version: 1, input: { title: "Piraté" }) { version } }`,
      { id: toGlobal('Workshop', cultureSpace) },
      { cookie: iaeFacilitator },
    );
    expect(edit.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('sessions, participants and deliverables are added and removed, each audited', async () => {
    const c: any = await t.gql(
      CREATE,
      { i: { sectorSlug: 'iae', title: 'Atelier entretien', goal: "Réussir l'entretien" } },
      { cookie: iaeFacilitator },
    );
    const spaceId = c.data.createSpace.id;
    const rowId = Buffer.from(spaceId, 'base64url').toString().split(':')[1];
    const s = await createStructure(t.ds);
    const steps = [
      [
        `mutation ($id: ID!) { addSpaceSession(spaceId: $id, input: { startsAt: "2027-01-15T09:00:00Z", place: "Maison de l'ESS", communeCode: "59392" }) { id } }`,
        {},
      ],
      [
        `mutation ($id: ID!, $s: ID!) { addSpaceParticipant(spaceId: $id, input: { structureId: $s, role: CONTRIBUTOR }) { id } }`,
        { s: toGlobal('Structure', s.id) },
      ],
      [
        `mutation ($id: ID!) { addSpaceDeliverable(spaceId: $id, input: { title: "Guide de l'entretien", kind: GUIDE }) { id } }`,
        {},
      ],
    ] as const;
    for (const [q, extra] of steps) await guarded(q, { id: spaceId, ...extra }, steering, iaeFacilitator);
    const both = await t.gql(
      `mutation ($id: ID!) { addSpaceParticipant(spaceId: $id, input: {}) { id } }`,
      { id: spaceId },
      { cookie: iaeFacilitator },
    );
    expect(both.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const view: any = await t.gql(
      `query ($id: ID!) { workshop(id: $id) { sessions { id } participants { id role structure { name } } deliverables { id title } } }`,
      { id: spaceId },
    );
    expect(view.data.workshop.participants[0]).toMatchObject({ role: 'CONTRIBUTOR', structure: { name: s.name } });
    const del = view.data.workshop.deliverables[0].id;
    await guarded(
      `mutation ($id: ID!, $d: ID!) { removeSpaceItem(spaceId: $id, item: deliverable, itemId: $d) { id } }`,
      { id: spaceId, d: del },
      steering,
      iaeFacilitator,
    );
    const again = await t.gql(
      `mutation ($id: ID!, $d: ID!) { removeSpaceItem(spaceId: $id, item: deliverable, itemId: $d) { id } }`,
      { id: spaceId, d: del },
      { cookie: iaeFacilitator },
    );
    expect(again.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await audits('ParticipatorySpace', rowId)).map((a: any) => a.action)).toEqual([
      'CREATE',
      'ADD_SESSION',
      'ADD_PARTICIPANT',
      'ADD_DELIVERABLE',
      'REMOVE_DELIVERABLE',
    ]);
  });

  it('adding a participant already there changes nothing, writes no audit entry, and says so', async () => {
    const c: any = await t.gql(
      CREATE,
      { i: { sectorSlug: 'iae', title: `Atelier ${uniqueToken()}`, goal: 'Essai' } },
      { cookie: iaeFacilitator },
    );
    const spaceId = c.data.createSpace.id;
    const rowId = Buffer.from(spaceId, 'base64url').toString().split(':')[1];
    const s = await createStructure(t.ds);
    const p = await createPerson(t.ds, { isPublic: false });
    const ADD = `mutation ($id: ID!, $i: ParticipantInput!) { addSpaceParticipant(spaceId: $id, input: $i) { participants { role } } }`;
    const inputs = [
      { i: { structureId: toGlobal('Structure', s.id), role: 'CONTRIBUTOR' }, field: 'structureId' },
      { i: { personId: toGlobal('Person', p.id) }, field: 'personId' },
    ];
    for (const { i } of inputs) {
      expect((await t.gql(ADD, { id: spaceId, i }, { cookie: iaeFacilitator })).errors).toBeUndefined();
    }
    for (const { i, field } of inputs) {
      const again = await t.gql(ADD, { id: spaceId, i: { ...i, role: 'FACILITATOR' } }, { cookie: iaeFacilitator });
      expect(again.data).toBeNull();
      expect(again.errors![0].extensions).toEqual({ code: 'ALREADY_PARTICIPANT', field });
      expect(again.errors![0].message).toMatch(/participe déjà à cet espace/);
    }
    const rows = await t.ds.query(
      'SELECT structure_id::text, person_id::text, role FROM space_participant WHERE space_id = $1 ORDER BY id',
      [rowId],
    );
    expect(rows).toEqual([
      { structure_id: s.id, person_id: null, role: 'CONTRIBUTOR' },
      { structure_id: null, person_id: p.id, role: 'PARTICIPANT' },
    ]);
    expect((await audits('ParticipatorySpace', rowId)).map((a: any) => a.action)).toEqual([
      'CREATE',
      'ADD_PARTICIPANT',
      'ADD_PARTICIPANT',
    ]);
  });

  it('archived spaces leave the public views', async () => {
    const c: any = await t.gql(
      CREATE,
      { i: { sectorSlug: 'iae', title: `Éphémère ${uniqueToken()}`, goal: 'Essai' } },
      { cookie: admin },
    );
    const id = c.data.createSpace.id;
    await guarded(`mutation ($id: ID!) { archiveSpace(id: $id, version: 1) { archived } }`, { id }, steering, admin);
    const pub: any = await t.gql(`query ($id: ID!) { workshop(id: $id) { id } workshops(first: 100) { nodes { id } } }`, { id });
    expect(pub.data.workshop).toBeNull();
    expect(pub.data.workshops.nodes.map((n: any) => n.id)).not.toContain(id);
  });
});
