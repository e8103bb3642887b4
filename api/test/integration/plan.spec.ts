import { createAccount } from '../helpers/factories';
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

async function guarded(query: string, vars: Record<string, unknown>) {
  expect((await t.gql(query, vars)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  expect((await t.gql(query, vars, { cookie: steering })).errors![0].extensions!.code).toBe('FORBIDDEN');
  const res = await t.gql(query, vars, { cookie: admin });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const PLAN = `{ planActions { number title status version milestones { id title dueOn doneOn }
  indicators { code computedKey current target history { measuredOn value source } } } }`;

describe('action plan', () => {
  it('the 15 actions are seeded; the steering committee reads them, anonymous visitors do not', async () => {
    expect((await t.gql(PLAN)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const res: any = await t.gql(PLAN, {}, { cookie: steering });
    expect(res.data.planActions.map((a: any) => a.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const published = res.data.planActions[0].indicators.find((i: any) => i.code === 'structures-publiees');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM structure WHERE status = 'PUBLISHED'`);
    expect(published).toMatchObject({ computedKey: 'STRUCTURES_PUBLISHED' });
    expect(published.current).toBeGreaterThanOrEqual(n - 50); // other test files add structures meanwhile
  });

  it('status with optimistic locking, hand-entered values, milestones: anonymous, wrong role, allowed', async () => {
    const before: any = await t.gql(PLAN, {}, { cookie: admin });
    const action = before.data.planActions.find((a: any) => a.number === 4);
    await guarded(`mutation ($v: Int!) { updatePlanAction(number: 4, version: $v, status: "ON_TRACK") { status } }`, {
      v: action.version,
    });
    const stale = await t.gql(
      `mutation ($v: Int!) { updatePlanAction(number: 4, version: $v, status: "LATE") { status } }`,
      { v: action.version },
      { cookie: admin },
    );
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    // Action 6's indicator is entered by hand (action 4's is computed from the carriers' projects).
    await guarded(
      `mutation { recordIndicatorValue(code: "idees-portees", measuredOn: "2026-11-01", value: 12, note: "comité") }`,
      {},
    );
    for (const code of ['structures-publiees', 'porteurs-accompagnes', 'tutorats-en-cours']) {
      const computed = await t.gql(
        `mutation ($c: String!) { recordIndicatorValue(code: $c, measuredOn: "2026-11-01", value: 1) }`,
        { c: code },
        { cookie: admin },
      );
      expect(computed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
    await guarded(`mutation { addPlanMilestone(number: 4, title: "Premier porteur accompagné", dueOn: "2027-03-31") }`, {});
    const after: any = await t.gql(PLAN, {}, { cookie: admin });
    const a4 = after.data.planActions.find((a: any) => a.number === 4);
    expect(a4.status).toBe('ON_TRACK');
    expect(a4.indicators[0]).toMatchObject({ code: 'porteurs-accompagnes', computedKey: 'CARRIERS_SUPPORTED', history: [] });
    const a6 = after.data.planActions.find((a: any) => a.number === 6);
    expect(a6.indicators[0]).toMatchObject({ current: 12, history: [{ measuredOn: '2026-11-01', value: 12, source: 'MANUAL' }] });
    const milestone = a4.milestones.find((m: any) => m.title === 'Premier porteur accompagné');
    expect(milestone).toMatchObject({ dueOn: '2027-03-31', doneOn: null });
    await guarded(`mutation ($id: ID!) { setPlanMilestoneDone(id: $id, doneOn: "2027-02-15") }`, { id: milestone.id });
    const done: any = await t.gql(PLAN, {}, { cookie: admin });
    expect(done.data.planActions.find((a: any) => a.number === 4).milestones.find((m: any) => m.id === milestone.id).doneOn).toBe(
      '2027-02-15',
    );
  });

  it('steering committees: meetings with decisions and their follow-up', async () => {
    const created: any = await guarded(
      `mutation { createSteeringMeeting(input: { heldOn: "2026-12-10", title: "Comité de pilotage n°1",
        decisions: [{ text: "Lancer l'annuaire", actionNumber: 1, owner: "Mission" }] }) { id decisions { id actionNumber status } } }`,
      {},
    );
    const decision = created.createSteeringMeeting.decisions[0];
    expect(decision).toMatchObject({ actionNumber: 1, status: 'OPEN' });
    await guarded(`mutation ($id: ID!) { updateSteeringDecision(id: $id, status: "DONE", followUp: "Fait") }`, {
      id: decision.id,
    });
    const list: any = await t.gql(`{ steeringMeetings { title decisions { status followUp } } }`, {}, { cookie: steering });
    expect(list.data.steeringMeetings[0]).toMatchObject({
      title: 'Comité de pilotage n°1',
      decisions: [{ status: 'DONE', followUp: 'Fait' }],
    });
  });

  it('observatory maintenance mutations are for the mission only', async () => {
    await guarded(`mutation { refreshObservatory }`, {});
    const csv =
      'territory_type;territory_code;territory_name;indicator;year;value;source\nZONE;sambre-avesnois;Sambre-Avesnois;TOTAL_EMPLOYEES;2015;54087;INSEE (exemple)\n';
    const res: any = await guarded(
      `mutation ($csv: String!) { importReferenceFigures(csv: $csv) { imported errors { line message } } }`,
      { csv },
    );
    expect(res.importReferenceFigures).toEqual({ imported: 1, errors: [] });
    const share: any = await t.gql(`{ observatory(zone: "sambre-avesnois") { share { totalEmployees referenceYear } } }`);
    expect(share.data.observatory.share).toEqual({ totalEmployees: 54087, referenceYear: 2015 });
  });
});
