// The access matrix of every mutation of the schema (issue « web-admin: accounts, roles and editing the graph »):
// « every mutation is tried as anonymous, with the wrong role, and as allowed » and « one audit entry per mutation ».
//
// CASES holds one row per Mutation field; a test checks that its keys are exactly the Mutation fields of the
// schema, so a new mutation fails the suite until it gets a row. For a guarded mutation, the same operation
// (same variables) is sent anonymously (UNAUTHENTICATED), as every role the schema does not allow
// (FORBIDDEN; ADMIN may do everything), as the allowed role outside its scope for row-level rules (FORBIDDEN),
// then as the allowed role: it succeeds, the state read by `probe` changes, and the audit trail holds exactly the
// entries expected for that request (matched by its x-request-id). Refused calls change nothing and write no audit
// entry. Public mutations (@Public) run anonymously and state what protects them instead.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { isObjectType, parse, type FieldNode, type GraphQLField, type OperationDefinitionNode } from 'graphql';
import { accessRuleOf, type AccessRule } from '../../src/common/auth/access';
import { Role } from '../../src/common/auth/roles';
import { RATE_LIMITS } from '../../src/common/rate-limit/rate-limit';
import { buildEssorSchema } from '../../src/schema';
import {
  addToNetwork,
  createAccount,
  createCarrierProject,
  createMentorOffer,
  createNetwork,
  createPerson,
  createSector,
  createStructure,
  toGlobal,
  uniqueToken,
} from '../helpers/factories';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/server';

type Vars = Record<string, unknown>;

interface Fixture {
  /** The operation, sent unchanged in every phase: a refusal can only come from who sends it. */
  query: string;
  variables?: Vars;
  /** Reads what the mutation changes: unchanged after a refused call, changed after the allowed one. */
  probe: () => Promise<unknown>;
  /** Further checks of the allowed call (its answer, its effect). */
  check?: (res: GqlResponse<any>, before: any, after: any) => void | Promise<void>;
  /** Row id the audit entries must be about, when there is one. */
  entityId?: string;
  /** Public mutations that act on a session (logout): the cookie of that session. */
  cookie?: string;
  /** Runs just before the allowed call (state that would race with other test files if set earlier). */
  beforeAllowed?: () => Promise<void>;
}

/** What the allowed call writes to the audit trail (entries as `EntityType:ACTION`). */
type AuditRule =
  | { entry: string }
  | { entries: string[]; because: string }
  /** One entry of this kind per row the call changed: how many depends on the data (at least one). */
  | { each: string; because: string }
  /** Not a graph edit: nothing is written to the audit trail for this request, and why. */
  | { none: string };

interface GuardedCase {
  /** The least privileged role the schema allows (ADMIN only when no other role is). */
  allowedAs: Role;
  audit: AuditRule;
  setup: () => Promise<Fixture>;
}

interface PublicCase {
  /** Anonymous calls are allowed: what protects the mutation instead. */
  public: string;
  audit: AuditRule;
  setup: () => Promise<Fixture>;
  /** The protection, tried. */
  abuse?: () => Promise<void>;
}

let t: TestServer;
let rules: Map<string, AccessRule | undefined>;
let iaeSectorId: string;
/** A logged-in account per role; the FACILITATOR animates « iae », the STRUCTURE_EDITOR is linked to every fixture structure. */
const who: Record<string, { id: string; email: string; cookie: string }> = {};
/** The allowed role outside its scope, for row-level rules. */
const OUT_OF_SCOPE: Partial<Record<Role, string>> = {
  [Role.FACILITATOR]: 'FACILITATOR of another sector',
  [Role.STRUCTURE_EDITOR]: 'STRUCTURE_EDITOR of another structure',
};
const NO_ROLE = 'logged in without any role';

beforeAll(async () => {
  t = await startTestServer();
  const schema = await buildEssorSchema();
  const mutation = schema.getMutationType();
  if (!mutation || !isObjectType(mutation)) throw new Error('the schema has no Mutation type');
  rules = new Map(
    Object.values(mutation.getFields()).map((f) => [f.name, accessRuleOf(f as GraphQLField<unknown, unknown>)] as const),
  );
  [{ id: iaeSectorId }] = await t.ds.query(`SELECT id::text FROM sector WHERE slug = 'iae'`);
  const [{ id: cultureSectorId }] = await t.ds.query(`SELECT id::text FROM sector WHERE slug = 'culture'`);
  const elsewhere = await createStructure(t.ds);
  const accounts: Array<[string, Parameters<typeof createAccount>[1]]> = [
    [Role.ADMIN, { roles: [Role.ADMIN] }],
    [Role.STEERING, { roles: [Role.STEERING] }],
    [Role.PARTNER, { roles: [Role.PARTNER] }],
    [Role.FACILITATOR, { roles: [Role.FACILITATOR], sectorIds: [iaeSectorId] }],
    [Role.STRUCTURE_EDITOR, { roles: [Role.STRUCTURE_EDITOR] }],
    [OUT_OF_SCOPE.FACILITATOR!, { roles: [Role.FACILITATOR], sectorIds: [cultureSectorId] }],
    [OUT_OF_SCOPE.STRUCTURE_EDITOR!, { roles: [Role.STRUCTURE_EDITOR], structureIds: [elsewhere.id] }],
    [NO_ROLE, { roles: [] }],
  ];
  await Promise.all(
    accounts.map(async ([label, o]) => {
      const a = await createAccount(t.ds, o);
      who[label] = { id: a.id, email: a.email, cookie: await t.login(a.email, a.password) };
    }),
  );
});
afterAll(() => t.close());

// ------------------------------------------------------------------------------------------------ fixtures

const q = async (sql: string, params: unknown[] = []) => t.ds.query(sql, params);
const one = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0];
const rowIdOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

/** A published structure the shared STRUCTURE_EDITOR may edit. */
async function structure() {
  const s = await createStructure(t.ds);
  await q('INSERT INTO account_structure (account_id, structure_id) VALUES ($1, $2)', [who[Role.STRUCTURE_EDITOR].id, s.id]);
  return s;
}

/** An admin call made while setting a fixture up. */
async function asAdmin(query: string, variables: Vars = {}) {
  const res = await t.gql(query, variables, { cookie: who[Role.ADMIN].cookie });
  if (res.errors) throw new Error(`fixture: ${JSON.stringify(res.errors)}`);
  return res.data as any;
}

/** A workshop of the « iae » sector (its facilitator may edit it). */
async function workshop() {
  const data = await asAdmin(`mutation ($i: CreateSpaceInput!) { createSpace(kind: WORKSHOP, input: $i) { id } }`, {
    i: { sectorSlug: 'iae', title: `Atelier ${uniqueToken()}`, goal: 'Essai' },
  });
  return { id: data.createSpace.id as string, rowId: rowIdOf(data.createSpace.id) };
}

/** A pending « proposer une correction » on a structure. */
async function pendingCorrection() {
  const s = await structure();
  const res = await t.gql(`mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`, {
    i: {
      structureId: toGlobal('Structure', s.id),
      phone: '03 27 11 22 33',
      message: 'Nouveau numéro',
      submitterEmail: 'a@exemple.org',
    },
  });
  if (res.errors) throw new Error(`fixture: ${JSON.stringify(res.errors)}`);
  const id = res.data!.suggestCorrection.id as string;
  return { id, rowId: rowIdOf(id), structure: s };
}

/**
 * Spends the budget of one client address (the app trusts X-Forwarded-For from loopback, as behind
 * its proxy; 127.0.0.1's budget is shared with the other test files): `max` calls pass, the next
 * one is RATE_LIMITED.
 */
async function spendRateLimit(ip: string, max: number, send: (headers: Record<string, string>) => Promise<GqlResponse<any>>) {
  const headers = { 'x-forwarded-for': ip };
  for (let i = 0; i < max; i++) expect((await send(headers)).errors).toBeUndefined();
  const refused = await send(headers);
  expect(refused.data).toBeNull();
  expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
}

/** A carrier's project (version 1). */
async function carrierProject(o: Parameters<typeof createCarrierProject>[1] = {}) {
  const p = await createCarrierProject(t.ds, o);
  return { id: toGlobal('CarrierProject', p.id), rowId: p.id };
}

const planActionId = async (n: number) => (await one('SELECT id::text FROM plan_action WHERE number = $1', [n])).id as string;

// ------------------------------------------------------------------------------------------------ the matrix

const NOT_A_GRAPH_EDIT_PROPOSAL =
  'a public proposal changes no graph data: it waits in the moderation queue, and acceptSubmission audits the change';

const CASES: Record<string, GuardedCase | PublicCase> = {
  acceptSubmission: {
    allowedAs: Role.ADMIN,
    audit: {
      entries: ['Structure:APPLY_CORRECTION', 'StructureSubmission:ACCEPT'],
      because: 'two entities change: the structure gets the correction, the proposal is closed (one entry each)',
    },
    async setup() {
      const sub = await pendingCorrection();
      return {
        query: `mutation ($id: ID!) { acceptSubmission(id: $id) { status structure { phone } } }`,
        variables: { id: sub.id },
        probe: () =>
          one(
            `SELECT sub.status, s.phone FROM structure_submission sub JOIN structure s ON s.id = sub.structure_id WHERE sub.id = $1`,
            [sub.rowId],
          ),
        check: (res) =>
          expect(res.data!.acceptSubmission).toEqual({ status: 'ACCEPTED', structure: { phone: '03 27 11 22 33' } }),
        entityId: sub.rowId,
      };
    },
  },

  addCarrierProjectReferral: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:ADD_REFERRAL' },
    async setup() {
      const p = await carrierProject();
      const s = await createStructure(t.ds);
      return {
        query: `mutation ($id: ID!, $s: ID!) { addCarrierProjectReferral(id: $id, version: 1, input: { structureId: $s, referredOn: "2026-10-01" }) { version } }`,
        variables: { id: p.id, s: toGlobal('Structure', s.id) },
        probe: () =>
          q('SELECT structure_id::text, status, referred_on FROM carrier_project_referral WHERE project_id = $1', [p.rowId]),
        check: (res, _before, after) => {
          expect(res.data!.addCarrierProjectReferral).toEqual({ version: 2 });
          expect(after).toEqual([{ structure_id: s.id, status: 'PROPOSED', referred_on: '2026-10-01' }]);
        },
        entityId: p.rowId,
      };
    },
  },

  addNetworkMember: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Network:ADD_MEMBER' },
    async setup() {
      const n = await createNetwork(t.ds);
      const s = await createStructure(t.ds);
      return {
        query: `mutation ($n: ID!, $s: ID!) { addNetworkMember(networkId: $n, structureId: $s, since: "2024-09-01") { changed member since } }`,
        variables: { n: toGlobal('Network', n.id), s: toGlobal('Structure', s.id) },
        probe: () =>
          q(`SELECT structure_id::text, to_char(since, 'YYYY-MM-DD') AS since FROM network_membership WHERE network_id = $1`, [
            n.id,
          ]),
        check: (res, _before, after) => {
          expect(res.data!.addNetworkMember).toEqual({ changed: true, member: true, since: '2024-09-01' });
          expect(after).toEqual([{ structure_id: s.id, since: '2024-09-01' }]);
        },
        entityId: n.id,
      };
    },
  },

  addPlanMilestone: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'PlanAction:ADD_MILESTONE' },
    async setup() {
      const title = `Jalon ${uniqueToken()}`;
      return {
        query: `mutation ($t: String!) { addPlanMilestone(number: 11, title: $t, dueOn: "2027-06-30") }`,
        variables: { t: title },
        probe: () => q(`SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM plan_milestone WHERE title = $1`, [title]),
        check: (res, _before, after) => {
          expect(res.data!.addPlanMilestone).toBe(true);
          expect(after).toEqual([{ due_on: '2027-06-30' }]);
        },
        entityId: await planActionId(11),
      };
    },
  },

  addSpaceDeliverable: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:ADD_DELIVERABLE' },
    async setup() {
      const w = await workshop();
      return {
        query: `mutation ($id: ID!) { addSpaceDeliverable(spaceId: $id, input: { title: "Guide", kind: GUIDE }) { id } }`,
        variables: { id: w.id },
        probe: () => q('SELECT title, kind FROM space_deliverable WHERE space_id = $1', [w.rowId]),
        check: (_res, _before, after) => expect(after).toEqual([{ title: 'Guide', kind: 'GUIDE' }]),
        entityId: w.rowId,
      };
    },
  },

  addSpaceParticipant: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:ADD_PARTICIPANT' },
    async setup() {
      const w = await workshop();
      const s = await structure();
      return {
        query: `mutation ($id: ID!, $s: ID!) { addSpaceParticipant(spaceId: $id, input: { structureId: $s, role: CONTRIBUTOR }) { id } }`,
        variables: { id: w.id, s: toGlobal('Structure', s.id) },
        probe: () => q('SELECT structure_id::text, role FROM space_participant WHERE space_id = $1', [w.rowId]),
        check: (_res, _before, after) => expect(after).toEqual([{ structure_id: s.id, role: 'CONTRIBUTOR' }]),
        entityId: w.rowId,
      };
    },
  },

  addSpaceSession: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:ADD_SESSION' },
    async setup() {
      const w = await workshop();
      return {
        query: `mutation ($id: ID!) { addSpaceSession(spaceId: $id, input: { startsAt: "2027-01-15T09:00:00Z", place: "Maison de l'ESS" }) { id } }`,
        variables: { id: w.id },
        probe: () => q('SELECT place FROM space_session WHERE space_id = $1', [w.rowId]),
        check: (_res, _before, after) => expect(after).toEqual([{ place: "Maison de l'ESS" }]),
        entityId: w.rowId,
      };
    },
  },

  archiveCarrierProject: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:ARCHIVE' },
    async setup() {
      const p = await carrierProject();
      return {
        query: `mutation ($id: ID!) { archiveCarrierProject(id: $id, version: 1) { archived } }`,
        variables: { id: p.id },
        probe: () => one('SELECT archived, version FROM carrier_project WHERE id = $1', [p.rowId]),
        check: (_res, _before, after) => expect(after).toEqual({ archived: true, version: 2 }),
        entityId: p.rowId,
      };
    },
  },

  archiveNetwork: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Network:ARCHIVE' },
    async setup() {
      const n = await createNetwork(t.ds);
      return {
        query: `mutation ($id: ID!) { archiveNetwork(id: $id, version: 1) { status } }`,
        variables: { id: toGlobal('Network', n.id) },
        probe: () => one('SELECT status, version FROM network WHERE id = $1', [n.id]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'ARCHIVED', version: 2 }),
        entityId: n.id,
      };
    },
  },

  archivePerson: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:ARCHIVE' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($id: ID!) { archivePerson(id: $id, version: 1) { id } }`,
        variables: { id: toGlobal('Person', p.id) },
        probe: () => one('SELECT status, version FROM person WHERE id = $1', [p.id]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'ARCHIVED', version: 2 }),
        entityId: p.id,
      };
    },
  },

  archiveSector: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Sector:ARCHIVE' },
    async setup() {
      const s = await createSector(t.ds);
      return {
        query: `mutation ($id: ID!) { archiveSector(id: $id, version: 1) { status } }`,
        variables: { id: toGlobal('Sector', s.id) },
        probe: () => one('SELECT status, version FROM sector WHERE id = $1', [s.id]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'ARCHIVED', version: 2 }),
        entityId: s.id,
      };
    },
  },

  archiveSpace: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:ARCHIVE' },
    async setup() {
      const w = await workshop();
      return {
        query: `mutation ($id: ID!) { archiveSpace(id: $id, version: 1) { archived } }`,
        variables: { id: w.id },
        probe: () => one('SELECT archived, version FROM participatory_space WHERE id = $1', [w.rowId]),
        check: (_res, _before, after) => expect(after).toEqual({ archived: true, version: 2 }),
        entityId: w.rowId,
      };
    },
  },

  archiveStructure: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Structure:ARCHIVE' },
    async setup() {
      const s = await structure();
      return {
        query: `mutation ($id: ID!) { archiveStructure(id: $id, version: 1) { status } }`,
        variables: { id: toGlobal('Structure', s.id) },
        probe: () => one('SELECT status, version FROM structure WHERE id = $1', [s.id]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'ARCHIVED', version: 2 }),
        entityId: s.id,
      };
    },
  },

  createAccount: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Account:CREATE' },
    async setup() {
      const email = `${uniqueToken('invite')}@exemple.org`;
      return {
        query: `mutation ($i: CreateAccountInput!) { createAccount(input: $i) { email roles } }`,
        variables: { i: { email, displayName: 'Animatrice', roles: ['FACILITATOR'], sectorSlugs: ['iae'] } },
        probe: () =>
          one(
            `SELECT (SELECT count(*)::int FROM account WHERE email = $1) AS accounts,
                    (SELECT count(*)::int FROM mail_outbox WHERE recipient = $1) AS mails`,
            [email],
          ),
        check: (res, _before, after) => {
          expect(res.data!.createAccount).toEqual({ email, roles: ['FACILITATOR'] });
          expect(after).toEqual({ accounts: 1, mails: 1 });
        },
      };
    },
  },

  createCarrierProject: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:CREATE' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($i: CreateCarrierProjectInput!) { createCarrierProject(input: $i) { stage } }`,
        variables: { i: { personId: toGlobal('Person', p.id), title: 'Café associatif', communeCode: '59392' } },
        probe: () =>
          q(
            `SELECT title, stage, (SELECT count(*)::int FROM carrier_project_stage_change h WHERE h.project_id = cp.id) AS history
             FROM carrier_project cp WHERE person_id = $1`,
            [p.id],
          ),
        check: (_res, _before, after) => expect(after).toEqual([{ title: 'Café associatif', stage: 'RECEIVED', history: 1 }]),
      };
    },
  },

  createMentorOffer: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'MentorOffer:CREATE' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($i: CreateMentorOfferInput!) { createMentorOffer(input: $i) { status } }`,
        variables: { i: { mentorId: toGlobal('Person', p.id), title: 'Financer son projet', themes: ['FUNDING'] } },
        probe: () => q('SELECT title, themes, status FROM mentor_offer WHERE mentor_id = $1', [p.id]),
        check: (_res, _before, after) =>
          expect(after).toEqual([{ title: 'Financer son projet', themes: ['FUNDING'], status: 'OPEN' }]),
      };
    },
  },

  createNetwork: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Network:CREATE' },
    async setup() {
      const slug = uniqueToken('net-');
      return {
        query: `mutation ($i: CreateNetworkInput!) { createNetwork(input: $i) { slug } }`,
        variables: { i: { slug, name: 'Réseau des recycleries', kind: 'FEDERATION' } },
        probe: () => q('SELECT name, kind FROM network WHERE slug = $1', [slug]),
        check: (_res, _before, after) => expect(after).toEqual([{ name: 'Réseau des recycleries', kind: 'FEDERATION' }]),
      };
    },
  },

  createPerson: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:CREATE' },
    async setup() {
      const lastName = uniqueToken('Nom');
      return {
        query: `mutation ($i: PersonPatch!) { createPerson(input: $i) { id } }`,
        variables: { i: { firstName: 'Inès', lastName, jobTitle: 'Coordinatrice' } },
        probe: () => q('SELECT first_name, job_title FROM person WHERE last_name = $1', [lastName]),
        check: (_res, _before, after) => expect(after).toEqual([{ first_name: 'Inès', job_title: 'Coordinatrice' }]),
      };
    },
  },

  createSector: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Sector:CREATE' },
    async setup() {
      const slug = uniqueToken('sect-');
      return {
        query: `mutation ($i: CreateSectorInput!) { createSector(input: $i) { slug } }`,
        variables: { i: { slug, name: 'Économie circulaire' } },
        probe: () => q('SELECT name, status FROM sector WHERE slug = $1', [slug]),
        check: (_res, _before, after) => expect(after).toEqual([{ name: 'Économie circulaire', status: 'ACTIVE' }]),
      };
    },
  },

  createSpace: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:CREATE' },
    async setup() {
      const title = `Atelier ${uniqueToken()}`;
      return {
        query: `mutation ($i: CreateSpaceInput!) { createSpace(kind: WORKSHOP, input: $i) { id } }`,
        variables: { i: { sectorSlug: 'iae', title, goal: 'Préparer des CV' } },
        probe: () => q('SELECT kind, sector_id::text FROM participatory_space WHERE title = $1', [title]),
        check: (_res, _before, after) => expect(after).toEqual([{ kind: 'WORKSHOP', sector_id: iaeSectorId }]),
      };
    },
  },

  createSteeringMeeting: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'SteeringMeeting:CREATE' },
    async setup() {
      const title = `Comité ${uniqueToken()}`;
      return {
        // An old date: plan.spec expects its own meeting to be the most recent one.
        query: `mutation ($t: String!) { createSteeringMeeting(input: { heldOn: "2019-03-14", title: $t,
          decisions: [{ text: "Relancer les ateliers", actionNumber: 14 }] }) { decisions { status } } }`,
        variables: { t: title },
        probe: () =>
          q(
            `SELECT d.text FROM steering_meeting m JOIN steering_decision d ON d.meeting_id = m.id WHERE m.title = $1 ORDER BY d.id`,
            [title],
          ),
        check: (_res, _before, after) => expect(after).toEqual([{ text: 'Relancer les ateliers' }]),
      };
    },
  },

  createStructure: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Structure:CREATE' },
    async setup() {
      const name = `Nouvelle ${uniqueToken()}`;
      return {
        query: `mutation ($i: CreateStructureInput!) { createStructure(input: $i) { status } }`,
        variables: { i: { name, legalCategory: '9220', communeCode: '59392' } },
        probe: () => q('SELECT status, commune_code FROM structure WHERE name = $1', [name]),
        check: (_res, _before, after) => expect(after).toEqual([{ status: 'DRAFT', commune_code: '59392' }]),
      };
    },
  },

  erasePerson: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:ERASE_PERSONAL_DATA' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($id: ID!) { erasePerson(id: $id) { lastName } }`,
        variables: { id: toGlobal('Person', p.id) },
        probe: () =>
          one('SELECT last_name, email, is_public, anonymised_at IS NOT NULL AS erased FROM person WHERE id = $1', [p.id]),
        check: (_res, _before, after) => expect(after).toEqual({ last_name: null, email: null, is_public: false, erased: true }),
        entityId: p.id,
      };
    },
  },

  importReferenceFigures: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'ReferenceFigure:IMPORT_REFERENCE_FIGURES' },
    async setup() {
      const code = uniqueToken('zone');
      return {
        query: `mutation ($csv: String!) { importReferenceFigures(csv: $csv) { imported errors { message } } }`,
        variables: {
          csv: `territory_type;territory_code;territory_name;indicator;year;value;source\nZONE;${code};Zone de test;ESS_EMPLOYEES;2020;1234;Essai\n`,
        },
        probe: () => q('SELECT indicator, year, value::float8 AS value FROM reference_figure WHERE territory_code = $1', [code]),
        check: (res, _before, after) => {
          expect(res.data!.importReferenceFigures).toEqual({ imported: 1, errors: [] });
          expect(after).toEqual([{ indicator: 'ESS_EMPLOYEES', year: 2020, value: 1234 }]);
        },
      };
    },
  },

  importStructures: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Structure:IMPORT_CREATE' },
    async setup() {
      const name = `Importée ${uniqueToken()}`;
      return {
        query: `mutation ($csv: String!) { importStructures(csv: $csv, commit: true) { committed created } }`,
        variables: { csv: `nom;code_commune\n${name};59392\n` },
        probe: () => q('SELECT status FROM structure WHERE name = $1', [name]),
        check: (res, _before, after) => {
          expect(res.data!.importStructures).toEqual({ committed: true, created: 1 });
          expect(after).toEqual([{ status: 'DRAFT' }]);
        },
      };
    },
  },

  login: {
    public: 'the password; failures are rate-limited per e-mail and per IP, and repeated failures lock the account',
    audit: { none: 'authentication, not a graph edit: every attempt is kept in login_attempt (rate limits, lockout)' },
    async setup() {
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      return {
        query: `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { email } }`,
        variables: { e: a.email, p: a.password },
        probe: () => one('SELECT count(*)::int AS sessions FROM session WHERE account_id = $1', [a.id]),
        check: (res, _before, after) => {
          expect(res.data!.login).toEqual({ email: a.email });
          expect(res.cookies.join()).toMatch(/essor_session=[A-Za-z0-9_-]{40,};/);
          expect(after).toEqual({ sessions: 1 });
        },
      };
    },
    async abuse() {
      // Failures seeded from another address, so the shared per-IP budget of 127.0.0.1 is not spent.
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      await q(`INSERT INTO login_attempt (email, ip, succeeded) SELECT $1, '192.0.2.1'::inet, false FROM generate_series(1, 5)`, [
        a.email,
      ]);
      const res = await t.gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
        e: a.email,
        p: a.password,
      });
      expect(res.errors![0].extensions!.code).toBe('RATE_LIMITED');
      expect(res.cookies).toEqual([]);
    },
  },

  logout: {
    public: 'it only ends the session of the cookie it is sent with',
    audit: { none: 'ends a session: not a graph edit' },
    async setup() {
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      const cookie = await t.login(a.email, a.password);
      return {
        query: `mutation { logout }`,
        cookie,
        probe: () => one('SELECT count(*)::int AS sessions FROM session WHERE account_id = $1', [a.id]),
        check: (res, _before, after) => {
          expect(res.data!.logout).toBe(true);
          expect(res.cookies.join()).toMatch(/essor_session=;/);
          expect(after).toEqual({ sessions: 0 });
        },
      };
    },
    async abuse() {
      // Without a session there is nothing to end (and no error).
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      await t.login(a.email, a.password);
      const res = await t.gql(`mutation { logout }`);
      expect(res.data).toEqual({ logout: true });
      expect(await one('SELECT count(*)::int AS n FROM session WHERE account_id = $1', [a.id])).toEqual({ n: 1 });
    },
  },

  moveCarrierProjectStage: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:MOVE_STAGE' },
    async setup() {
      const p = await carrierProject();
      return {
        query: `mutation ($id: ID!) { moveCarrierProjectStage(id: $id, version: 1, input: { stage: DIAGNOSIS }) { stage } }`,
        variables: { id: p.id },
        probe: () =>
          one(
            `SELECT stage, version, ARRAY(SELECT to_stage FROM carrier_project_stage_change WHERE project_id = $1 ORDER BY id) AS history
             FROM carrier_project WHERE id = $1`,
            [p.rowId],
          ),
        check: (_res, _before, after) =>
          expect(after).toEqual({ stage: 'DIAGNOSIS', version: 2, history: ['RECEIVED', 'DIAGNOSIS'] }),
        entityId: p.rowId,
      };
    },
  },

  proposeStructure: {
    public: 'validated input, stored as a pending submission that the mission moderates; rate-limited per IP',
    audit: { none: NOT_A_GRAPH_EDIT_PROPOSAL },
    async setup() {
      const submitterEmail = `${uniqueToken('porteur')}@exemple.org`;
      const name = `Recyclerie ${uniqueToken()}`;
      return {
        query: `mutation ($i: ProposeStructureInput!) { proposeStructure(input: $i) { kind status } }`,
        variables: { i: { name, communeCode: '59392', submitterEmail } },
        probe: () => q('SELECT kind, status FROM structure_submission WHERE submitter_email = $1', [submitterEmail]),
        check: async (res, _before, after) => {
          expect(res.data!.proposeStructure).toEqual({ kind: 'NEW', status: 'PENDING' });
          expect(after).toEqual([{ kind: 'NEW', status: 'PENDING' }]);
          expect(await one('SELECT count(*)::int AS n FROM structure WHERE name = $1', [name])).toEqual({ n: 0 });
        },
      };
    },
    async abuse() {
      const submitterEmail = `${uniqueToken('flot')}@exemple.org`;
      await spendRateLimit('198.51.100.60', RATE_LIMITS.submissionsPerIp.max, (headers) =>
        t.gql(
          `mutation ($i: ProposeStructureInput!) { proposeStructure(input: $i) { id } }`,
          { i: { name: `Flot ${uniqueToken()}`, communeCode: '59392', submitterEmail } },
          headers,
        ),
      );
      expect(
        await one('SELECT count(*)::int AS n FROM structure_submission WHERE submitter_email = $1', [submitterEmail]),
      ).toEqual({ n: RATE_LIMITS.submissionsPerIp.max });
    },
  },

  recordCarrierProjectOpinion: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:RECORD_OPINION' },
    async setup() {
      const p = await carrierProject();
      return {
        query: `mutation ($id: ID!) { recordCarrierProjectOpinion(id: $id, version: 1, input: { verdict: FAVORABLE, givenOn: "2026-10-02" }) { version } }`,
        variables: { id: p.id },
        probe: () => one('SELECT opinion, opinion_on, opinion_by::text, version FROM carrier_project WHERE id = $1', [p.rowId]),
        check: (_res, _before, after) =>
          expect(after).toEqual({ opinion: 'FAVORABLE', opinion_on: '2026-10-02', opinion_by: who[Role.ADMIN].id, version: 2 }),
        entityId: p.rowId,
      };
    },
  },

  recordConsent: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:RECORD_CONSENT' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($p: ID!) { recordConsent(personId: $p, scope: "contact-public", version: "2026-11") { scope } }`,
        variables: { p: toGlobal('Person', p.id) },
        probe: () => q('SELECT scope, version, withdrawn_at FROM consent WHERE person_id = $1', [p.id]),
        check: (_res, _before, after) =>
          expect(after).toEqual([{ scope: 'contact-public', version: '2026-11', withdrawn_at: null }]),
        entityId: p.id,
      };
    },
  },

  recordIndicatorValue: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'PlanIndicator:RECORD_VALUE' },
    async setup() {
      const value = randomInt(1, 1_000_000);
      const { id } = await one(`SELECT id::text FROM plan_indicator WHERE code = 'visites'`);
      return {
        query: `mutation ($v: Float!) { recordIndicatorValue(code: "visites", measuredOn: "2026-09-30", value: $v, note: "essai") }`,
        variables: { v: value },
        probe: () =>
          q(
            `SELECT value::float8 AS value, source FROM plan_indicator_value WHERE indicator_id = $1 AND measured_on = '2026-09-30'`,
            [id],
          ),
        check: (_res, _before, after) => expect(after).toEqual([{ value, source: 'MANUAL' }]),
        entityId: id,
      };
    },
  },

  refreshObservatory: {
    allowedAs: Role.ADMIN,
    audit: {
      none: 'recomputes derived figures (the observatory snapshot of a year) from the graph; each run is kept in observatory_snapshot_run',
    },
    async setup() {
      // A past year of its own: the default (this year) is refreshed by other test files at the same time.
      return {
        query: `mutation { refreshObservatory(year: 2019) }`,
        probe: () => q('SELECT computed_at FROM observatory_snapshot_run WHERE year = 2019'),
        check: (res, _before, after) => {
          expect(res.data!.refreshObservatory).toBeGreaterThan(0);
          expect(after).toHaveLength(1);
        },
      };
    },
  },

  rejectSubmission: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'StructureSubmission:REJECT' },
    async setup() {
      const sub = await pendingCorrection();
      return {
        query: `mutation ($id: ID!) { rejectSubmission(id: $id, reason: "Numéro inexact") { status } }`,
        variables: { id: sub.id },
        probe: () =>
          one(
            `SELECT sub.status, sub.reject_reason, s.phone, s.version FROM structure_submission sub
             JOIN structure s ON s.id = sub.structure_id WHERE sub.id = $1`,
            [sub.rowId],
          ),
        check: (_res, before, after) =>
          expect(after).toEqual({
            status: 'REJECTED',
            reject_reason: 'Numéro inexact',
            phone: before.phone,
            version: before.version,
          }),
        entityId: sub.rowId,
      };
    },
  },

  removeNetworkMember: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Network:REMOVE_MEMBER' },
    async setup() {
      const n = await createNetwork(t.ds);
      const s = await createStructure(t.ds);
      await addToNetwork(t.ds, s.id, n.id);
      return {
        query: `mutation ($n: ID!, $s: ID!) { removeNetworkMember(networkId: $n, structureId: $s) { changed member } }`,
        variables: { n: toGlobal('Network', n.id), s: toGlobal('Structure', s.id) },
        probe: () => q('SELECT structure_id::text FROM network_membership WHERE network_id = $1', [n.id]),
        check: (res, _before, after) => {
          expect(res.data!.removeNetworkMember).toEqual({ changed: true, member: false });
          expect(after).toEqual([]);
        },
        entityId: n.id,
      };
    },
  },

  removeSpaceItem: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:REMOVE_DELIVERABLE' },
    async setup() {
      const w = await workshop();
      await asAdmin(`mutation ($id: ID!) { addSpaceDeliverable(spaceId: $id, input: { title: "À retirer" }) { id } }`, {
        id: w.id,
      });
      const { id } = await one('SELECT id::text FROM space_deliverable WHERE space_id = $1', [w.rowId]);
      return {
        query: `mutation ($s: ID!, $d: ID!) { removeSpaceItem(spaceId: $s, item: deliverable, itemId: $d) { id } }`,
        variables: { s: w.id, d: id },
        probe: () => q('SELECT title FROM space_deliverable WHERE id = $1', [id]),
        check: (_res, _before, after) => expect(after).toEqual([]),
        entityId: w.rowId,
      };
    },
  },

  requestPasswordReset: {
    public:
      'always answers true, for unknown e-mails too; the link goes only to the mailbox of the account; ' +
      'rate-limited per e-mail and per IP',
    audit: { none: 'only mails a single-use link; the password change itself is audited by resetPassword' },
    async setup() {
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      return {
        query: `mutation ($e: String!) { requestPasswordReset(email: $e) }`,
        variables: { e: a.email },
        probe: () =>
          one(
            `SELECT (SELECT count(*)::int FROM password_reset WHERE account_id = $1) AS tokens,
                    (SELECT count(*)::int FROM mail_outbox WHERE recipient = $2) AS mails`,
            [a.id, a.email],
          ),
        check: async (res, _before, after) => {
          expect(res.data!.requestPasswordReset).toBe(true);
          // Queued: the single-use token is created when the mail is sent (helpers/mail.ts, mail.spec).
          expect(after).toEqual({ tokens: 0, mails: 1 });
          expect(await one('SELECT template, params, body FROM mail_outbox WHERE recipient = $1', [a.email])).toEqual({
            template: 'password-reset',
            params: { accountId: a.id, url: expect.stringMatching(/\/admin\/mot-de-passe$/) },
            body: null,
          });
        },
      };
    },
    async abuse() {
      const ghost = `${uniqueToken()}@exemple.org`;
      const res = await t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: ghost });
      expect(res.data).toEqual({ requestPasswordReset: true });
      expect(await one('SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = $1', [ghost])).toEqual({ n: 0 });
      // Per e-mail (whatever the address it comes from), then per IP.
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      const { max } = RATE_LIMITS.passwordResetPerEmail;
      const request = (ip: string) =>
        t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email }, { 'x-forwarded-for': ip });
      for (let i = 0; i < max; i++) expect((await request(`198.51.100.${80 + i}`)).errors).toBeUndefined();
      const limited = await request('198.51.100.70');
      expect(limited.errors![0].extensions!.code).toBe('RATE_LIMITED');
      expect(await one('SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = $1', [a.email])).toEqual({ n: max });
      await spendRateLimit('198.51.100.71', RATE_LIMITS.passwordResetPerIp.max, (headers) =>
        t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: `${uniqueToken()}@exemple.org` }, headers),
      );
    },
  },

  resetPassword: {
    public: 'a single-use, expiring token received by mail',
    audit: { entry: 'Account:PASSWORD_RESET' },
    async setup() {
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      const token = uniqueToken('jeton');
      await q(`INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
        createHash('sha256').update(token).digest(),
        a.id,
      ]);
      return {
        query: `mutation ($t: String!) { resetPassword(token: $t, password: "un nouveau mot de passe solide") }`,
        variables: { t: token },
        probe: () => one('SELECT password_hash, version FROM account WHERE id = $1', [a.id]),
        check: async (res, before, after) => {
          expect(res.data!.resetPassword).toBe(true);
          expect(after.version).toBe(before.version + 1);
          expect(await t.login(a.email, 'un nouveau mot de passe solide')).toMatch(/essor_session=/);
        },
        entityId: a.id,
      };
    },
    async abuse() {
      const res = await t.gql(`mutation { resetPassword(token: "pas-un-jeton", password: "un nouveau mot de passe solide") }`);
      expect(res.errors![0].extensions!.code).toBe('INVALID_TOKEN');
    },
  },

  restoreCarrierProject: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:RESTORE' },
    async setup() {
      const p = await carrierProject({ archived: true });
      return {
        query: `mutation ($id: ID!) { restoreCarrierProject(id: $id, version: 1) { archived } }`,
        variables: { id: p.id },
        probe: () => one('SELECT archived, version FROM carrier_project WHERE id = $1', [p.rowId]),
        check: (_res, _before, after) => expect(after).toEqual({ archived: false, version: 2 }),
        entityId: p.rowId,
      };
    },
  },

  restoreNetwork: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Network:RESTORE' },
    async setup() {
      const n = await createNetwork(t.ds);
      await q(`UPDATE network SET status = 'ARCHIVED' WHERE id = $1`, [n.id]);
      return {
        query: `mutation ($id: ID!) { restoreNetwork(id: $id, version: 1) { status version } }`,
        variables: { id: toGlobal('Network', n.id) },
        probe: () => one('SELECT status, version FROM network WHERE id = $1', [n.id]),
        check: (res, _before, after) => {
          expect(res.data!.restoreNetwork).toEqual({ status: 'ACTIVE', version: 2 });
          expect(after).toEqual({ status: 'ACTIVE', version: 2 });
        },
        entityId: n.id,
      };
    },
  },

  restorePerson: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:RESTORE' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      await q(`UPDATE person SET status = 'ARCHIVED' WHERE id = $1`, [p.id]);
      return {
        query: `mutation ($id: ID!) { restorePerson(id: $id, version: 1) { status version } }`,
        variables: { id: toGlobal('Person', p.id) },
        probe: () => one('SELECT status, version FROM person WHERE id = $1', [p.id]),
        check: (res, _before, after) => {
          expect(res.data!.restorePerson).toEqual({ status: 'ACTIVE', version: 2 });
          expect(after).toEqual({ status: 'ACTIVE', version: 2 });
        },
        entityId: p.id,
      };
    },
  },

  restoreSector: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Sector:RESTORE' },
    async setup() {
      const s = await createSector(t.ds);
      await q(`UPDATE sector SET status = 'ARCHIVED' WHERE id = $1`, [s.id]);
      return {
        query: `mutation ($id: ID!) { restoreSector(id: $id, version: 1) { status version } }`,
        variables: { id: toGlobal('Sector', s.id) },
        probe: () => one('SELECT status, version FROM sector WHERE id = $1', [s.id]),
        check: (res, _before, after) => {
          expect(res.data!.restoreSector).toEqual({ status: 'ACTIVE', version: 2 });
          expect(after).toEqual({ status: 'ACTIVE', version: 2 });
        },
        entityId: s.id,
      };
    },
  },

  runRetention: {
    allowedAs: Role.ADMIN,
    audit: {
      each: 'Person:RETENTION_ANONYMISE',
      because:
        'one entry per anonymised person, by the admin who started the job and tied to the request ' +
        '(the scheduled job writes them as « retention »: gdpr.spec)',
    },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation { runRetention }`,
        probe: () => one('SELECT last_name FROM person WHERE id = $1', [p.id]),
        entityId: p.id,
        // Made due only now: gdpr.spec runs the retention job too, and would anonymise it during the refused calls.
        beforeAllowed: () => q(`UPDATE person SET last_contact_at = now() - interval '800 days' WHERE id = $1`, [p.id]),
        check: async (res, _before, after) => {
          expect(res.data!.runRetention).toBeGreaterThanOrEqual(0);
          expect(after).toEqual({ last_name: null });
          const trail = await q(
            `SELECT actor, action, account_id::text FROM audit_log WHERE entity_type = 'Person' AND entity_id = $1`,
            [p.id],
          );
          expect(trail).toEqual([
            { actor: who[Role.ADMIN].email, action: 'RETENTION_ANONYMISE', account_id: who[Role.ADMIN].id },
          ]);
        },
      };
    },
  },

  runJobNow: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Job:RUN_NOW' },
    async setup() {
      // A job no test file runs a worker for: the queued run stays for the probe (jobs.spec runs one).
      return {
        query: `mutation { runJobNow(name: "retention") { name manual } }`,
        probe: () =>
          one(
            `SELECT count(*)::int AS waiting, max(revision) AS revision, max(queue_name) AS queue
             FROM graphile_worker.jobs WHERE key = 'manual:retention'`,
          ),
        check: (res, _before, after) => {
          expect(res.data!.runJobNow).toEqual({ name: 'retention', manual: true });
          expect(after).toMatchObject({ waiting: 1, queue: 'retention' });
        },
        entityId: 'retention',
      };
    },
  },

  setCarrierProjectMentorship: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:SET_MENTORSHIP' },
    async setup() {
      const p = await carrierProject({ stage: 'SUPPORTED' });
      const offer = await createMentorOffer(t.ds);
      return {
        query: `mutation ($id: ID!, $o: ID!) { setCarrierProjectMentorship(id: $id, version: 1, mentorship: { mentorOfferId: $o, startsOn: "2026-10-05" }) { mentorship { active } } }`,
        variables: { id: p.id, o: toGlobal('MentorOffer', offer.id) },
        probe: () =>
          one(
            'SELECT mentor_offer_id::text, mentorship_starts_on, mentorship_ends_on, version FROM carrier_project WHERE id = $1',
            [p.rowId],
          ),
        check: (_res, _before, after) =>
          expect(after).toEqual({
            mentor_offer_id: offer.id,
            mentorship_starts_on: '2026-10-05',
            mentorship_ends_on: null,
            version: 2,
          }),
        entityId: p.rowId,
      };
    },
  },

  setPlanMilestoneDone: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'PlanAction:MILESTONE_DONE' },
    async setup() {
      const actionId = await planActionId(11);
      const { id } = await one(`INSERT INTO plan_milestone (action_id, title) VALUES ($1, $2) RETURNING id::text`, [
        actionId,
        `Jalon ${uniqueToken()}`,
      ]);
      return {
        query: `mutation ($id: ID!) { setPlanMilestoneDone(id: $id, doneOn: "2027-01-31") }`,
        variables: { id },
        probe: () => one(`SELECT to_char(done_on, 'YYYY-MM-DD') AS done_on FROM plan_milestone WHERE id = $1`, [id]),
        check: (_res, _before, after) => expect(after).toEqual({ done_on: '2027-01-31' }),
        entityId: actionId,
      };
    },
  },

  setSectorFacilitators: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Sector:SET_FACILITATORS' },
    async setup() {
      const s = await createSector(t.ds);
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($id: ID!, $p: [ID!]!) { setSectorFacilitators(id: $id, version: 1, personIds: $p) { version } }`,
        variables: { id: toGlobal('Sector', s.id), p: [toGlobal('Person', p.id)] },
        probe: () =>
          one(
            `SELECT version, ARRAY(SELECT person_id::text FROM sector_facilitator WHERE sector_id = $1) AS persons
             FROM sector WHERE id = $1`,
            [s.id],
          ),
        check: (res, _before, after) => {
          expect(res.data!.setSectorFacilitators).toEqual({ version: 2 });
          expect(after).toEqual({ version: 2, persons: [p.id] });
        },
        entityId: s.id,
      };
    },
  },

  setStructureNetworks: {
    allowedAs: Role.STRUCTURE_EDITOR,
    audit: { entry: 'Structure:SET_NETWORKS' },
    async setup() {
      const s = await structure();
      const n = await createNetwork(t.ds);
      return {
        query: `mutation ($id: ID!, $c: [String!]!) { setStructureNetworks(id: $id, codes: $c) { networks { slug } } }`,
        variables: { id: toGlobal('Structure', s.id), c: [n.slug] },
        probe: () => q('SELECT network_id::text FROM network_membership WHERE structure_id = $1', [s.id]),
        check: (res, _before, after) => {
          expect(res.data!.setStructureNetworks.networks).toEqual([{ slug: n.slug }]);
          expect(after).toEqual([{ network_id: n.id }]);
        },
        entityId: s.id,
      };
    },
  },

  setStructureSectors: {
    allowedAs: Role.STRUCTURE_EDITOR,
    audit: { entry: 'Structure:SET_SECTORS' },
    async setup() {
      const s = await structure();
      const sector = await createSector(t.ds);
      return {
        query: `mutation ($id: ID!, $c: [String!]!) { setStructureSectors(id: $id, codes: $c) { sectors { slug } } }`,
        variables: { id: toGlobal('Structure', s.id), c: [sector.slug] },
        probe: () => q('SELECT sector_id::text FROM structure_sector WHERE structure_id = $1', [s.id]),
        check: (res, _before, after) => {
          expect(res.data!.setStructureSectors.sectors).toEqual([{ slug: sector.slug }]);
          expect(after).toEqual([{ sector_id: sector.id }]);
        },
        entityId: s.id,
      };
    },
  },

  suggestCorrection: {
    public: 'validated input, on published structures only, moderated before anything changes; rate-limited per IP',
    audit: { none: NOT_A_GRAPH_EDIT_PROPOSAL },
    async setup() {
      const s = await structure();
      const submitterEmail = `${uniqueToken('voisin')}@exemple.org`;
      return {
        query: `mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { kind status } }`,
        variables: {
          i: { structureId: toGlobal('Structure', s.id), phone: '03 27 99 88 77', message: 'Le numéro a changé', submitterEmail },
        },
        probe: () => q('SELECT kind, status FROM structure_submission WHERE submitter_email = $1', [submitterEmail]),
        check: async (_res, _before, after) => {
          expect(after).toEqual([{ kind: 'CORRECTION', status: 'PENDING' }]);
          expect(await one('SELECT phone, version FROM structure WHERE id = $1', [s.id])).toEqual({ phone: null, version: 1 });
        },
      };
    },
    async abuse() {
      const draft = await createStructure(t.ds, { status: 'DRAFT' });
      const res = await t.gql(`mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`, {
        i: { structureId: toGlobal('Structure', draft.id), message: 'Brouillon', submitterEmail: 'x@exemple.org' },
      });
      expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
      const s = await createStructure(t.ds);
      await spendRateLimit('198.51.100.61', RATE_LIMITS.submissionsPerIp.max, (headers) =>
        t.gql(
          `mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`,
          { i: { structureId: toGlobal('Structure', s.id), message: 'Encore', submitterEmail: 'x@exemple.org' } },
          headers,
        ),
      );
      expect(await one('SELECT count(*)::int AS n FROM structure_submission WHERE structure_id = $1', [s.id])).toEqual({
        n: RATE_LIMITS.submissionsPerIp.max,
      });
    },
  },

  updateAccount: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Account:UPDATE' },
    async setup() {
      const a = await createAccount(t.ds, { roles: [Role.STEERING] });
      return {
        // Fields and scopes at once: still one entry.
        query: `mutation ($id: ID!, $i: UpdateAccountInput!) { updateAccount(id: $id, version: 1, input: $i) { displayName roles version } }`,
        variables: {
          id: toGlobal('Account', a.id),
          i: { displayName: 'Nouveau nom', roles: ['STEERING', 'PARTNER'], sectorSlugs: ['iae'] },
        },
        probe: () =>
          one(
            `SELECT display_name, roles, version,
               ARRAY(SELECT sector_id::text FROM account_sector WHERE account_id = $1) AS sectors FROM account WHERE id = $1`,
            [a.id],
          ),
        check: (res, _before, after) => {
          expect(res.data!.updateAccount).toEqual({ displayName: 'Nouveau nom', roles: ['STEERING', 'PARTNER'], version: 2 });
          expect(after).toEqual({
            display_name: 'Nouveau nom',
            roles: ['STEERING', 'PARTNER'],
            version: 2,
            sectors: [iaeSectorId],
          });
        },
        entityId: a.id,
      };
    },
  },

  updateCarrierProject: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:UPDATE' },
    async setup() {
      const p = await carrierProject();
      return {
        query: `mutation ($id: ID!) { updateCarrierProject(id: $id, version: 1, input: { title: "Atelier vélo solidaire" }) { title } }`,
        variables: { id: p.id },
        probe: () => one('SELECT title, version FROM carrier_project WHERE id = $1', [p.rowId]),
        check: (_res, _before, after) => expect(after).toEqual({ title: 'Atelier vélo solidaire', version: 2 }),
        entityId: p.rowId,
      };
    },
  },

  updateCarrierProjectReferral: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'CarrierProject:UPDATE_REFERRAL' },
    async setup() {
      const p = await carrierProject({ stage: 'REFERRED' });
      const s = await createStructure(t.ds);
      const { id: referralId } = await one(
        `INSERT INTO carrier_project_referral (project_id, structure_id, referred_on) VALUES ($1, $2, '2026-09-15') RETURNING id::text`,
        [p.rowId, s.id],
      );
      return {
        query: `mutation ($id: ID!, $r: ID!) { updateCarrierProjectReferral(id: $id, version: 1, referralId: $r, input: { status: ACCEPTED }) { version } }`,
        variables: { id: p.id, r: referralId },
        probe: () =>
          one(
            `SELECT r.status, p.version FROM carrier_project_referral r JOIN carrier_project p ON p.id = r.project_id WHERE r.id = $1`,
            [referralId],
          ),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'ACCEPTED', version: 2 }),
        entityId: p.rowId,
      };
    },
  },

  updateMentorOffer: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'MentorOffer:UPDATE' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      const { id } = await one(
        `INSERT INTO mentor_offer (mentor_id, title, themes) VALUES ($1, 'Gouvernance', ARRAY['GOVERNANCE']) RETURNING id::text`,
        [p.id],
      );
      return {
        query: `mutation ($id: ID!) { updateMentorOffer(id: $id, version: 1, input: { status: FULL }) { status } }`,
        variables: { id: toGlobal('MentorOffer', id) },
        probe: () => one('SELECT status, version FROM mentor_offer WHERE id = $1', [id]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'FULL', version: 2 }),
        entityId: id,
      };
    },
  },

  updateNetwork: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Network:UPDATE' },
    async setup() {
      const n = await createNetwork(t.ds);
      return {
        query: `mutation ($id: ID!) { updateNetwork(id: $id, version: 1, input: { acronym: "RR" }) { acronym } }`,
        variables: { id: toGlobal('Network', n.id) },
        probe: () => one('SELECT acronym, version FROM network WHERE id = $1', [n.id]),
        check: (_res, _before, after) => expect(after).toEqual({ acronym: 'RR', version: 2 }),
        entityId: n.id,
      };
    },
  },

  updatePerson: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:UPDATE' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      return {
        query: `mutation ($id: ID!) { updatePerson(id: $id, version: 1, input: { jobTitle: "Coordinatrice" }) { jobTitle } }`,
        variables: { id: toGlobal('Person', p.id) },
        probe: () => one('SELECT job_title, version FROM person WHERE id = $1', [p.id]),
        check: (_res, _before, after) => expect(after).toEqual({ job_title: 'Coordinatrice', version: 2 }),
        entityId: p.id,
      };
    },
  },

  updatePlanAction: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'PlanAction:UPDATE' },
    async setup() {
      // Action 12 is only edited here (plan.spec edits action 4).
      const current = await one('SELECT id::text, status, version FROM plan_action WHERE number = 12');
      const status = current.status === 'AT_RISK' ? 'ON_TRACK' : 'AT_RISK';
      return {
        query: `mutation ($v: Int!, $s: String!) { updatePlanAction(number: 12, version: $v, status: $s, owner: "Mission") { status version } }`,
        variables: { v: current.version, s: status },
        probe: () => one('SELECT status, owner, version FROM plan_action WHERE number = 12'),
        check: (_res, before, after) => expect(after).toEqual({ status, owner: 'Mission', version: before.version + 1 }),
        entityId: current.id,
      };
    },
  },

  updateSector: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Sector:UPDATE' },
    async setup() {
      const s = await createSector(t.ds);
      return {
        query: `mutation ($id: ID!) { updateSector(id: $id, version: 1, input: { description: "Réemploi" }) { version } }`,
        variables: { id: toGlobal('Sector', s.id) },
        probe: () => one('SELECT description, version FROM sector WHERE id = $1', [s.id]),
        check: (_res, _before, after) => expect(after).toEqual({ description: 'Réemploi', version: 2 }),
        entityId: s.id,
      };
    },
  },

  updateSpace: {
    allowedAs: Role.FACILITATOR,
    audit: { entry: 'ParticipatorySpace:UPDATE' },
    async setup() {
      const w = await workshop();
      return {
        query: `mutation ($id: ID!) { updateSpace(id: $id, version: 1, input: { status: ACTIVE }) { version } }`,
        variables: { id: w.id },
        probe: () => one('SELECT status, version FROM participatory_space WHERE id = $1', [w.rowId]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'ACTIVE', version: 2 }),
        entityId: w.rowId,
      };
    },
  },

  updateSteeringDecision: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'SteeringDecision:UPDATE' },
    async setup() {
      const { id: meetingId } = await one(
        `INSERT INTO steering_meeting (held_on, title) VALUES ('2019-01-10', $1) RETURNING id::text`,
        [`Comité ${uniqueToken()}`],
      );
      const { id } = await one(
        `INSERT INTO steering_decision (meeting_id, text) VALUES ($1, 'Publier le panorama') RETURNING id::text`,
        [meetingId],
      );
      return {
        query: `mutation ($id: ID!) { updateSteeringDecision(id: $id, status: "DONE", followUp: "Publié") }`,
        variables: { id },
        probe: () => one('SELECT status, follow_up FROM steering_decision WHERE id = $1', [id]),
        check: (_res, _before, after) => expect(after).toEqual({ status: 'DONE', follow_up: 'Publié' }),
        entityId: id,
      };
    },
  },

  updateStructure: {
    allowedAs: Role.STRUCTURE_EDITOR,
    audit: { entry: 'Structure:UPDATE' },
    async setup() {
      const s = await structure();
      return {
        query: `mutation ($id: ID!) { updateStructure(id: $id, version: 1, input: { phone: "03 27 00 00 09" }) { phone version } }`,
        variables: { id: toGlobal('Structure', s.id) },
        probe: () => one('SELECT phone, version FROM structure WHERE id = $1', [s.id]),
        check: (_res, _before, after) => expect(after).toEqual({ phone: '03 27 00 00 09', version: 2 }),
        entityId: s.id,
      };
    },
  },

  withdrawConsent: {
    allowedAs: Role.ADMIN,
    audit: { entry: 'Person:WITHDRAW_CONSENT' },
    async setup() {
      const p = await createPerson(t.ds, { isPublic: false });
      const { id } = await one(
        `INSERT INTO consent (person_id, scope, version) VALUES ($1, 'contact-public', '2026-11') RETURNING id::text`,
        [p.id],
      );
      return {
        query: `mutation ($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }`,
        variables: { id },
        probe: () => one('SELECT withdrawn_at IS NOT NULL AS withdrawn FROM consent WHERE id = $1', [id]),
        check: (_res, _before, after) => expect(after).toEqual({ withdrawn: true }),
        entityId: p.id,
      };
    },
  },
};

// ------------------------------------------------------------------------------------------------ the runs

/** Sends the fixture's operation with its own request id, so its audit entries can be found. */
async function send(fx: Fixture, cookie: string | undefined) {
  const requestId = `mutation-access-${randomUUID()}`;
  const res = await t.gql(fx.query, fx.variables ?? {}, { 'x-request-id': requestId, ...(cookie ? { cookie } : {}) });
  const audit = (): Promise<Array<{ entry: string; entity_id: string; account_id: string | null }>> =>
    q(
      `SELECT entity_type || ':' || action AS entry, entity_id, account_id::text FROM audit_log WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
  return { res, audit };
}

/** The roles the schema does not allow (ADMIN may do everything), and an account without any role. */
const wrongRoles = (allowed: Role[]) => [...Object.values(Role).filter((r) => r !== Role.ADMIN && !allowed.includes(r)), NO_ROLE];

async function expectRefused(fx: Fixture, as: string, cookie: string | undefined, code: string, before: unknown) {
  const { res, audit } = await send(fx, cookie);
  // The label makes a failure say who got through.
  expect({ as, code: res.errors?.[0]?.extensions?.code, data: res.data ?? null }).toEqual({ as, code, data: null });
  expect({ as, state: await fx.probe() }).toEqual({ as, state: before });
  expect({ as, audit: await audit() }).toEqual({ as, audit: [] });
}

async function expectAudit(rule: AuditRule, fx: Fixture, sent: Awaited<ReturnType<typeof send>>, accountId: string | null) {
  const entries = await sent.audit();
  if ('none' in rule) {
    expect(entries).toEqual([]);
    return;
  }
  if ('each' in rule) {
    expect(entries.length).toBeGreaterThan(0);
    expect([...new Set(entries.map((e) => e.entry))]).toEqual([rule.each]);
  } else {
    expect(entries.map((e) => e.entry)).toEqual('entry' in rule ? [rule.entry] : rule.entries);
  }
  if (accountId) for (const e of entries) expect(e.account_id).toBe(accountId);
  if (fx.entityId) expect(entries.map((e) => e.entity_id)).toContain(fx.entityId);
}

function rootFields(query: string): string[] {
  const op = parse(query).definitions[0] as OperationDefinitionNode;
  expect(op.operation).toBe('mutation');
  return op.selectionSet.selections.map((s) => (s as FieldNode).name.value);
}

describe('access matrix of the mutations', () => {
  it('has exactly one row per Mutation field of the schema', () => {
    expect(rules.size).toBeGreaterThan(40);
    expect(Object.keys(CASES).sort()).toEqual([...rules.keys()].sort());
  });

  it('matches the access rules of the schema (@Public, @Roles)', () => {
    const mismatches: string[] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const rule = rules.get(name);
      if (!rule) continue; // reported by the test above
      if ('public' in c) {
        if (!('public' in rule)) mismatches.push(`${name}: public in the table, guarded in the schema`);
      } else if (!('roles' in rule)) {
        mismatches.push(`${name}: guarded in the table, public in the schema`);
      } else {
        const leastPrivileged = rule.roles.filter((r) => r !== Role.ADMIN);
        const expected = leastPrivileged.length ? leastPrivileged : [Role.ADMIN];
        if (!expected.includes(c.allowedAs)) mismatches.push(`${name}: allowedAs ${c.allowedAs}, schema roles ${rule.roles}`);
      }
      if ('entries' in c.audit && (c.audit.entries.length < 2 || !c.audit.because.trim()))
        mismatches.push(`${name}: several audit entries need a reason`);
      if ('none' in c.audit && !c.audit.none.trim()) mismatches.push(`${name}: no audit entry needs a reason`);
      if ('each' in c.audit && !c.audit.because.trim()) mismatches.push(`${name}: one entry per changed row needs a reason`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(Object.keys(CASES).sort())('%s', async (name) => {
    const c = CASES[name];
    const fx = await c.setup();
    expect(rootFields(fx.query)).toEqual([name]);
    const before = await fx.probe();

    if ('public' in c) {
      await fx.beforeAllowed?.();
      const sent = await send(fx, fx.cookie);
      expect(sent.res.errors).toBeUndefined();
      const after = await fx.probe();
      expect(after).not.toEqual(before);
      await fx.check?.(sent.res, before, after);
      await expectAudit(c.audit, fx, sent, null);
      await c.abuse?.();
      return;
    }

    const rule = rules.get(name);
    if (!rule || !('roles' in rule)) throw new Error(`${name}: not guarded by @Roles in the schema`);
    await expectRefused(fx, 'anonymous', undefined, 'UNAUTHENTICATED', before);
    for (const role of wrongRoles(rule.roles)) await expectRefused(fx, role, who[role].cookie, 'FORBIDDEN', before);
    const outOfScope = OUT_OF_SCOPE[c.allowedAs];
    if (outOfScope) await expectRefused(fx, outOfScope, who[outOfScope].cookie, 'FORBIDDEN', before);

    await fx.beforeAllowed?.();
    const sent = await send(fx, who[c.allowedAs].cookie);
    expect(sent.res.errors).toBeUndefined();
    const after = await fx.probe();
    expect(after).not.toEqual(before);
    await fx.check?.(sent.res, before, after);
    await expectAudit(c.audit, fx, sent, who[c.allowedAs].id);
  });
});
