import { createAccount, createPerson, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let steering: string;
let partner: string;
beforeAll(async () => {
  t = await startTestServer();
  const login = async (role: string) => {
    const a = await createAccount(t.ds, { roles: [role] });
    return t.login(a.email, a.password);
  };
  [admin, steering, partner] = await Promise.all([login('ADMIN'), login('STEERING'), login('PARTNER')]);
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

const UPDATE = `mutation ($id: ID!, $v: Int!, $i: PersonPatch!) { updatePerson(id: $id, version: $v, input: $i) { version jobTitle firstName } }`;
const CREATE = `mutation ($i: PersonPatch!) { createPerson(input: $i) { id version } }`;
const row = async (id: string) =>
  (
    await t.ds.query(
      `SELECT first_name, last_name, email, job_title, is_public, status, version, last_contact_at FROM person WHERE id = $1`,
      [id],
    )
  )[0];
const auditCount = async (id: string) =>
  (await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1`, [id]))[0].n;

describe('editing persons: validation', () => {
  it('every message of the person inputs is French, next to its field', async () => {
    const p = await createPerson(t.ds, { isPublic: false });
    const long = (n: number) => 'x'.repeat(n + 1);
    const res = await t.gql(
      UPDATE,
      {
        id: toGlobal('Person', p.id),
        v: 1,
        i: {
          firstName: long(100),
          lastName: long(100),
          email: `${long(200)}@exemple.org`,
          phone: 'abc',
          jobTitle: long(200),
          bio: long(5000),
          lastContactAt: '05/03/2025',
        },
      },
      { cookie: admin },
    );
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const byField = Object.fromEntries(
      (res.errors![0].extensions!.fields as Array<{ field: string; messages: string[] }>).map((f) => [f.field, f.messages]),
    );
    expect(byField).toEqual({
      firstName: ['Le prénom comporte au plus 100 caractères.'],
      lastName: ['Le nom comporte au plus 100 caractères.'],
      email: ["L'adresse e-mail comporte au plus 200 caractères."],
      phone: ["Le numéro de téléphone n'est pas valide."],
      jobTitle: ['La fonction comporte au plus 200 caractères.'],
      bio: ['La présentation comporte au plus 5 000 caractères.'],
      lastContactAt: ['La date du dernier contact a la forme AAAA-MM-JJ.'],
    });
    expect((await row(p.id)).version).toBe(1);

    // Service checks: a structure id that is not one, a date that does not exist or is in the future.
    for (const [i, field, message] of [
      [{ structureId: toGlobal('Person', p.id) }, 'structureId', 'Cet identifiant ne désigne pas une structure.'],
      [{ lastContactAt: '2025-02-30' }, 'lastContactAt', 'Cette date n’existe pas (forme AAAA-MM-JJ).'],
      [{ lastContactAt: '2999-01-01' }, 'lastContactAt', 'La date du dernier contact ne peut pas être dans le futur.'],
    ] as const) {
      const r = await t.gql(UPDATE, { id: toGlobal('Person', p.id), v: 1, i }, { cookie: admin });
      expect(r.errors![0]).toMatchObject({ message, extensions: { field } });
    }
    expect(await auditCount(p.id)).toBe(0);
  });

  it('a person needs a name, a first name or a job title; an edit may not take the last one away', async () => {
    const email = `${uniqueToken('anonyme')}@exemple.org`;
    const nameless = await t.gql(CREATE, { i: { email, firstName: '  ', jobTitle: '' } }, { cookie: admin });
    expect(nameless.errors![0]).toMatchObject({
      message: 'Indiquez au moins un nom, un prénom ou une fonction.',
      extensions: { code: 'BAD_USER_INPUT', field: 'lastName' },
    });
    expect(await t.ds.query('SELECT id FROM person WHERE email = $1', [email])).toEqual([]);

    // Only a first name: creating works, emptying it (even with an empty name beside) does not.
    const c = await t.gql<any>(CREATE, { i: { firstName: 'Inès' } }, { cookie: admin });
    expect(c.errors).toBeUndefined();
    const id = c.data!.createPerson.id;
    const rowId = Buffer.from(id, 'base64url').toString().split(':')[1];
    const emptied = await t.gql(UPDATE, { id, v: 1, i: { firstName: '', lastName: null } }, { cookie: admin });
    expect(emptied.errors![0]).toMatchObject({
      message: 'Indiquez au moins un nom, un prénom ou une fonction.',
      extensions: { code: 'BAD_USER_INPUT', field: 'firstName' },
    });
    expect(await row(rowId)).toMatchObject({ first_name: 'Inès', version: 1 });
    // Replacing it by a job title in the same edit is fine.
    const replaced = await t.gql<any>(UPDATE, { id, v: 1, i: { firstName: null, jobTitle: 'Tutrice' } }, { cookie: admin });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.updatePerson).toMatchObject({ version: 2, jobTitle: 'Tutrice', firstName: null });

    // An older record without any of them may still be edited (the rule does not block other corrections).
    const [{ id: older }] = await t.ds.query(`INSERT INTO person (phone) VALUES ('03 27 00 00 09') RETURNING id::text`);
    const fixed = await t.gql(UPDATE, { id: toGlobal('Person', older), v: 1, i: { phone: '03 27 00 00 10' } }, { cookie: admin });
    expect(fixed.errors).toBeUndefined();
  });
});

describe('editing persons: date of last contact (start of the retention period)', () => {
  it('is set on creation and by an explicit contact, never by a correction; conflicts do not list it', async () => {
    const c = await t.gql<any>(CREATE, { i: { lastName: uniqueToken('Nom'), jobTitle: 'Bénévole' } }, { cookie: admin });
    expect(c.errors).toBeUndefined();
    const id = c.data!.createPerson.id;
    const rowId = Buffer.from(id, 'base64url').toString().split(':')[1];
    const created = await row(rowId);
    expect(Math.abs(created.last_contact_at.getTime() - Date.now())).toBeLessThan(60_000);

    await t.ds.query(`UPDATE person SET last_contact_at = '2024-01-15T10:00:00Z' WHERE id = $1`, [rowId]);
    const corrected = await t.gql(
      UPDATE,
      { id, v: 1, i: { jobTitle: 'Coordinatrice bénévole', phone: '03 27 11 11 11', isPublic: false } },
      { cookie: admin },
    );
    expect(corrected.errors).toBeUndefined();
    expect(await row(rowId)).toMatchObject({ version: 2, last_contact_at: new Date('2024-01-15T10:00:00Z') });

    // A stale save: the conflict lists what differs, not the date of last contact.
    const stale = await t.gql(UPDATE, { id, v: 1, i: { jobTitle: 'Trésorière' } }, { cookie: admin });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.errors![0].extensions!.changes.map((ch: any) => ch.field)).toEqual(['jobTitle']);

    // A contact, recorded: the retention period starts again from it.
    const contacted = await t.gql(UPDATE, { id, v: 2, i: { lastContactAt: '2025-06-30' } }, { cookie: admin });
    expect(contacted.errors).toBeUndefined();
    expect(await row(rowId)).toMatchObject({ version: 3, last_contact_at: new Date('2025-06-30T00:00:00Z') });
    const read = await t.gql<any>(`query ($id: ID!) { person(id: $id) { lastContactAt } }`, { id }, { cookie: steering });
    expect(read.data!.person.lastContactAt).toBe('2025-06-30T00:00:00.000Z');
  });
});

describe('editing persons: status, archive and restore', () => {
  const READ = `query ($id: ID!) { person(id: $id) { status lastContactAt displayName } }`;

  it('the mission and the steering committee read the status; anonymous users and partners never', async () => {
    const p = await createPerson(t.ds, { isPublic: true });
    await t.ds.query(`UPDATE person SET last_contact_at = now() WHERE id = $1`, [p.id]);
    const id = toGlobal('Person', p.id);
    for (const cookie of [admin, steering]) {
      const r = await t.gql<any>(READ, { id }, { cookie });
      expect(r.data!.person.status).toBe('ACTIVE');
      expect(r.data!.person.lastContactAt).not.toBeNull();
    }
    for (const headers of [{}, { cookie: partner }] as Array<Record<string, string>>) {
      const r = await t.gql<any>(READ, { id }, headers);
      expect(r.errors).toBeUndefined();
      expect(r.data!.person).toMatchObject({ status: null, lastContactAt: null });
    }

    // Archived: out of the public views, even for a public person; the mission still sees it, as archived.
    await t.ds.query(`UPDATE person SET status = 'ARCHIVED' WHERE id = $1`, [p.id]);
    for (const headers of [{}, { cookie: partner }] as Array<Record<string, string>>) {
      const r = await t.gql<any>(
        `query ($id: ID!) { person(id: $id) { id } node(id: $id) { id } persons(first: 100) { nodes { id } } }`,
        { id },
        headers,
      );
      expect(r.data!.person).toBeNull();
      expect(r.data!.node).toBeNull();
      expect(r.data!.persons.nodes.map((n: any) => n.id)).not.toContain(id);
    }
    expect((await t.gql<any>(READ, { id }, { cookie: steering })).data!.person.status).toBe('ARCHIVED');
  });

  it('an archived person’s personal fields leave every public path, even if they chose to be public', async () => {
    const s = await createStructure(t.ds);
    const p = await createPerson(t.ds, { isPublic: true, structureId: s.id, firstName: 'Archivée' });
    await t.ds.query(`UPDATE person SET status = 'ARCHIVED' WHERE id = $1`, [p.id]);
    const Q = `query ($id: ID!) { structure(id: $id) { contacts { firstName lastName email displayName } } }`;
    for (const headers of [{}, { cookie: partner }] as Array<Record<string, string>>) {
      const r = await t.gql<any>(Q, { id: toGlobal('Structure', s.id) }, headers);
      expect(r.errors).toBeUndefined();
      expect(JSON.stringify(r.data)).not.toContain(p.lastName);
      expect(JSON.stringify(r.data)).not.toContain('Archivée');
      // Not even a nameless entry: an archived person is no longer a contact for them.
      expect(r.data!.structure.contacts).toEqual([]);
    }
    const mission = await t.gql<any>(Q, { id: toGlobal('Structure', s.id) }, { cookie: admin });
    expect(mission.data!.structure.contacts).toEqual([expect.objectContaining({ firstName: 'Archivée', lastName: p.lastName })]);
  });

  it('adminPersons filters by status and sorts', async () => {
    const tag = uniqueToken('Tri');
    const ids: string[] = [];
    for (const [first, status, contact] of [
      ['Alix', 'ACTIVE', '2025-01-01'],
      ['Bao', 'ARCHIVED', '2024-01-01'],
      ['Chloé', 'ACTIVE', null],
    ] as const) {
      const p = await createPerson(t.ds, { isPublic: false, firstName: first, lastName: tag });
      await t.ds.query(`UPDATE person SET status = $2, last_contact_at = $3 WHERE id = $1`, [p.id, status, contact]);
      ids.push(toGlobal('Person', p.id));
    }
    const list = async (args: string) => {
      const r = await t.gql<any>(
        `query ($q: String) { adminPersons(text: $q, ${args}) { totalCount items { id firstName status } } }`,
        { q: tag },
        { cookie: steering },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.adminPersons;
    };
    expect((await list('pageSize: 10')).items.map((p: any) => p.firstName)).toEqual(['Alix', 'Bao', 'Chloé']);
    expect((await list('descending: true')).items.map((p: any) => p.firstName)).toEqual(['Chloé', 'Bao', 'Alix']);
    const archived = await list('status: [ARCHIVED]');
    expect(archived).toEqual({ totalCount: 1, items: [{ id: ids[1], firstName: 'Bao', status: 'ARCHIVED' }] });
    expect((await list('status: [ACTIVE], sort: LAST_CONTACT_AT')).items.map((p: any) => p.firstName)).toEqual(['Alix', 'Chloé']);
    expect((await list('sort: LAST_CONTACT_AT, descending: true')).items.map((p: any) => p.firstName)).toEqual([
      'Alix',
      'Bao',
      'Chloé',
    ]);
  });

  it('restorePerson brings an archived person back under its version; restoring an active one changes nothing', async () => {
    const p = await createPerson(t.ds, { isPublic: true });
    const id = toGlobal('Person', p.id);
    const ARCHIVE = `mutation ($id: ID!, $v: Int!) { archivePerson(id: $id, version: $v) { status version } }`;
    const RESTORE = `mutation ($id: ID!, $v: Int!) { restorePerson(id: $id, version: $v) { status version } }`;
    expect((await t.gql<any>(ARCHIVE, { id, v: 1 }, { cookie: admin })).data!.archivePerson).toEqual({
      status: 'ARCHIVED',
      version: 2,
    });
    expect((await t.gql<any>(`query ($id: ID!) { person(id: $id) { id } }`, { id })).data!.person).toBeNull();

    const stale = await t.gql(RESTORE, { id, v: 1 }, { cookie: admin });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await row(p.id)).toMatchObject({ status: 'ARCHIVED', version: 2 });

    expect((await t.gql<any>(RESTORE, { id, v: 2 }, { cookie: admin })).data!.restorePerson).toEqual({
      status: 'ACTIVE',
      version: 3,
    });
    expect((await t.gql<any>(`query ($id: ID!) { person(id: $id) { id } }`, { id })).data!.person).toEqual({ id });
    const before = await auditCount(p.id);
    expect((await t.gql<any>(RESTORE, { id, v: 3 }, { cookie: admin })).data!.restorePerson).toEqual({
      status: 'ACTIVE',
      version: 3,
    });
    expect(await auditCount(p.id)).toBe(before);
    const trail = await t.ds.query(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1 ORDER BY id`,
      [p.id],
    );
    expect(trail).toEqual([
      { action: 'ARCHIVE', before: { status: 'ACTIVE', version: 1 }, after: { status: 'ARCHIVED', version: 2 } },
      { action: 'RESTORE', before: { status: 'ARCHIVED', version: 2 }, after: { status: 'ACTIVE', version: 3 } },
    ]);
  });
});
