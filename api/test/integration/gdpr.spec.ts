import { RETENTION, runRetention } from '../../src/modules/person/person-gdpr.service';
import { createAccount, createCarrierProject, createPerson, createStructure, toGlobal } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let adminAccount: { id: string; email: string };
let partner: string;
beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  adminAccount = a;
  admin = await t.login(a.email, a.password);
  const p = await createAccount(t.ds, { roles: ['PARTNER'] });
  partner = await t.login(p.email, p.password);
});
afterAll(() => t.close());

describe('GDPR', () => {
  it('consent is recorded with scope, version and date, and can be withdrawn', async () => {
    const p = await createPerson(t.ds, { isPublic: false });
    const M = `mutation ($p: ID!) { recordConsent(personId: $p, scope: "contact-public", version: "2026-11") { id scope version grantedAt withdrawnAt } }`;
    expect((await t.gql(M, { p: toGlobal('Person', p.id) })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const res: any = await t.gql(M, { p: toGlobal('Person', p.id) }, { cookie: admin });
    expect(res.data.recordConsent).toMatchObject({ scope: 'contact-public', version: '2026-11', withdrawnAt: null });
    const w: any = await t.gql(
      `mutation ($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }`,
      { id: res.data.recordConsent.id },
      { cookie: admin },
    );
    expect(w.data.withdrawConsent.withdrawnAt).not.toBeNull();
    // Once erased, the person takes no new consent (it would never be erased).
    expect(
      (await t.gql(`mutation ($id: ID!) { erasePerson(id: $id) { id } }`, { id: toGlobal('Person', p.id) }, { cookie: admin }))
        .errors,
    ).toBeUndefined();
    const refused: any = await t.gql(M, { p: toGlobal('Person', p.id) }, { cookie: admin });
    expect(refused.errors[0].extensions.code).toBe('ANONYMISED');
    expect(
      await t.ds.query('SELECT count(*)::int AS n FROM consent WHERE person_id = $1 AND withdrawn_at IS NULL', [p.id]),
    ).toEqual([{ n: 0 }]);
  });

  it('exports a person’s data as JSON, mission only', async () => {
    const s = await createStructure(t.ds);
    const p = await createPerson(t.ds, { isPublic: false, structureId: s.id, firstName: 'Léa' });
    const Q = `query ($id: ID!) { personData(id: $id) }`;
    expect((await t.gql(Q, { id: toGlobal('Person', p.id) }, { cookie: partner })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const res: any = await t.gql(Q, { id: toGlobal('Person', p.id) }, { cookie: admin });
    const data = JSON.parse(res.data.personData);
    expect(data.person).toMatchObject({ first_name: 'Léa', last_name: p.lastName, email: p.email });
    expect(data.structure).toEqual({ name: s.name, siret: s.siret });
  });

  it('erasure anonymises the personal fields, keeps the aggregates, and leaves no personal value in the audit trail', async () => {
    const s = await createStructure(t.ds);
    const p = await createPerson(t.ds, { isPublic: true, structureId: s.id, firstName: 'Maëlle' });
    const res: any = await t.gql(
      `mutation ($id: ID!) { erasePerson(id: $id) { firstName lastName email isPublic anonymisedAt } }`,
      {
        id: toGlobal('Person', p.id),
      },
      { cookie: admin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.erasePerson).toMatchObject({ firstName: null, lastName: null, email: null, isPublic: false });
    expect(res.data.erasePerson.anonymisedAt).not.toBeNull();
    const [row] = await t.ds.query('SELECT first_name, last_name, email, phone, structure_id::text FROM person WHERE id = $1', [
      p.id,
    ]);
    expect(row).toEqual({ first_name: null, last_name: null, email: null, phone: null, structure_id: s.id });
    const trail = await t.ds.query(`SELECT before, after FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1`, [p.id]);
    expect(JSON.stringify(trail)).not.toContain(p.lastName);
    expect(JSON.stringify(trail)).not.toContain('Maëlle');
  });

  it('personal fields typed for an anonymised person are refused (ANONYMISED), nothing is written', async () => {
    const s = await createStructure(t.ds);
    const p = await createPerson(t.ds, { isPublic: false, firstName: 'Nadia' });
    const id = toGlobal('Person', p.id);
    const erased: any = await t.gql(`mutation ($id: ID!) { erasePerson(id: $id) { version } }`, { id }, { cookie: admin });
    const version = erased.data.erasePerson.version;
    const state = async () => ({
      row: (
        await t.ds.query(
          'SELECT first_name, last_name, email, phone, bio, is_public, job_title, version, last_contact_at FROM person WHERE id = $1',
          [p.id],
        )
      )[0],
      audit: (
        await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1`, [p.id])
      )[0].n,
    });
    const before = await state();
    const UPDATE = `mutation ($id: ID!, $v: Int!, $i: PersonPatch!) { updatePerson(id: $id, version: $v, input: $i) { version jobTitle } }`;
    for (const [i, field] of [
      [{ firstName: 'Nadia' }, 'firstName'],
      [{ jobTitle: 'Directrice', lastName: 'Martin' }, 'lastName'],
      [{ email: 'nadia@exemple.org', phone: '03 27 00 00 00' }, 'email'],
      [{ bio: 'Ancienne bénévole.' }, 'bio'],
      [{ isPublic: true }, 'isPublic'],
    ] as const) {
      const r = await t.gql(UPDATE, { id, v: version, i }, { cookie: admin });
      expect(r.errors![0].message).toMatch(/^Les données personnelles de cette personne ont été effacées \(RGPD\)/);
      expect(r.errors![0].extensions).toMatchObject({ code: 'ANONYMISED', field });
    }
    // Even with a stale version (the erasure bumped it), the answer says why.
    const stale = await t.gql(UPDATE, { id, v: version - 1, i: { firstName: 'Nadia' } }, { cookie: admin });
    expect(stale.errors![0].extensions!.code).toBe('ANONYMISED');
    expect(await state()).toEqual(before);

    // What is not personal stays editable; clearing an (already empty) personal field is harmless.
    const ok: any = await t.gql(
      UPDATE,
      {
        id,
        v: version,
        i: { jobTitle: 'Ancienne directrice', structureId: toGlobal('Structure', s.id), email: null, phone: '' },
      },
      { cookie: admin },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updatePerson).toEqual({ version: version + 1, jobTitle: 'Ancienne directrice' });
    // The job title is all that names them now: it may not be emptied.
    const nameless = await t.gql(UPDATE, { id, v: version + 1, i: { jobTitle: null } }, { cookie: admin });
    expect(nameless.errors![0]).toMatchObject({
      message: 'Gardez une fonction : les nom et prénom de cette personne ont été effacés (RGPD).',
      extensions: { code: 'BAD_USER_INPUT', field: 'jobTitle' },
    });
    const after = await state();
    expect(after.row).toMatchObject({ first_name: null, last_name: null, email: null, phone: null, bio: null, is_public: false });
  });

  it('anonymous users and partners never read a personal field that was not made public', async () => {
    const hidden = await createPerson(t.ds, { isPublic: false, firstName: 'Secrète' });
    for (const cookie of [undefined, partner]) {
      const headers: Record<string, string> = cookie ? { cookie } : {};
      const r: any = await t.gql(
        `query ($id: ID!) { node(id: $id) { ... on Person { firstName lastName email phone bio displayName consents { scope } status lastContactAt } } person(id: $id) { email } persons(first: 100) { nodes { email status lastContactAt } } }`,
        { id: toGlobal('Person', hidden.id) },
        headers,
      );
      expect(JSON.stringify(r)).not.toContain(hidden.lastName);
      expect(JSON.stringify(r)).not.toContain('Secrète');
      // Status and date of last contact are the mission's: never shown to them.
      expect(r.data.persons.nodes.every((n: any) => n.status === null && n.lastContactAt === null)).toBe(true);
      const admins: any = await t.gql(`{ adminPersons { totalCount } }`, {}, headers);
      expect(admins.errors[0].extensions.code).toBe(cookie ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('retention anonymises persons whose last contact is older than the configured duration', async () => {
    const old = await createPerson(t.ds, { isPublic: false });
    const recent = await createPerson(t.ds, { isPublic: false });
    // Corrected by the mission since their last contact: a correction does not restart the retention period.
    const corrected = await createPerson(t.ds, { isPublic: false });
    // A contact recorded since: it does.
    const contacted = await createPerson(t.ds, { isPublic: false });
    // No contact ever recorded (rows older than the field): the creation date counts.
    const neverContacted = await createPerson(t.ds, { isPublic: false });
    const newNeverContacted = await createPerson(t.ds, { isPublic: false });
    await t.ds.query(`UPDATE person SET last_contact_at = NULL WHERE id = ANY($1::bigint[])`, [
      [neverContacted.id, newNeverContacted.id],
    ]);
    await t.ds.query(`UPDATE person SET created_at = now() - interval '800 days' WHERE id = $1`, [neverContacted.id]);
    await t.ds.query(`UPDATE person SET last_contact_at = now() - interval '800 days' WHERE id = ANY($1::bigint[])`, [
      [old.id, corrected.id, contacted.id],
    ]);
    await t.ds.query(`UPDATE person SET last_contact_at = now() - interval '100 days' WHERE id = $1`, [recent.id]);
    const UPDATE = `mutation ($id: ID!, $i: PersonPatch!) { updatePerson(id: $id, version: 1, input: $i) { version } }`;
    const today = new Date().toISOString().slice(0, 10);
    for (const [p, i] of [
      [corrected, { jobTitle: 'Coordinatrice', phone: '03 27 12 34 56', lastName: `${corrected.lastName}-Dupont` }],
      [contacted, { lastContactAt: today }],
    ] as const) {
      const r: any = await t.gql(UPDATE, { id: toGlobal('Person', p.id), i }, { cookie: admin });
      expect(r.errors).toBeUndefined();
    }
    const [{ moved }] = await t.ds.query(
      `SELECT last_contact_at > now() - interval '799 days' AS moved FROM person WHERE id = $1`,
      [corrected.id],
    );
    expect(moved).toBe(false);
    expect(await runRetention(t.ds, 730)).toBeGreaterThanOrEqual(2);
    const rows = await t.ds.query('SELECT id::text, last_name FROM person WHERE id = ANY($1::bigint[]) ORDER BY id', [
      [old.id, recent.id, corrected.id, contacted.id, neverContacted.id, newNeverContacted.id],
    ]);
    expect(rows).toEqual([
      { id: old.id, last_name: null },
      { id: recent.id, last_name: recent.lastName },
      { id: corrected.id, last_name: null },
      { id: contacted.id, last_name: contacted.lastName },
      { id: neverContacted.id, last_name: null },
      { id: newNeverContacted.id, last_name: newNeverContacted.lastName },
    ]);
    // The scheduled job is its own actor.
    const trail = await t.ds.query(
      `SELECT actor, action, account_id, request_id FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1`,
      [old.id],
    );
    expect(trail).toEqual([{ actor: 'retention', action: 'RETENTION_ANONYMISE', account_id: null, request_id: null }]);
  });

  it('the export holds the person’s projects; erasure and retention empty their texts and keep them counted', async () => {
    const s = await createStructure(t.ds);
    const p = await createPerson(t.ds, { isPublic: false, firstName: 'Yasmine' });
    const Q = `query ($id: ID!) { personData(id: $id) }`;
    const MOVE = `mutation ($id: ID!, $v: Int!, $note: String) { moveCarrierProjectStage(id: $id, version: $v, input: { stage: SUPPORTED, note: $note }) { version } }`;
    const REFER = `mutation ($id: ID!, $v: Int!, $s: ID!) { addCarrierProjectReferral(id: $id, version: $v, input: { structureId: $s, status: ACCEPTED, note: "Vue avec Yasmine" }) { version } }`;
    const OPINION = `mutation ($id: ID!, $v: Int!, $text: String) { recordCarrierProjectOpinion(id: $id, version: $v, input: { verdict: FAVORABLE, text: $text }) { version } }`;
    const created: any = await t.gql(
      `mutation ($i: CreateCarrierProjectInput!) { createCarrierProject(input: $i) { id } }`,
      {
        i: {
          personId: toGlobal('Person', p.id),
          title: 'Le fournil de Yasmine',
          description: 'Boulangerie coopérative de Yasmine.',
        },
      },
      { cookie: admin },
    );
    const id = created.data.createCarrierProject.id;
    for (const [query, vars] of [
      [MOVE, { v: 1, note: 'Yasmine a trouvé un local.' }],
      [REFER, { v: 2, s: toGlobal('Structure', s.id) }],
      [OPINION, { v: 3, text: 'Yasmine est très entourée.' }],
    ] as const) {
      expect((await t.gql(query, { id, ...vars }, { cookie: admin })).errors).toBeUndefined();
    }

    const exported = JSON.parse(((await t.gql(Q, { id: toGlobal('Person', p.id) }, { cookie: admin })).data as any).personData);
    expect(exported.carrierProjects).toEqual([
      expect.objectContaining({
        title: 'Le fournil de Yasmine',
        description: 'Boulangerie coopérative de Yasmine.',
        stage: 'SUPPORTED',
        technicalOpinion: expect.objectContaining({ verdict: 'FAVORABLE', text: 'Yasmine est très entourée.' }),
        stageHistory: [
          expect.objectContaining({ from: null, to: 'RECEIVED', note: null }),
          expect.objectContaining({ from: 'RECEIVED', to: 'SUPPORTED', note: 'Yasmine a trouvé un local.' }),
        ],
        referrals: [expect.objectContaining({ structure: s.name, status: 'ACCEPTED', note: 'Vue avec Yasmine' })],
      }),
    ]);

    const rowId = Buffer.from(id, 'base64url').toString().split(':')[1];
    const erased: any = await t.gql(
      `mutation ($id: ID!) { erasePerson(id: $id) { id } }`,
      { id: toGlobal('Person', p.id) },
      { cookie: admin },
    );
    expect(erased.errors).toBeUndefined();
    const [project] = await t.ds.query(
      `SELECT title, description, opinion, opinion_text, stage, archived, anonymised_at IS NOT NULL AS anonymised,
         (SELECT count(*)::int FROM carrier_project_referral r WHERE r.project_id = cp.id AND r.note IS NULL) AS referrals,
         (SELECT count(*)::int FROM carrier_project_stage_change h WHERE h.project_id = cp.id AND h.note IS NULL) AS stages
       FROM carrier_project cp WHERE id = $1`,
      [rowId],
    );
    expect(project).toEqual({
      title: 'Projet anonymisé',
      description: null,
      opinion: 'FAVORABLE',
      opinion_text: null,
      stage: 'SUPPORTED',
      archived: false,
      anonymised: true,
      referrals: 1,
      stages: 2,
    });
    // Nothing of the texts is left anywhere, the audit trail included.
    const everything = await t.ds.query(
      `SELECT (SELECT json_agg(a) FROM audit_log a WHERE entity_type = 'CarrierProject' AND entity_id = $1) AS trail,
         (SELECT json_agg(r) FROM carrier_project_referral r WHERE project_id = $1::bigint) AS referrals,
         (SELECT json_agg(h) FROM carrier_project_stage_change h WHERE project_id = $1::bigint) AS stages`,
      [rowId],
    );
    expect(JSON.stringify(everything)).not.toContain('Yasmine');
    // Texts can no longer be typed for this carrier; what is not personal stays editable.
    const [{ version }] = await t.ds.query('SELECT version FROM carrier_project WHERE id = $1', [rowId]);
    const refused = await t.gql(OPINION, { id, v: version, text: 'Nouvel avis' }, { cookie: admin });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'ANONYMISED', field: 'opinionText' });
    const retitled = await t.gql(
      `mutation ($id: ID!, $v: Int!) { updateCarrierProject(id: $id, version: $v, input: { title: "Le fournil" }) { id } }`,
      { id, v: version },
      { cookie: admin },
    );
    expect(retitled.errors![0].extensions).toMatchObject({ code: 'ANONYMISED', field: 'title' });
    expect((await t.gql(OPINION, { id, v: version, text: null }, { cookie: admin })).errors).toBeUndefined();
    const again = await t.gql(
      `mutation ($i: CreateCarrierProjectInput!) { createCarrierProject(input: $i) { id } }`,
      { i: { personId: toGlobal('Person', p.id), title: 'Autre projet' } },
      { cookie: admin },
    );
    expect(again.errors![0].extensions).toMatchObject({ code: 'ANONYMISED', field: 'personId' });

    // Retention empties them too.
    const old = await createPerson(t.ds, { isPublic: false });
    const kept = await createCarrierProject(t.ds, { personId: old.id, title: 'Projet à effacer', stage: 'SUPPORTED' });
    await t.ds.query(`UPDATE person SET last_contact_at = now() - interval '800 days' WHERE id = $1`, [old.id]);
    // A project changed recently is a relationship going on: retention waits.
    await runRetention(t.ds, 730);
    expect(await t.ds.query('SELECT anonymised_at IS NULL AS kept FROM carrier_project WHERE id = $1', [kept.id])).toEqual([
      { kept: true },
    ]);
    await t.ds.query(`UPDATE carrier_project SET updated_at = now() - interval '800 days' WHERE id = $1`, [kept.id]);
    await runRetention(t.ds, 730);
    expect(
      await t.ds.query('SELECT title, stage, anonymised_at IS NOT NULL AS anonymised FROM carrier_project WHERE id = $1', [
        kept.id,
      ]),
    ).toEqual([{ title: 'Projet anonymisé', stage: 'SUPPORTED', anonymised: true }]);
  });

  it('retention started from the API records who started it, and the request', async () => {
    const due = await createPerson(t.ds, { isPublic: false });
    await t.ds.query(`UPDATE person SET last_contact_at = now() - interval '800 days' WHERE id = $1`, [due.id]);
    const requestId = `gdpr-retention-${Date.now()}`;
    const res: any = await t.gql(`mutation { runRetention }`, {}, { cookie: admin, 'x-request-id': requestId });
    expect(res.errors).toBeUndefined();
    expect(res.data.runRetention).toBeGreaterThanOrEqual(1);
    const trail = await t.ds.query(
      `SELECT actor, action, account_id::text, request_id, after FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1`,
      [due.id],
    );
    expect(trail).toEqual([
      {
        actor: adminAccount.email,
        action: 'RETENTION_ANONYMISE',
        account_id: adminAccount.id,
        request_id: requestId,
        after: { erasedFields: ['firstName', 'lastName', 'email', 'phone', 'bio'], retentionDays: RETENTION.personDays },
      },
    ]);
  });
});
