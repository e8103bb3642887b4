// Administering sectors, networks and mentor offers: archived items (seen by the mission and the
// steering committee only, never anonymously, cache included), restore, atomic network membership,
// facilitators under the sector's version, clearing descriptions.
import {
  addToNetwork,
  addToSector,
  createAccount,
  createNetwork,
  createPerson,
  createSector,
  createStructure,
  toGlobal,
} from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let steering: string;
let partner: string;
beforeAll(async () => {
  // With the shared response cache on: anonymous answers are cached, and must stay right.
  t = await startTestServer({ responseCache: true });
  const login = async (roles: string[]) => {
    const a = await createAccount(t.ds, { roles });
    return t.login(a.email, a.password);
  };
  [admin, steering, partner] = await Promise.all([login(['ADMIN']), login(['STEERING']), login(['PARTNER'])]);
});
afterAll(async () => {
  // Cache entries are stored after the answer: let the last ones land before closing the pool.
  await new Promise((r) => setTimeout(r, 200));
  await t.close();
});

const audits = async (type: string, id: string): Promise<Array<{ action: string; before: any; after: any }>> =>
  t.ds.query(`SELECT action, before, after FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [type, id]);

async function ok(query: string, variables: Record<string, unknown>, cookie?: string): Promise<any> {
  const res = await t.gql(query, variables, cookie ? { cookie } : {});
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function failure(query: string, variables: Record<string, unknown>, cookie = admin) {
  const res = await t.gql(query, variables, { cookie });
  expect(res.data ?? null).toBeNull();
  return res.errors![0];
}

/** Sends an anonymous query until it is answered from the cache (entries land just after the answer). */
async function untilHit(query: string, variables: Record<string, unknown>) {
  for (let i = 0; i < 50; i++) {
    const res = await t.gql(query, variables);
    if (res.headers.get('x-essor-cache') === 'hit') return res;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never answered from the cache');
}

describe('archived sectors and networks', () => {
  const LISTS = `query ($all: Boolean, $s: String!, $n: String!) {
    sectors(includeArchived: $all) { slug status }
    networks(includeArchived: $all) { slug status }
    sector(slug: $s, includeArchived: $all) { slug status }
    network(slug: $n, includeArchived: $all) { slug status }
  }`;

  let sector: { id: string; slug: string };
  let network: { id: string; slug: string };
  beforeAll(async () => {
    sector = await createSector(t.ds);
    network = await createNetwork(t.ds);
    await t.ds.query(`UPDATE sector SET status = 'ARCHIVED' WHERE id = $1`, [sector.id]);
    await t.ds.query(`UPDATE network SET status = 'ARCHIVED' WHERE id = $1`, [network.id]);
  });

  const seen = (data: any) => ({
    sectors: data.sectors.some((s: any) => s.slug === sector.slug),
    networks: data.networks.some((n: any) => n.slug === network.slug),
    sector: data.sector?.status ?? null,
    network: data.network?.status ?? null,
  });
  const NONE = { sectors: false, networks: false, sector: null, network: null };

  it('never reach anonymous callers, even when they ask, nor from the response cache', async () => {
    const vars = { all: true, s: sector.slug, n: network.slug };
    expect(seen(await ok(LISTS, vars))).toEqual(NONE);
    // The anonymous answer is cached under these variables…
    const hit = await untilHit(LISTS, vars);
    expect(seen(hit.data)).toEqual(NONE);
    // …and never served to a logged-in viewer, who gets the archived ones.
    const res = await t.gql(LISTS, vars, { cookie: admin });
    expect(res.headers.get('x-essor-cache')).toBeNull();
    expect(seen(res.data)).toEqual({ sectors: true, networks: true, sector: 'ARCHIVED', network: 'ARCHIVED' });
    // node(id) hides them too
    const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const ids = [toGlobal('Sector', sector.id), toGlobal('Network', network.id)];
    expect((await ok(NODES, { ids })).nodes).toEqual([null, null]);
    expect((await ok(NODES, { ids }, steering)).nodes).toEqual(ids.map((id) => ({ id })));
  });

  it('are listed for ADMIN and STEERING when they ask, not otherwise, and never for other roles', async () => {
    const vars = { s: sector.slug, n: network.slug };
    for (const cookie of [admin, steering]) {
      expect(seen(await ok(LISTS, { ...vars, all: true }, cookie))).toEqual({
        sectors: true,
        networks: true,
        sector: 'ARCHIVED',
        network: 'ARCHIVED',
      });
      expect(seen(await ok(LISTS, { ...vars, all: false }, cookie))).toEqual(NONE);
      expect(seen(await ok(LISTS, { ...vars, all: null }, cookie))).toEqual(NONE);
    }
    expect(seen(await ok(LISTS, { ...vars, all: true }, partner))).toEqual(NONE);
    // The default (no argument) is the public view.
    const bare: any = await ok(`{ sectors { slug } networks { slug } }`, {}, admin);
    expect(bare.sectors.map((s: any) => s.slug)).not.toContain(sector.slug);
    expect(bare.networks.map((n: any) => n.slug)).not.toContain(network.slug);
  });

  it('a facilitator of an archived sector does not show it publicly', async () => {
    const p = await createPerson(t.ds, { isPublic: true });
    await t.ds.query('INSERT INTO sector_facilitator (sector_id, person_id) VALUES ($1, $2)', [sector.id, p.id]);
    const res: any = await ok(`query ($id: ID!) { node(id: $id) { ... on Person { facilitatedSectors { slug } } } }`, {
      id: toGlobal('Person', p.id),
    });
    expect(res.node.facilitatedSectors).toEqual([]);
  });
});

describe('restoring', () => {
  it('a sector: version-checked, audited once, back in the public list; restoring an active one changes nothing', async () => {
    const s = await createSector(t.ds);
    const id = toGlobal('Sector', s.id);
    await ok(`mutation ($id: ID!) { archiveSector(id: $id, version: 1) { status } }`, { id }, admin);
    const stale = await failure(`mutation ($id: ID!) { restoreSector(id: $id, version: 1) { status } }`, { id });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const restored = await ok(`mutation ($id: ID!) { restoreSector(id: $id, version: 2) { status version } }`, { id }, admin);
    expect(restored.restoreSector).toEqual({ status: 'ACTIVE', version: 3 });
    const again = await ok(`mutation ($id: ID!) { restoreSector(id: $id, version: 3) { status version } }`, { id }, admin);
    expect(again.restoreSector).toEqual({ status: 'ACTIVE', version: 3 });
    expect((await audits('Sector', s.id)).map((a) => [a.action, a.after])).toEqual([
      ['ARCHIVE', { status: 'ARCHIVED', version: 2 }],
      ['RESTORE', { status: 'ACTIVE', version: 3 }],
    ]);
    const pub = await ok(`query ($s: String!) { sector(slug: $s) { status } sectors { slug } }`, { s: s.slug });
    expect(pub.sector).toEqual({ status: 'ACTIVE' });
    expect(pub.sectors.map((x: any) => x.slug)).toContain(s.slug);
  });

  it('a network, with its memberships kept while archived', async () => {
    const n = await createNetwork(t.ds);
    const st = await createStructure(t.ds);
    await addToNetwork(t.ds, st.id, n.id);
    const id = toGlobal('Network', n.id);
    await ok(`mutation ($id: ID!) { archiveNetwork(id: $id, version: 1) { status } }`, { id }, admin);
    expect((await ok(`query ($s: String!) { network(slug: $s) { id } }`, { s: n.slug })).network).toBeNull();
    expect(
      (await failure(`mutation ($id: ID!) { restoreNetwork(id: $id, version: 1) { status } }`, { id })).extensions!.code,
    ).toBe('CONFLICT');
    const r = await ok(
      `mutation ($id: ID!) { restoreNetwork(id: $id, version: 2) { status version memberCount } }`,
      { id },
      admin,
    );
    expect(r.restoreNetwork).toEqual({ status: 'ACTIVE', version: 3, memberCount: 1 });
    expect((await audits('Network', n.id)).map((a) => a.action)).toEqual(['ARCHIVE', 'RESTORE']);
  });
});

describe('network membership', () => {
  const ADD = `mutation ($n: ID!, $s: ID!, $since: String) {
    addNetworkMember(networkId: $n, structureId: $s, since: $since) { changed member since network { memberCount } structure { id } }
  }`;
  const REMOVE = `mutation ($n: ID!, $s: ID!) { removeNetworkMember(networkId: $n, structureId: $s) { changed member since } }`;

  it('adding and removing are idempotent: the second call says nothing changed and writes nothing', async () => {
    const n = await createNetwork(t.ds);
    const s = await createStructure(t.ds);
    const vars = { n: toGlobal('Network', n.id), s: toGlobal('Structure', s.id) };
    const first = await ok(ADD, vars, admin);
    expect(first.addNetworkMember).toEqual({
      changed: true,
      member: true,
      since: null,
      network: { memberCount: 1 },
      structure: { id: vars.s },
    });
    const second = await ok(ADD, vars, admin);
    expect(second.addNetworkMember).toMatchObject({ changed: false, member: true, since: null });
    // A date given for a member updates it (audited), the same date again changes nothing.
    expect((await ok(ADD, { ...vars, since: '2020-01-15' }, admin)).addNetworkMember).toMatchObject({
      changed: true,
      since: '2020-01-15',
    });
    expect((await ok(ADD, { ...vars, since: '2020-01-15' }, admin)).addNetworkMember).toMatchObject({
      changed: false,
      since: '2020-01-15',
    });
    expect((await ok(REMOVE, vars, admin)).removeNetworkMember).toEqual({ changed: true, member: false, since: null });
    expect((await ok(REMOVE, vars, admin)).removeNetworkMember).toEqual({ changed: false, member: false, since: null });
    expect((await audits('Network', n.id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ['ADD_MEMBER', null, { structureId: s.id, since: null }],
      ['UPDATE_MEMBER', { since: null }, { since: '2020-01-15' }],
      ['REMOVE_MEMBER', { structureId: s.id, since: '2020-01-15' }, null],
    ]);
    // Membership changes are the network's, not the structure's: the structure's trail is untouched.
    expect(await audits('Structure', s.id)).toEqual([]);
  });

  it('concurrent adds of the same structure make one membership and one audit entry', async () => {
    const n = await createNetwork(t.ds);
    const s = await createStructure(t.ds);
    const vars = { n: toGlobal('Network', n.id), s: toGlobal('Structure', s.id) };
    const results = await Promise.all([1, 2, 3].map(() => ok(ADD, vars, admin)));
    expect(results.filter((r) => r.addNetworkMember.changed)).toHaveLength(1);
    expect(await t.ds.query('SELECT structure_id::text FROM network_membership WHERE network_id = $1', [n.id])).toEqual([
      { structure_id: s.id },
    ]);
    expect((await audits('Network', n.id)).map((a) => a.action)).toEqual(['ADD_MEMBER']);
  });

  it('unknown ids, ids of another type and bad dates are typed errors; nothing is written', async () => {
    const n = await createNetwork(t.ds);
    const s = await createStructure(t.ds);
    const N = toGlobal('Network', n.id);
    const S = toGlobal('Structure', s.id);
    for (const q of [ADD, REMOVE]) {
      expect((await failure(q, { n: toGlobal('Network', '999999999'), s: S })).extensions).toEqual({
        code: 'NOT_FOUND',
        field: 'networkId',
      });
      expect((await failure(q, { n: N, s: toGlobal('Structure', '999999999') })).extensions).toEqual({
        code: 'NOT_FOUND',
        field: 'structureId',
      });
      expect((await failure(q, { n: toGlobal('Sector', n.id), s: S })).extensions!.code).toBe('INVALID_ID');
    }
    for (const since of ['2020-02-30', '15/01/2020']) {
      const e = await failure(ADD, { n: N, s: S, since });
      expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'since' });
      expect(e.message).toBe('Date au format AAAA-MM-JJ.');
    }
    expect(await t.ds.query('SELECT 1 FROM network_membership WHERE network_id = $1', [n.id])).toEqual([]);
    expect(await audits('Network', n.id)).toEqual([]);
  });

  it('setStructureNetworks and setStructureSectors keep the links to archived networks and sectors', async () => {
    const s = await createStructure(t.ds);
    const [active, archived, dropped] = await Promise.all([createNetwork(t.ds), createNetwork(t.ds), createNetwork(t.ds)]);
    const [activeSector, archivedSector] = await Promise.all([createSector(t.ds), createSector(t.ds)]);
    for (const n of [active, archived, dropped]) await addToNetwork(t.ds, s.id, n.id);
    for (const x of [activeSector, archivedSector]) await addToSector(t.ds, s.id, x.id);
    await t.ds.query(`UPDATE network SET status = 'ARCHIVED' WHERE id = $1`, [archived.id]);
    await t.ds.query(`UPDATE sector SET status = 'ARCHIVED' WHERE id = $1`, [archivedSector.id]);
    const id = toGlobal('Structure', s.id);
    // What an editor sees: the active ones only.
    const seen = await ok(`query ($id: ID!) { structure(id: $id) { networks { slug } sectors { slug } } }`, { id }, admin);
    expect(seen.structure.networks.map((n: any) => n.slug).sort()).toEqual([active.slug, dropped.slug].sort());
    expect(seen.structure.sectors).toEqual([{ slug: activeSector.slug }]);
    // Written back without one of them: the archived memberships stay.
    await ok(
      `mutation ($id: ID!, $c: [String!]!) { setStructureNetworks(id: $id, codes: $c) { id } }`,
      { id, c: [active.slug] },
      admin,
    );
    await ok(`mutation ($id: ID!, $c: [String!]!) { setStructureSectors(id: $id, codes: $c) { id } }`, { id, c: [] }, admin);
    const links = await t.ds.query(
      `SELECT ARRAY(SELECT network_id::text FROM network_membership WHERE structure_id = $1 ORDER BY 1) AS networks,
              ARRAY(SELECT sector_id::text FROM structure_sector WHERE structure_id = $1) AS sectors`,
      [s.id],
    );
    expect(links[0].networks.sort()).toEqual([active.id, archived.id].sort());
    expect(links[0].sectors).toEqual([archivedSector.id]);
    const [entry] = (await audits('Structure', s.id)).filter((a) => a.action === 'SET_NETWORKS');
    expect(entry.after.networks).toEqual([active.slug, archived.slug].sort());
  });
});

describe('sector facilitators under the sector’s version', () => {
  const SET = `mutation ($id: ID!, $v: Int!, $p: [ID!]!) { setSectorFacilitators(id: $id, version: $v, personIds: $p) { version facilitators { id } } }`;

  it('a change bumps the version; the same list changes nothing; a stale version is a CONFLICT listing the facilitators', async () => {
    const s = await createSector(t.ds);
    const [a, b] = await Promise.all([createPerson(t.ds, { isPublic: true }), createPerson(t.ds, { isPublic: true })]);
    const id = toGlobal('Sector', s.id);
    const A = toGlobal('Person', a.id);
    const B = toGlobal('Person', b.id);
    expect((await ok(SET, { id, v: 1, p: [A, A] }, admin)).setSectorFacilitators).toEqual({
      version: 2,
      facilitators: [{ id: A }],
    });
    expect((await ok(SET, { id, v: 2, p: [A] }, admin)).setSectorFacilitators).toEqual({ version: 2, facilitators: [{ id: A }] });
    const conflict = await failure(SET, { id, v: 1, p: [A, B] });
    expect(conflict.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
      changes: [{ field: 'facilitators', current: [a.id], submitted: [a.id, b.id].sort((x, y) => Number(x) - Number(y)) }],
    });
    expect(conflict.message).toMatch(/modifié entre-temps/);
    // The text of the sector shares the version: an update in between makes the facilitators stale.
    await ok(
      `mutation ($id: ID!) { updateSector(id: $id, version: 2, input: { name: "Nouveau nom" }) { version } }`,
      { id },
      admin,
    );
    expect((await failure(SET, { id, v: 2, p: [B] })).extensions!.code).toBe('CONFLICT');
    expect((await ok(SET, { id, v: 3, p: [B] }, admin)).setSectorFacilitators).toEqual({ version: 4, facilitators: [{ id: B }] });
    const trail = await audits('Sector', s.id);
    expect(trail.map((x) => x.action)).toEqual(['SET_FACILITATORS', 'UPDATE', 'SET_FACILITATORS']);
    expect(trail[2]).toMatchObject({ before: { facilitators: [a.id], version: 3 }, after: { facilitators: [b.id], version: 4 } });
  });

  it('an unknown person is a typed error, nothing is written', async () => {
    const s = await createSector(t.ds);
    const e = await failure(SET, { id: toGlobal('Sector', s.id), v: 1, p: [toGlobal('Person', '999999999')] });
    expect(e.extensions).toEqual({ code: 'UNKNOWN_REFERENCE', field: 'personIds' });
    expect(await t.ds.query('SELECT version FROM sector WHERE id = $1', [s.id])).toEqual([{ version: 1 }]);
  });
});

describe('clearing descriptions', () => {
  it('null or blank clears the description of a sector, a network and a mentor offer', async () => {
    const s = await createSector(t.ds);
    const n = await createNetwork(t.ds);
    const p = await createPerson(t.ds, { isPublic: true });
    const offer = await ok(
      `mutation ($m: ID!) { createMentorOffer(input: { mentorId: $m, title: "Gouvernance", themes: [GOVERNANCE], description: "Texte", availability: "Le mardi" }) { id createdAt updatedAt } }`,
      { m: toGlobal('Person', p.id) },
      admin,
    );
    expect(Date.parse(offer.createMentorOffer.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(offer.createMentorOffer.updatedAt).toBe(offer.createMentorOffer.createdAt);
    const cases = [
      { update: 'updateSector', id: toGlobal('Sector', s.id), input: 'SectorPatch' },
      { update: 'updateNetwork', id: toGlobal('Network', n.id), input: 'NetworkPatch' },
      { update: 'updateMentorOffer', id: offer.createMentorOffer.id, input: 'MentorOfferPatch' },
    ];
    for (const c of cases) {
      const M = `mutation ($id: ID!, $v: Int!, $i: ${c.input}!) { ${c.update}(id: $id, version: $v, input: $i) { description version } }`;
      expect((await ok(M, { id: c.id, v: 1, i: { description: '  Un texte  ' } }, admin))[c.update]).toEqual({
        description: 'Un texte',
        version: 2,
      });
      expect((await ok(M, { id: c.id, v: 2, i: { description: '   ' } }, admin))[c.update]).toEqual({
        description: null,
        version: 3,
      });
      await ok(M, { id: c.id, v: 3, i: { description: 'Encore' } }, admin);
      expect((await ok(M, { id: c.id, v: 4, i: { description: null } }, admin))[c.update]).toEqual({
        description: null,
        version: 5,
      });
      // Absent: left as it is.
      expect((await ok(M, { id: c.id, v: 5, i: {} }, admin))[c.update]).toEqual({ description: null, version: 5 });
    }
    const cleared = await ok(
      `mutation ($id: ID!) { updateMentorOffer(id: $id, version: 5, input: { availability: "" }) { availability updatedAt } }`,
      { id: offer.createMentorOffer.id },
      admin,
    );
    expect(cleared.updateMentorOffer.availability).toBeNull();
    expect(Date.parse(cleared.updateMentorOffer.updatedAt)).toBeGreaterThanOrEqual(Date.parse(offer.createMentorOffer.updatedAt));
  });
});
