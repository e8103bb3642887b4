// Accompaniment of project carriers (« Accompagnement »): projects, their pipeline and stage history,
// referrals, mentorship and technical opinion, the admin list and its filters, and the plan indicators
// computed from them. The access matrix of the mutations is in mutation-access.spec, GDPR in gdpr.spec.
import { queryRow } from '../../src/common/sql/sql';
import { COMPUTED_INDICATORS } from '../../src/modules/plan/plan.service';
import {
  createAccount,
  createCarrierProject,
  createMentorOffer,
  createPerson,
  createSector,
  createStructure,
  toGlobal,
  uniqueToken,
} from '../helpers/factories';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let adminName: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
  adminName = `Compte ${a.email}`;
  for (const role of ['STEERING', 'PARTNER', 'FACILITATOR', 'STRUCTURE_EDITOR']) {
    const acc = await createAccount(t.ds, { roles: [role] });
    cookies[role] = await t.login(acc.email, acc.password);
  }
});
afterAll(() => t.close());

const PROJECT = `id version title description stage stageChangedOn communeCode archived anonymisedAt
  person { id displayName } commune { code } sector { slug }
  referrals { id status referredOn note author structure { id name } }
  stageHistory { fromStage toStage changedOn note author }
  mentorship { startsOn endsOn active mentorOffer { id } }
  technicalOpinion { verdict text givenOn author }`;

const as = (cookie: string) => ({ cookie });
const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;
const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const TODAY = daysFromToday(0);

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const res = await t.gql(query, variables, as(admin));
  expect(res.errors).toBeUndefined();
  return res.data as any;
}

async function create(input: Record<string, unknown>) {
  return (await ok(`mutation ($i: CreateCarrierProjectInput!) { createCarrierProject(input: $i) { ${PROJECT} } }`, { i: input }))
    .createCarrierProject;
}

const MOVE = `mutation ($id: ID!, $v: Int!, $i: StageChangeInput!) { moveCarrierProjectStage(id: $id, version: $v, input: $i) { ${PROJECT} } }`;
const LIST = `query ($text: String, $stage: [CarrierProjectStage!], $commune: [String!], $epci: [String!], $sector: [String!],
    $archived: Boolean = false, $page: Int! = 0, $pageSize: Int! = 20, $sort: CarrierProjectSort, $descending: Boolean) {
  carrierProjects(text: $text, stage: $stage, commune: $commune, epci: $epci, sector: $sector, archived: $archived,
      page: $page, pageSize: $pageSize, sort: $sort, descending: $descending) {
    totalCount items { id title stage }
  }
}`;

describe('who reads the carriers’ projects', () => {
  it('the mission and the steering committee; never anonymous visitors, partners, facilitators nor structure editors', async () => {
    const p = await createCarrierProject(t.ds, { title: `Secret ${uniqueToken()}` });
    const id = toGlobal('CarrierProject', p.id);
    const Q = `query ($id: ID!) { carrierProject(id: $id) { title } carrierProjects { totalCount } carrierProjectPipeline { count } }`;
    expect(codeOf(await t.gql(Q, { id }))).toBe('UNAUTHENTICATED');
    for (const role of ['PARTNER', 'FACILITATOR', 'STRUCTURE_EDITOR']) {
      const res = await t.gql(Q, { id }, as(cookies[role]));
      expect({ role, code: codeOf(res), data: res.data ?? null }).toEqual({ role, code: 'FORBIDDEN', data: null });
    }
    const read: any = await t.gql(Q, { id }, as(cookies.STEERING));
    expect(read.errors).toBeUndefined();
    expect(read.data.carrierProject.title).toBe(p.title);

    // Nor through the public entry points: node(id:) and Person.carrierProjects.
    const N = `query ($id: ID!, $p: ID!) { node(id: $id) { ... on CarrierProject { title } }
      person: node(id: $p) { ... on Person { carrierProjects { title } } } }`;
    const vars = { id, p: toGlobal('Person', p.personId) };
    for (const headers of [{}, as(cookies.PARTNER), as(cookies.FACILITATOR)]) {
      const res: any = await t.gql(N, vars, headers);
      expect(res.errors).toBeUndefined();
      expect(JSON.stringify(res.data)).not.toContain(p.title);
    }
    const steering: any = await t.gql(N, vars, as(cookies.STEERING));
    expect(steering.data.node.title).toBe(p.title);
    expect(steering.data.person.carrierProjects).toEqual([{ title: p.title }]);
  });
});

describe('editing a project', () => {
  it('creates, updates under optimistic locking (CONFLICT, nothing written) and audits with the texts redacted', async () => {
    const person = await createPerson(t.ds, { isPublic: false, firstName: 'Inès' });
    const sector = await createSector(t.ds);
    const created = await create({
      personId: toGlobal('Person', person.id),
      title: '  Épicerie solidaire de Louvroil  ',
      description: 'Porté par Inès.',
      communeCode: '59365',
      sectorSlug: sector.slug,
    });
    expect(created).toMatchObject({
      version: 1,
      title: 'Épicerie solidaire de Louvroil',
      stage: 'RECEIVED',
      stageChangedOn: TODAY,
      communeCode: '59365',
      commune: { code: '59365' },
      sector: { slug: sector.slug },
      person: { id: toGlobal('Person', person.id), displayName: `Inès ${person.lastName}` },
      referrals: [],
      stageHistory: [{ fromStage: null, toStage: 'RECEIVED', changedOn: TODAY, note: null, author: adminName }],
      mentorship: null,
      technicalOpinion: null,
      archived: false,
    });
    const rowId = Buffer.from(created.id, 'base64url').toString().split(':')[1];

    const UPDATE = `mutation ($id: ID!, $v: Int!, $i: CarrierProjectPatch!) { updateCarrierProject(id: $id, version: $v, input: $i) { version title description communeCode sector { slug } } }`;
    const updated = await ok(UPDATE, {
      id: created.id,
      v: 1,
      i: { title: 'Épicerie solidaire', description: '', sectorSlug: null },
    });
    expect(updated.updateCarrierProject).toEqual({
      version: 2,
      title: 'Épicerie solidaire',
      description: null,
      communeCode: '59365',
      sector: null,
    });

    const stale = await t.gql(UPDATE, { id: created.id, v: 1, i: { title: 'Autre titre' } }, as(admin));
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({
      currentVersion: 2,
      lastChangedBy: expect.any(String),
      changes: [{ field: 'title', current: 'Épicerie solidaire', submitted: 'Autre titre' }],
    });
    const [row] = await t.ds.query('SELECT title, version FROM carrier_project WHERE id = $1', [rowId]);
    expect(row).toEqual({ title: 'Épicerie solidaire', version: 2 });

    // Typed refusals: unknown commune, unknown sector, too short a title, a person that does not exist.
    expect(codeOf(await t.gql(UPDATE, { id: created.id, v: 2, i: { communeCode: '99999' } }, as(admin)))).toBe(
      'UNKNOWN_TERRITORY_CODE',
    );
    expect(codeOf(await t.gql(UPDATE, { id: created.id, v: 2, i: { sectorSlug: 'inconnu' } }, as(admin)))).toBe(
      'UNKNOWN_REFERENCE',
    );
    expect(codeOf(await t.gql(UPDATE, { id: created.id, v: 2, i: { title: 'x' } }, as(admin)))).toBe('BAD_USER_INPUT');
    const orphan = await t.gql(
      `mutation ($i: CreateCarrierProjectInput!) { createCarrierProject(input: $i) { id } }`,
      { i: { personId: toGlobal('Person', '999999999'), title: 'Sans porteur' } },
      as(admin),
    );
    expect(orphan.errors![0].extensions).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'personId' });

    const trail: Array<{ action: string; before: unknown; after: unknown }> = await t.ds.query(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'CarrierProject' AND entity_id = $1 ORDER BY id`,
      [rowId],
    );
    expect(trail.map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(JSON.stringify(trail)).not.toMatch(/Épicerie|Inès/);
  });

  it('moves through the pipeline, each stage in the history with its day, note and author', async () => {
    const p = await create({
      personId: toGlobal('Person', (await createPerson(t.ds, { isPublic: false })).id),
      title: 'Atelier vélo',
      stageChangedOn: daysFromToday(-30),
    });
    const moved = (
      await ok(MOVE, { id: p.id, v: 1, i: { stage: 'DIAGNOSIS', changedOn: daysFromToday(-10), note: 'Premier rendez-vous.' } })
    ).moveCarrierProjectStage;
    expect(moved).toMatchObject({ version: 2, stage: 'DIAGNOSIS', stageChangedOn: daysFromToday(-10) });
    const again = (await ok(MOVE, { id: p.id, v: 2, i: { stage: 'REFERRED' } })).moveCarrierProjectStage;
    expect(again.stageHistory).toEqual([
      { fromStage: null, toStage: 'RECEIVED', changedOn: daysFromToday(-30), note: null, author: adminName },
      {
        fromStage: 'RECEIVED',
        toStage: 'DIAGNOSIS',
        changedOn: daysFromToday(-10),
        note: 'Premier rendez-vous.',
        author: adminName,
      },
      { fromStage: 'DIAGNOSIS', toStage: 'REFERRED', changedOn: TODAY, note: null, author: adminName },
    ]);

    const refused = async (i: Record<string, unknown>, v = 3) => (await t.gql(MOVE, { id: p.id, v, i }, as(admin))).errors![0];
    expect((await refused({ stage: 'REFERRED' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stage' });
    expect((await refused({ stage: 'SUPPORTED', changedOn: daysFromToday(5) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'changedOn',
    });
    expect((await refused({ stage: 'SUPPORTED', changedOn: daysFromToday(-20) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'changedOn',
    });
    expect((await refused({ stage: 'SUPPORTED', changedOn: '2026-02-30' })).extensions).toMatchObject({ field: 'changedOn' });
    expect((await refused({ stage: 'SUPPORTED' }, 2)).extensions!.code).toBe('CONFLICT');
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM carrier_project_stage_change WHERE project_id = $1', [
      Buffer.from(p.id, 'base64url').toString().split(':')[1],
    ]);
    expect(n).toBe(3);
  });

  it('referrals, mentorship and technical opinion, each under the project’s version', async () => {
    const p = await create({
      personId: toGlobal('Person', (await createPerson(t.ds, { isPublic: false })).id),
      title: 'Recyclerie',
    });
    const s = await createStructure(t.ds);
    const ADD = `mutation ($id: ID!, $v: Int!, $i: ReferralInput!) { addCarrierProjectReferral(id: $id, version: $v, input: $i) { ${PROJECT} } }`;
    const added = (
      await ok(ADD, { id: p.id, v: 1, i: { structureId: toGlobal('Structure', s.id), note: 'Comité d’orientation' } })
    ).addCarrierProjectReferral;
    expect(added.version).toBe(2);
    expect(added.referrals).toEqual([
      {
        id: expect.any(String),
        status: 'PROPOSED',
        referredOn: TODAY,
        note: 'Comité d’orientation',
        author: adminName,
        structure: { id: toGlobal('Structure', s.id), name: s.name },
      },
    ]);
    const referralId = added.referrals[0].id;
    expect(codeOf(await t.gql(ADD, { id: p.id, v: 1, i: { structureId: toGlobal('Structure', s.id) } }, as(admin)))).toBe(
      'CONFLICT',
    );
    const unknown = await t.gql(ADD, { id: p.id, v: 2, i: { structureId: toGlobal('Structure', '999999999') } }, as(admin));
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'structureId' });

    const UPD = `mutation ($id: ID!, $v: Int!, $r: ID!, $i: ReferralPatch!) { updateCarrierProjectReferral(id: $id, version: $v, referralId: $r, input: $i) { version referrals { status note } } }`;
    // Absent fields stay as they are; a null note is cleared.
    expect(
      (await ok(UPD, { id: p.id, v: 2, r: referralId, i: { status: 'ACCEPTED', note: null } })).updateCarrierProjectReferral,
    ).toEqual({
      version: 3,
      referrals: [{ status: 'ACCEPTED', note: null }],
    });
    // The same values again: nothing changes, not even the version.
    expect(
      (await ok(UPD, { id: p.id, v: 3, r: referralId, i: { status: 'ACCEPTED' } })).updateCarrierProjectReferral.version,
    ).toBe(3);
    const other = await createCarrierProject(t.ds);
    const [{ id: otherReferral }] = await t.ds.query(
      `INSERT INTO carrier_project_referral (project_id, structure_id, referred_on) VALUES ($1, $2, current_date) RETURNING id::text`,
      [other.id, s.id],
    );
    expect(
      (await t.gql(UPD, { id: p.id, v: 3, r: otherReferral, i: { status: 'DONE' } }, as(admin))).errors![0].extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'referralId',
    });

    const offer = await createMentorOffer(t.ds);
    const SET = `mutation ($id: ID!, $v: Int!, $m: MentorshipInput) { setCarrierProjectMentorship(id: $id, version: $v, mentorship: $m) { version mentorship { startsOn endsOn active mentorOffer { id } } } }`;
    const backwards = await t.gql(
      SET,
      { id: p.id, v: 3, m: { mentorOfferId: toGlobal('MentorOffer', offer.id), startsOn: TODAY, endsOn: daysFromToday(-1) } },
      as(admin),
    );
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect(
      (await ok(SET, { id: p.id, v: 3, m: { mentorOfferId: toGlobal('MentorOffer', offer.id), startsOn: daysFromToday(-3) } }))
        .setCarrierProjectMentorship,
    ).toEqual({
      version: 4,
      mentorship: {
        startsOn: daysFromToday(-3),
        endsOn: null,
        active: true,
        mentorOffer: { id: toGlobal('MentorOffer', offer.id) },
      },
    });

    const OPINION = `mutation ($id: ID!, $v: Int!, $i: TechnicalOpinionInput!) { recordCarrierProjectOpinion(id: $id, version: $v, input: $i) { version technicalOpinion { verdict text givenOn author } } }`;
    expect(
      (await ok(OPINION, { id: p.id, v: 4, i: { verdict: 'RESERVED', text: 'Modèle économique à consolider.' } }))
        .recordCarrierProjectOpinion,
    ).toEqual({
      version: 5,
      technicalOpinion: { verdict: 'RESERVED', text: 'Modèle économique à consolider.', givenOn: TODAY, author: adminName },
    });
    expect((await ok(SET, { id: p.id, v: 5, m: null })).setCarrierProjectMentorship).toEqual({ version: 6, mentorship: null });

    const rowId = Buffer.from(p.id, 'base64url').toString().split(':')[1];
    const trail: Array<{ action: string }> = await t.ds.query(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'CarrierProject' AND entity_id = $1 ORDER BY id`,
      [rowId],
    );
    expect(trail.map((e) => e.action)).toEqual([
      'CREATE',
      'ADD_REFERRAL',
      'UPDATE_REFERRAL',
      'SET_MENTORSHIP',
      'RECORD_OPINION',
      'SET_MENTORSHIP',
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/Comité d’orientation|consolider|Recyclerie/);
  });

  it('archived projects leave the list unless asked for, and come back when restored', async () => {
    const token = uniqueToken('arch');
    const p = await createCarrierProject(t.ds, { title: `Projet ${token}` });
    const id = toGlobal('CarrierProject', p.id);
    const list = async (archived: boolean | null) =>
      (await ok(LIST, { text: token, archived })).carrierProjects.items.map((i: any) => i.id);
    expect(await list(false)).toEqual([id]);
    await ok(`mutation ($id: ID!) { archiveCarrierProject(id: $id, version: 1) { archived } }`, { id });
    expect(await list(false)).toEqual([]);
    expect(await list(true)).toEqual([id]);
    expect(await list(null)).toEqual([id]);
    await ok(`mutation ($id: ID!) { restoreCarrierProject(id: $id, version: 2) { archived } }`, { id });
    expect(await list(false)).toEqual([id]);
  });
});

describe('the list', () => {
  const token = uniqueToken('liste');
  const carrierToken = uniqueToken('porteur');
  let maubeugeEpci: string;
  let sector: { id: string; slug: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sector = await createSector(t.ds);
    [{ epci: maubeugeEpci }] = await t.ds.query(`SELECT epci_siren AS epci FROM commune WHERE code = '59392'`);
    const [{ code: elsewhere }] = await t.ds.query(
      `SELECT code FROM commune WHERE epci_siren IS DISTINCT FROM $1 AND departement_code = '59' ORDER BY code LIMIT 1`,
      [maubeugeEpci],
    );
    const carrier = await createPerson(t.ds, { isPublic: false, lastName: carrierToken });
    const make = async (key: string, o: Parameters<typeof createCarrierProject>[1]) => {
      ids[key] = toGlobal('CarrierProject', (await createCarrierProject(t.ds, { title: `${key} ${token}`, ...o })).id);
    };
    await make('a', { stage: 'RECEIVED' });
    await make('b', { stage: 'DIAGNOSIS', sectorId: sector.id });
    await make('c', { stage: 'DIAGNOSIS', communeCode: elsewhere });
    await make('d', { stage: 'SUPPORTED', sectorId: sector.id, communeCode: elsewhere });
    await make('e', { stage: 'LAUNCHED' });
    await make('f', { stage: 'ABANDONED', archived: true });
    // Found by the carrier's name, not by the title.
    ids.g = toGlobal('CarrierProject', (await createCarrierProject(t.ds, { personId: carrier.id, stage: 'REFERRED' })).id);
  });

  const titles = async (vars: Record<string, unknown>) => {
    const res = await ok(LIST, { sort: 'TITLE', descending: false, ...vars });
    return res.carrierProjects.items.map((i: any) => i.title.split(' ')[0]);
  };

  it('filters by text (title or carrier), stage, commune, EPCI and sector', async () => {
    expect(await titles({ text: token })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await ok(LIST, { text: carrierToken.toUpperCase() })).carrierProjects.items.map((i: any) => i.id)).toEqual([ids.g]);
    expect(await titles({ text: token, stage: ['DIAGNOSIS', 'SUPPORTED'] })).toEqual(['b', 'c', 'd']);
    expect(await titles({ text: token, commune: ['59392'] })).toEqual(['a', 'b', 'e']);
    expect(await titles({ text: token, epci: [maubeugeEpci] })).toEqual(['a', 'b', 'e']);
    expect(await titles({ text: token, sector: [sector.slug] })).toEqual(['b', 'd']);
    expect(await titles({ text: token, archived: true })).toEqual(['f']);
    expect(codeOf(await t.gql(LIST, { commune: ['00000'] }, as(admin)))).toBe('UNKNOWN_TERRITORY_CODE');
    expect(codeOf(await t.gql(LIST, { epci: ['123'] }, as(admin)))).toBe('UNKNOWN_TERRITORY_CODE');
    expect(codeOf(await t.gql(LIST, { sector: ['inconnu'] }, as(admin)))).toBe('UNKNOWN_REFERENCE');
  });

  it('pages by offset, 100 rows at most, with the total', async () => {
    const page = async (p: number) =>
      (await ok(LIST, { text: token, sort: 'TITLE', descending: false, page: p, pageSize: 2 })).carrierProjects;
    expect(await page(0)).toMatchObject({ totalCount: 5, items: [{ title: `a ${token}` }, { title: `b ${token}` }] });
    expect(await page(2)).toMatchObject({ totalCount: 5, items: [{ title: `e ${token}` }] });
    expect(await page(3)).toEqual({ totalCount: 5, items: [] });
    for (const vars of [{ pageSize: 101 }, { pageSize: 0 }, { page: -1 }]) {
      expect(codeOf(await t.gql(LIST, vars, as(admin)))).toBe('PAGE_SIZE_OUT_OF_RANGE');
    }
    expect((await ok(LIST, { pageSize: 100 })).carrierProjects.items.length).toBeLessThanOrEqual(100);
  });

  it('counts the projects at each stage under the same filters (the pipeline bar)', async () => {
    const P = `query ($text: String, $sector: [String!]) { carrierProjectPipeline(text: $text, sector: $sector) { stage count } }`;
    expect((await ok(P, { text: token })).carrierProjectPipeline).toEqual([
      { stage: 'RECEIVED', count: 1 },
      { stage: 'DIAGNOSIS', count: 2 },
      { stage: 'REFERRED', count: 0 },
      { stage: 'SUPPORTED', count: 1 },
      { stage: 'LAUNCHED', count: 1 },
      { stage: 'ABANDONED', count: 0 },
    ]);
    expect((await ok(P, { text: token, sector: [sector.slug] })).carrierProjectPipeline.map((s: any) => s.count)).toEqual([
      0, 1, 0, 1, 0, 0,
    ]);
  });

  it('nested lists cost one statement per level, whatever the number of projects', async () => {
    // Referrals, mentorships and opinions for every project of the fixture.
    const s = await createStructure(t.ds);
    const offer = await createMentorOffer(t.ds);
    for (const id of Object.values(ids)) {
      const rowId = Buffer.from(id, 'base64url').toString().split(':')[1];
      await t.ds.query(
        `INSERT INTO carrier_project_referral (project_id, structure_id, referred_on, account_id)
         SELECT $1, $2, current_date, min(id) FROM account`,
        [rowId, s.id],
      );
      await t.ds.query(
        `UPDATE carrier_project SET mentor_offer_id = $2, mentorship_starts_on = current_date, opinion = 'FAVORABLE',
           opinion_on = current_date, opinion_by = (SELECT min(id) FROM account) WHERE id = $1`,
        [rowId, offer.id],
      );
    }
    const DEEP = `query ($text: String, $pageSize: Int!) { carrierProjects(text: $text, pageSize: $pageSize, archived: null) {
      totalCount items { ${PROJECT} commune { code name epci { name } } person { displayName email } } } }`;
    const count = async (pageSize: number) => {
      const res = await t.gql(DEEP, { text: token, pageSize }, as(admin));
      expect(res.errors).toBeUndefined();
      expect((res.data as any).carrierProjects.items).toHaveLength(Math.min(pageSize, 6));
      return res.extensions!.sqlStatements!;
    };
    const few = await count(1);
    const many = await count(20);
    expect(many).toBe(few);
    // At most: the session, the list (with its total), then one per loader (persons, communes with their
    // EPCIs, sectors, referrals, stage history, mentor offers, structures, accounts), or fewer when the
    // loaders of a level share a statement.
    expect(many).toBeLessThanOrEqual(10);
  });
});

describe('plan indicators computed from the projects', () => {
  it('CARRIERS_SUPPORTED and MENTORSHIPS_ACTIVE, on a hand-made fixture (inside one snapshot)', async () => {
    const qr = t.ds.createQueryRunner();
    await qr.connect();
    try {
      // REPEATABLE READ: the other test files' projects, committed meanwhile, do not move the counts.
      // (Our writes' notes for the response cache are keyed by our own transaction: no serialization error.)
      await qr.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const values = async () => (await queryRow(qr, COMPUTED_INDICATORS))!;
      const before = await values();
      const offer = await createMentorOffer(qr as never);
      const s = await createStructure(qr as never);
      const referral = async (projectId: string, status: string) =>
        qr.query(
          `INSERT INTO carrier_project_referral (project_id, structure_id, referred_on, status) VALUES ($1, $2, current_date, $3)`,
          [projectId, s.id, status],
        );
      const mentored = (startsIn: number, endsIn: number | null = null) => ({
        mentorOfferId: offer.id,
        mentorshipStartsOn: daysFromToday(startsIn),
        mentorshipEndsOn: endsIn === null ? null : daysFromToday(endsIn),
      });
      const project = (o: Parameters<typeof createCarrierProject>[1]) => createCarrierProject(qr as never, o);

      await project({ stage: 'SUPPORTED' }); // counted
      await referral((await project({ stage: 'RECEIVED' })).id, 'ACCEPTED'); // counted: accepted by a structure
      await referral((await project({ stage: 'REFERRED' })).id, 'PROPOSED'); // not: only proposed
      await referral((await project({ stage: 'REFERRED' })).id, 'DECLINED'); // not: declined
      const abandoned = await project({ stage: 'ABANDONED' }); // counted: it was accompanied before
      await qr.query(
        `INSERT INTO carrier_project_stage_change (project_id, from_stage, to_stage, changed_on) VALUES ($1, 'REFERRED', 'SUPPORTED', current_date)`,
        [abandoned.id],
      );
      await project({ stage: 'DIAGNOSIS', ...mentored(-1) }); // counted; mentorship active
      await project({ stage: 'LAUNCHED', archived: true, ...mentored(-1) }); // neither: archived
      const twice = await project({ stage: 'SUPPORTED', ...mentored(-60, -1) }); // counted once; mentorship ended
      await referral(twice.id, 'DONE');
      await project({ stage: 'REFERRED', ...mentored(7) }); // counted (a mentor is found); mentorship not started
      await project({ stage: 'ABANDONED', ...mentored(-10) }); // counted (had a mentor); not active: abandoned
      const erased = await createPerson(qr as never, { isPublic: false });
      await qr.query('UPDATE person SET anonymised_at = now() WHERE id = $1', [erased.id]);
      await project({ personId: erased.id, stage: 'SUPPORTED', ...mentored(-1) }); // neither: the carrier was anonymised

      const after = await values();
      expect(after.CARRIERS_SUPPORTED - before.CARRIERS_SUPPORTED).toBe(7);
      expect(after.MENTORSHIPS_ACTIVE - before.MENTORSHIPS_ACTIVE).toBe(1);
    } finally {
      await qr.query('ROLLBACK');
      await qr.release();
    }
  });

  it('the plan serves them as computed indicators of actions 4 and 5', async () => {
    const res: any = await ok(`{ planActions { number indicators { code computedKey current } } }`);
    const of = (n: number) => res.planActions.find((a: any) => a.number === n).indicators;
    const carriers = of(4).find((i: any) => i.code === 'porteurs-accompagnes');
    expect(carriers.computedKey).toBe('CARRIERS_SUPPORTED');
    expect(carriers.current).toBeGreaterThanOrEqual(1);
    const mentorships = of(5).find((i: any) => i.code === 'tutorats-en-cours');
    expect(mentorships.computedKey).toBe('MENTORSHIPS_ACTIVE');
    expect(mentorships.current).toBeGreaterThanOrEqual(1);
    expect(of(5).map((i: any) => i.code)).toEqual(['offres-tutorat', 'tutorats-en-cours']);
  });
});
