import { RATE_LIMITS } from '../../src/common/rate-limit/rate-limit';
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

const QUEUE = `{ submissions(status: PENDING, first: 100) { nodes { id kind status submitterEmail structure { name } changes { field current proposed } } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptSubmission(id: $id) { status reviewedAt structure { id name phone status } } }`;
const REJECT = `mutation ($id: ID!, $r: String!) { rejectSubmission(id: $id, reason: $r) { status rejectReason } }`;

describe('moderation, end to end', () => {
  it('a correction proposed on the public site is shown as a diff, accepted, applied and audited', async () => {
    const s = await createStructure(t.ds, { name: `Modérée ${uniqueToken()}` });
    const proposed = await t.gql(`mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`, {
      i: {
        structureId: toGlobal('Structure', s.id),
        phone: '03 27 12 34 56',
        message: 'Le numéro a changé',
        submitterEmail: 'voisin@exemple.org',
      },
    });
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.suggestCorrection.id;

    const queue: any = await t.gql(QUEUE, {}, { cookie: steering });
    const item = queue.data.submissions.nodes.find((n: any) => n.id === id);
    expect(item).toMatchObject({ kind: 'CORRECTION', submitterEmail: 'voisin@exemple.org', structure: { name: s.name } });
    expect(item.changes).toEqual([{ field: 'phone', current: 'null', proposed: '"03 27 12 34 56"' }]);
    // the proposer's e-mail is not public
    const anon: any = await t.gql(`mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { submitterEmail } }`, {
      i: { structureId: toGlobal('Structure', s.id), message: 'Autre chose', submitterEmail: 'x@exemple.org' },
    });
    expect(anon.data.suggestCorrection.submitterEmail).toBeNull();

    expect((await t.gql(ACCEPT, { id })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ACCEPT, { id }, { cookie: steering })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const accepted: any = await t.gql(ACCEPT, { id }, { cookie: admin });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptSubmission).toMatchObject({ status: 'ACCEPTED', structure: { phone: '03 27 12 34 56' } });
    const actions = await t.ds.query(
      `SELECT action FROM audit_log WHERE (entity_type = 'Structure' AND entity_id = $1) OR (entity_type = 'StructureSubmission' AND entity_id = $2) ORDER BY id`,
      [s.id, Buffer.from(id, 'base64url').toString().split(':')[1]],
    );
    expect(actions.map((a: any) => a.action)).toEqual(['APPLY_CORRECTION', 'ACCEPT']);
    const again = await t.gql(ACCEPT, { id }, { cookie: admin });
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('« ajouter ma structure », accepted, becomes a published structure', async () => {
    const name = `Recyclerie ${uniqueToken()}`;
    const p: any = await t.gql(`mutation ($i: ProposeStructureInput!) { proposeStructure(input: $i) { id } }`, {
      i: { name, communeCode: '59249', submitterEmail: 'porteuse@exemple.org' },
    });
    const res: any = await t.gql(ACCEPT, { id: p.data.proposeStructure.id }, { cookie: admin });
    expect(res.errors).toBeUndefined();
    expect(res.data.acceptSubmission.structure).toMatchObject({ name, status: 'PUBLISHED' });
    const pub: any = await t.gql(`query ($s: String) { structures(filter: { search: $s }) { totalCount } }`, { s: name });
    expect(pub.data.structures.totalCount).toBe(1);
  });

  it('rejecting needs a reason, changes nothing on the structure, and is audited', async () => {
    const s = await createStructure(t.ds);
    const p: any = await t.gql(`mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`, {
      i: {
        structureId: toGlobal('Structure', s.id),
        name: 'Nom fantaisiste',
        message: 'Renommer',
        submitterEmail: 'a@exemple.org',
      },
    });
    const id = p.data.suggestCorrection.id;
    expect((await t.gql(REJECT, { id, r: ' ' }, { cookie: admin })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    const res: any = await t.gql(REJECT, { id, r: 'Nom inexact' }, { cookie: admin });
    expect(res.data.rejectSubmission).toEqual({ status: 'REJECTED', rejectReason: 'Nom inexact' });
    const [row] = await t.ds.query('SELECT name, version FROM structure WHERE id = $1', [s.id]);
    expect(row).toEqual({ name: s.name, version: 1 });
  });
});

describe('public proposals are rate-limited per IP (in PostgreSQL, shared by the replicas)', () => {
  const PROPOSE = `mutation ($i: ProposeStructureInput!) { proposeStructure(input: $i) { id } }`;
  const SUGGEST = `mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`;
  // The app trusts X-Forwarded-For from loopback (as behind its proxy): an address of this test alone.
  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('« ajouter ma structure » and « proposer une correction » share one budget; beyond it nothing is stored', async () => {
    const s = await createStructure(t.ds);
    const submitterEmail = `${uniqueToken('flood')}@exemple.org`;
    const queued = async () =>
      (await t.ds.query('SELECT count(*)::int AS n FROM structure_submission WHERE submitter_email = $1', [submitterEmail]))[0]
        .n as number;
    const propose = (ip: string) =>
      t.gql(PROPOSE, { i: { name: `Inondation ${uniqueToken()}`, communeCode: '59392', submitterEmail } }, from(ip));
    const suggest = (ip: string) =>
      t.gql(SUGGEST, { i: { structureId: toGlobal('Structure', s.id), message: 'Encore une', submitterEmail } }, from(ip));
    const { max } = RATE_LIMITS.submissionsPerIp;
    for (let i = 0; i < max; i++) {
      const res = await (i % 2 ? suggest : propose)('198.51.100.50');
      expect(res.errors).toBeUndefined();
    }
    for (const refused of [await propose('198.51.100.50'), await suggest('198.51.100.50')]) {
      expect(refused.data).toBeNull();
      expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(refused.errors![0].message).toMatch(/^Trop de propositions .*Réessayez dans \d+ minutes?\.$/);
    }
    expect(await queued()).toBe(max);
    // Another address is not affected.
    expect((await propose('198.51.100.51')).errors).toBeUndefined();
    expect(await queued()).toBe(max + 1);
  });
});
