import { parse, type OperationDefinitionNode } from 'graphql';
import { cacheSecondsOf } from '../../src/common/cache/response-cache';
import { buildEssorSchema } from '../../src/schema';
import { createAccount, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ responseCache: true });
});
afterAll(async () => {
  // Entries are stored after the answer: let the last ones land before closing the pool.
  await new Promise((r) => setTimeout(r, 200));
  await t.close();
});

const STRUCTURE = `query ($id: ID!) { structure(id: $id) { id name } }`;

/** Sends a query until it is answered from the cache (entries land just after the answer). */
async function untilHit(query: string, variables: Record<string, unknown>) {
  for (let i = 0; i < 50; i++) {
    const res = await t.gql(query, variables);
    if (res.headers.get('x-essor-cache') === 'hit') return res;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never answered from the cache');
}

describe('which operations may be cached', () => {
  let schema: Awaited<ReturnType<typeof buildEssorSchema>>;
  beforeAll(async () => {
    schema = await buildEssorSchema();
  });
  const op = (src: string) => parse(src).definitions[0] as OperationDefinitionNode;

  it('public data queries: yes, for the shortest duration of their root fields', () => {
    expect(cacheSecondsOf(schema, op('{ searchStructures { totalCount } }'))).toBe(300);
    expect(cacheSecondsOf(schema, op('{ sectors { id } upcomingSessions { id } __typename }'))).toBe(60);
  });

  it('mutations, viewer-dependent fields, personal data and introspection: never', () => {
    expect(cacheSecondsOf(schema, op('mutation { logout }'))).toBe(0);
    expect(cacheSecondsOf(schema, op('{ sectors { id } viewer { id } }'))).toBe(0);
    expect(cacheSecondsOf(schema, op('{ persons { totalCount } }'))).toBe(0);
    expect(cacheSecondsOf(schema, op('{ __schema { queryType { name } } }'))).toBe(0);
    expect(cacheSecondsOf(schema, op('{ ... on Query { sectors { id } } }'))).toBe(0);
  });
});

describe('shared response cache', () => {
  it('answers a repeated anonymous query from PostgreSQL in one statement, with the same data', async () => {
    const s = await createStructure(t.ds, { name: `Cache ${uniqueToken('c')}` });
    const vars = { id: toGlobal('Structure', s.id) };
    const first = await t.gql(STRUCTURE, vars);
    expect(first.errors).toBeUndefined();
    expect(first.headers.get('x-essor-cache')).toBeNull();
    const hit = await untilHit(STRUCTURE, vars);
    expect(hit.data).toEqual(first.data);
    expect(hit.extensions?.sqlStatements).toBe(1);
  });

  it('any write to the data invalidates it at once', async () => {
    const s = await createStructure(t.ds, { name: `Avant ${uniqueToken('c')}` });
    const vars = { id: toGlobal('Structure', s.id) };
    await untilHit(STRUCTURE, vars);
    await t.ds.query(`UPDATE structure SET name = 'Après' WHERE id = $1`, [s.id]);
    const after = await t.gql(STRUCTURE, vars);
    expect(after.headers.get('x-essor-cache')).toBeNull();
    expect(after.data?.structure.name).toBe('Après');
    // a write to another table of public data counts too
    await untilHit(STRUCTURE, vars);
    await t.ds.query(`UPDATE sector SET description = description WHERE id = (SELECT min(id) FROM sector)`);
    expect((await t.gql(STRUCTURE, vars)).headers.get('x-essor-cache')).toBeNull();
  });

  it('variables are part of the key', async () => {
    const a = await createStructure(t.ds, { name: `A ${uniqueToken('c')}` });
    const b = await createStructure(t.ds, { name: `B ${uniqueToken('c')}` });
    await untilHit(STRUCTURE, { id: toGlobal('Structure', a.id) });
    const other = await t.gql(STRUCTURE, { id: toGlobal('Structure', b.id) });
    expect(other.data?.structure.name).toBe(b.name);
  });

  it('never for a logged-in viewer, nor for errors', async () => {
    const admin = await createAccount(t.ds, { roles: ['ADMIN'] });
    const cookie = await t.login(admin.email, admin.password);
    const s = await createStructure(t.ds, {});
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(STRUCTURE, { id: toGlobal('Structure', s.id) }, { cookie });
      expect(res.headers.get('x-essor-cache')).toBeNull();
    }
    const bad = `{ searchStructures(departement: "99") { totalCount } }`;
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(bad);
      expect(res.errors?.[0].extensions?.code).toBe('UNKNOWN_TERRITORY_CODE');
      expect(res.headers.get('x-essor-cache')).toBeNull();
    }
  });

  it('every table bumps the data version on writes, unless it is listed as holding no public data', async () => {
    const exempt = [
      'audit_log',
      // Carriers' projects: personal data of the mission, read by no public query.
      'carrier_project',
      'carrier_project_referral',
      'carrier_project_stage_change',
      'data_version',
      // Run history of the background jobs (modules/jobs).
      'job_run',
      'login_attempt',
      'mail_outbox',
      'migrations',
      'observatory_snapshot_run',
      'password_reset',
      'rate_limit_counter',
      'response_cache',
      'session',
      'sirene_import',
      'sirene_import_error',
      'sirene_stage_etablissement',
      'sirene_stage_unite',
    ];
    const rows: Array<{ table: string; versioned: boolean }> = await t.ds.query(
      `SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid
         AND g.tgfoid = 'essor_bump_data_version'::regproc) AS versioned
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(30);
    const unversioned = rows.filter((r) => !r.versioned).map((r) => r.table);
    expect(unversioned).toEqual(exempt);
  });
});
