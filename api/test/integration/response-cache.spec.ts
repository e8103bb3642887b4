import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  print,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import {
  cacheSecondsOf,
  lookUpEntry,
  purgeResponseCache,
  responseCacheKey,
  storeEntry,
} from '../../src/common/cache/response-cache';
import { createAppDataSource } from '../../src/data-source';
import { loadSqlMigrations } from '../../src/common/db/sql-migrations';
import { LIMIT_CODES } from '../../src/common/graphql/operation-limits';
import { loadRelationCatalogue, tablesOfStatement, type RelationCatalogue } from '../../src/common/cache/tables-read';
import { buildEssorSchema } from '../../src/schema';
import { createAccount, createPerson, createSector, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { createDatabase, dropDatabase } from '../helpers/databases';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  t = await startTestServer({ responseCache: true });
  schema = await buildEssorSchema();
});
afterAll(async () => {
  // Entries are stored after the answer: let the last ones land before closing the pool.
  await new Promise((r) => setTimeout(r, 200));
  await t.close();
});

const STRUCTURE = `query ($id: ID!) { structure(id: $id) { id name } }`;
const SEARCH = `query ($text: String) { searchStructures(text: $text, first: 5) { totalCount nodes { id name } } }`;
const SECTORS = `{ sectors { id name } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a query until it is answered from the cache (entries land just after the answer). */
async function untilHit(query: string, variables: Record<string, unknown> = {}) {
  for (let i = 0; i < 50; i++) {
    const res = await t.gql(query, variables);
    if (res.headers.get('x-essor-cache') === 'hit') return res;
    await sleep(20);
  }
  throw new Error('never answered from the cache');
}

const isHit = async (query: string, variables: Record<string, unknown> = {}) =>
  (await t.gql(query, variables)).headers.get('x-essor-cache') === 'hit';

/** The tables a stored entry depends on (anonymous operations: no operation name). */
async function tablesOfEntry(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  // Other test files write these tables and purge the cache (retention.spec) meanwhile: an entry
  // may be evicted and purged between the hit and this read; answer it again and retry.
  for (let i = 0; i < 10; i++) {
    const [row] = await t.ds.query('SELECT tables FROM response_cache WHERE key = $1', [
      responseCacheKey(query, null, variables),
    ]);
    if (row) return row.tables;
    await untilHit(query, variables);
  }
  throw new Error('no entry');
}

/**
 * Runs `fn` while no other connection may write these tables (SHARE lock, held by a transaction of
 * its own): the other test files run in parallel on the same database, and one of their writes
 * would evict the entries a test expects to stay. The lock is taken NOWAIT (tried again until free):
 * waiting while holding some of the locks could deadlock with another file's writer. `fn` must not
 * write these tables itself (it would wait for the lock).
 */
async function withoutOtherWrites<T>(tables: string[], fn: () => Promise<T>): Promise<T> {
  const qr = t.ds.createQueryRunner();
  await qr.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      await qr.query('BEGIN');
      try {
        await qr.query(`LOCK TABLE ${tables.map((n) => `"${n}"`).join(', ')} IN SHARE MODE NOWAIT`);
        break;
      } catch (e) {
        await qr.query('ROLLBACK');
        if ((e as { driverError?: { code?: string } }).driverError?.code !== '55P03' || attempt > 200) throw e;
        await sleep(25);
      }
    }
    return await fn();
  } finally {
    await qr.query('ROLLBACK').catch(() => {});
    await qr.release();
  }
}

describe('which operations may be cached', () => {
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
    const bad = `{ searchStructures(filter: { departement: "99" }) { totalCount } }`;
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(bad);
      expect(res.errors?.[0].extensions?.code).toBe('UNKNOWN_TERRITORY_CODE');
      expect(res.headers.get('x-essor-cache')).toBeNull();
    }
  });
});

describe('invalidation per table', () => {
  it('an entry records the tables its answer read; a write evicts the entries of its table at once, and only those', async () => {
    const s = await createStructure(t.ds, { name: `Avant ${uniqueToken('c')}` });
    const sector = await createSector(t.ds);
    const vars = { id: toGlobal('Structure', s.id) };
    await untilHit(STRUCTURE, vars);
    await untilHit(SECTORS);
    expect(await tablesOfEntry(STRUCTURE, vars)).toEqual(['structure']);
    expect(await tablesOfEntry(SECTORS)).toEqual(['sector']);

    await withoutOtherWrites(['sector'], async () => {
      await untilHit(SECTORS);
      await t.ds.query(`UPDATE structure SET name = 'Après' WHERE id = $1`, [s.id]);
      const after = await t.gql(STRUCTURE, vars);
      expect(after.headers.get('x-essor-cache')).toBeNull();
      expect(after.data?.structure.name).toBe('Après');
      // the sectors list read no structure table
      expect(await isHit(SECTORS)).toBe(true);
    });

    // and the other way round
    await withoutOtherWrites(['structure'], async () => {
      await untilHit(STRUCTURE, vars);
      await t.ds.query(`UPDATE sector SET description = 'Modifiée' WHERE id = $1`, [sector.id]);
      expect(await isHit(SECTORS)).toBe(false);
      expect(await isHit(STRUCTURE, vars)).toBe(true);
    });
  });

  it('as in production (no statement count in the answers), entries record their tables too', async () => {
    const ds = createAppDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
    await ds.initialize();
    const { app, stop } = await createApp({ ds, responseCache: true, exposeStatementCount: false });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const query = `{ sectors { id slug } }`;
      let cache: string | null = null;
      for (let i = 0; i < 50 && cache !== 'hit'; i++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        expect(((await res.json()) as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements).toBeUndefined();
        cache = res.headers.get('x-essor-cache');
        if (cache !== 'hit') await sleep(20);
      }
      expect(cache).toBe('hit');
      expect(await tablesOfEntry(query)).toEqual(['sector']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await ds.destroy();
    }
  });

  it('a login, successful or not, evicts no public answer', async () => {
    const account = await createAccount(t.ds, { roles: ['ADMIN'] });
    const s = await createStructure(t.ds, { name: `Connexion ${uniqueToken('c')}` });
    const page = { id: toGlobal('Structure', s.id) };
    const search = { text: s.name.split(' ')[1] };
    await untilHit(STRUCTURE, page);
    await untilHit(SEARCH, search);
    await untilHit(SECTORS);
    const tables = [
      ...new Set([
        ...(await tablesOfEntry(STRUCTURE, page)),
        ...(await tablesOfEntry(SEARCH, search)),
        ...(await tablesOfEntry(SECTORS)),
      ]),
    ];
    expect(tables).toEqual(expect.arrayContaining(['structure', 'sector']));
    expect(tables).not.toContain('account');

    await withoutOtherWrites(tables, async () => {
      for (const q of [
        [STRUCTURE, page],
        [SEARCH, search],
        [SECTORS, {}],
      ] as const)
        await untilHit(q[0], q[1]);
      const wrong = await t.gql(`mutation { login(email: "${account.email}", password: "pas le bon mot de passe") { id } }`);
      expect(wrong.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
      await t.login(account.email, account.password);
      expect(await isHit(STRUCTURE, page)).toBe(true);
      expect(await isHit(SEARCH, search)).toBe(true);
      expect(await isHit(SECTORS)).toBe(true);
    });
  });

  it('a public proposal or correction (the moderation queue) evicts no public answer', async () => {
    const s = await createStructure(t.ds, { name: `Proposition ${uniqueToken('c')}` });
    const page = { id: toGlobal('Structure', s.id) };
    const search = { text: s.name.split(' ')[1] };
    await untilHit(STRUCTURE, page);
    await untilHit(SEARCH, search);
    const tables = [...new Set([...(await tablesOfEntry(STRUCTURE, page)), ...(await tablesOfEntry(SEARCH, search))])];
    const from = { 'x-forwarded-for': '198.51.100.77' };

    await withoutOtherWrites(tables, async () => {
      await untilHit(STRUCTURE, page);
      await untilHit(SEARCH, search);
      const proposed = await t.gql(
        `mutation ($i: ProposeStructureInput!) { proposeStructure(input: $i) { status } }`,
        { i: { name: `Nouvelle ${uniqueToken()}`, communeCode: '59392', submitterEmail: 'porteuse@exemple.org' } },
        from,
      );
      expect(proposed.errors).toBeUndefined();
      const corrected = await t.gql(
        `mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { status } }`,
        {
          i: { structureId: page.id, phone: '03 27 00 00 09', message: 'Nouveau numéro', submitterEmail: 'porteuse@exemple.org' },
        },
        from,
      );
      expect(corrected.errors).toBeUndefined();
      expect(await isHit(STRUCTURE, page)).toBe(true);
      expect(await isHit(SEARCH, search)).toBe(true);
    });
  });

  it('updateStructure (ADMIN) evicts the searches and pages that show the structure; a sectors list stays a hit', async () => {
    const admin = await createAccount(t.ds, { roles: ['ADMIN'] });
    const cookie = await t.login(admin.email, admin.password);
    const token = uniqueToken('maj');
    const s = await createStructure(t.ds, { name: `Avant ${token}` });
    const page = { id: toGlobal('Structure', s.id) };
    const search = { text: token };
    const before = await untilHit(SEARCH, search);
    expect(before.data?.searchStructures.nodes).toEqual([{ id: page.id, name: `Avant ${token}` }]);
    await untilHit(STRUCTURE, page);

    await withoutOtherWrites(['sector'], async () => {
      await untilHit(SECTORS);
      const res = await t.gql(
        `mutation ($id: ID!, $i: StructurePatch!) { updateStructure(id: $id, version: 1, input: $i) { name } }`,
        { id: page.id, i: { name: `Après ${token}` } },
        { cookie },
      );
      expect(res.errors).toBeUndefined();
      const pageAfter = await t.gql(STRUCTURE, page);
      expect(pageAfter.headers.get('x-essor-cache')).toBeNull();
      expect(pageAfter.data?.structure.name).toBe(`Après ${token}`);
      const searchAfter = await t.gql(SEARCH, search);
      expect(searchAfter.headers.get('x-essor-cache')).toBeNull();
      expect(searchAfter.data?.searchStructures.nodes).toEqual([{ id: page.id, name: `Après ${token}` }]);
      expect(await isHit(SECTORS)).toBe(true);
    });
  });

  it('an answer computed while a write was in progress is not served once the write is committed', async () => {
    const s = await createStructure(t.ds, { name: `Avant ${uniqueToken('c')}` });
    const vars = { id: toGlobal('Structure', s.id) };
    const writer = t.ds.createQueryRunner();
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE structure SET name = 'Pendant' WHERE id = $1`, [s.id]);
      // a later transaction commits meanwhile: the reader's snapshot lists the writer as running
      await createStructure(t.ds);
      // computed and stored while the write is not committed: it shows the former name
      const during = await untilHit(STRUCTURE, vars);
      expect(during.data?.structure.name).toBe(s.name);
      await writer.query('COMMIT');
    } finally {
      await writer.release();
    }
    const after = await t.gql(STRUCTURE, vars);
    expect(after.headers.get('x-essor-cache')).toBeNull();
    expect(after.data?.structure.name).toBe('Pendant');
  });

  it('writers never wait for each other on the cache: other tables, or other rows of the same table', async () => {
    // rows of this test alone: no other file holds a lock on them
    const s = await createStructure(t.ds);
    const { id: a } = await createSector(t.ds);
    const { id: b } = await createSector(t.ds);
    const holder = t.ds.createQueryRunner();
    await holder.connect();
    /** One write in a transaction of its own, which gives up after 2 s of waiting for a lock. */
    const write = async (sql: string, params: unknown[]) => {
      const qr = t.ds.createQueryRunner();
      await qr.connect();
      const started = Date.now();
      try {
        await qr.query('BEGIN');
        await qr.query(`SET LOCAL lock_timeout = '2s'`);
        await qr.query(sql, params);
        await qr.query('COMMIT');
      } catch (e) {
        await qr.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        await qr.release();
      }
      return Date.now() - started;
    };
    try {
      await holder.query('BEGIN');
      // writes a table and keeps its transaction open
      await holder.query(`UPDATE sector SET description = description WHERE id = $1`, [a]);
      expect(await write(`UPDATE structure SET phone = '03 27 00 00 10' WHERE id = $1`, [s.id])).toBeLessThan(1500);
      expect(await write(`UPDATE sector SET description = description WHERE id = $1`, [b])).toBeLessThan(1500);
      await holder.query('COMMIT');
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.release();
    }
  });

  it('the purge drops expired and evicted entries and the notes of older writes; valid entries stay valid', async () => {
    const s = await createStructure(t.ds, { name: `Purge ${uniqueToken('c')}` });
    const sector = await createSector(t.ds);
    const vars = { id: toGlobal('Structure', s.id) };
    const expired = `{ regions { code } }`;
    await untilHit(expired);
    await t.ds.query(`UPDATE response_cache SET expires_at = now() - interval '1 second' WHERE key = $1`, [
      responseCacheKey(expired),
    ]);
    await untilHit(SECTORS);
    await withoutOtherWrites(['structure'], async () => {
      await untilHit(STRUCTURE, vars);
      await t.ds.query(`UPDATE sector SET description = 'Modifiée' WHERE id = $1`, [sector.id]);
      await purgeResponseCache(t.ds);
      const keys = (await t.ds.query('SELECT key FROM response_cache')).map((r: { key: string }) => r.key);
      expect(keys).toContain(responseCacheKey(STRUCTURE, null, vars));
      expect(keys).not.toContain(responseCacheKey(SECTORS));
      expect(keys).not.toContain(responseCacheKey(expired));
      const [{ older }] = await t.ds.query(
        `SELECT count(*)::int AS older FROM response_cache_write WHERE xid < (SELECT xid FROM response_cache_horizon)`,
      );
      expect(older).toBe(0);
      expect(await isHit(STRUCTURE, vars)).toBe(true);
    });
    // a write after the purge still evicts it
    await t.ds.query(`UPDATE structure SET name = 'Purgée' WHERE id = $1`, [s.id]);
    const after = await t.gql(STRUCTURE, vars);
    expect(after.headers.get('x-essor-cache')).toBeNull();
    expect(after.data?.structure.name).toBe('Purgée');
  });

  it('a GDPR erasure deletes the cached answers (they may quote the erased fields), not only evicts them', async () => {
    const admin = await createAccount(t.ds, { roles: ['ADMIN'] });
    const cookie = await t.login(admin.email, admin.password);
    const s = await createStructure(t.ds);
    const person = await createPerson(t.ds, { isPublic: true, structureId: s.id });
    const query = `query ($id: ID!) { structure(id: $id) { contacts { lastName } } }`;
    const vars = { id: toGlobal('Structure', s.id) };
    const cached = await untilHit(query, vars);
    expect(cached.data?.structure.contacts).toEqual([{ lastName: person.lastName }]);
    const erased = await t.gql(
      `mutation ($id: ID!) { erasePerson(id: $id) { id } }`,
      { id: toGlobal('Person', person.id) },
      { cookie },
    );
    expect(erased.errors).toBeUndefined();
    expect(await t.ds.query('SELECT key FROM response_cache WHERE key = $1', [responseCacheKey(query, null, vars)])).toEqual([]);
    const after = await t.gql(query, vars);
    expect(after.headers.get('x-essor-cache')).toBeNull();
    expect(JSON.stringify(after.data)).not.toContain(person.lastName);
  });

  it('every table notes its writes for the cache, unless it is exempt: no public query reads it', async () => {
    const exempt: Record<string, string> = {
      account: 'accounts and logins (last login, failed attempts)',
      audit_log: 'the audit trail',
      // Carriers' projects: personal data of the mission, read by no public query.
      carrier_project: 'accompaniment files of the mission',
      carrier_project_referral: 'accompaniment files of the mission',
      carrier_project_stage_change: 'accompaniment files of the mission',
      job_run: 'run history of the background jobs (modules/jobs)',
      login_attempt: 'login limits',
      mail_outbox: 'mail',
      migrations: 'migrations applied',
      password_reset: 'password resets',
      rate_limit_counter: 'rate-limit counters',
      response_cache: 'the cache itself',
      response_cache_horizon: 'the cache itself',
      response_cache_write: 'the cache itself',
      session: 'sessions',
      sirene_import: 'SIRENE imports in progress',
      sirene_import_error: 'SIRENE imports in progress',
      sirene_stage_etablissement: 'SIRENE imports in progress',
      sirene_stage_unite: 'SIRENE imports in progress',
      structure_submission: 'the moderation queue (public proposals and corrections)',
    };
    const rows: Array<{ table: string; versioned: boolean }> = await t.ds.query(
      `SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid
         AND g.tgfoid = 'essor_note_table_write'::regproc) AS versioned
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(30);
    const unversioned = rows.filter((r) => !r.versioned).map((r) => r.table);
    expect(unversioned).toEqual(Object.keys(exempt).sort());
  });
});

describe('tables read, from the SQL text', () => {
  let catalogue: RelationCatalogue;
  beforeAll(async () => {
    catalogue = await loadRelationCatalogue(t.ds);
  });

  it('finds every table named, however it is written; a view or a function that may read tables: cannot tell', () => {
    expect(
      tablesOfStatement(
        `SELECT s.id AS "Sector", c.name FROM public.structure s JOIN "commune" c ON c.code = s.commune_code
         WHERE EXISTS (SELECT 1 FROM structure_sector ss WHERE ss.structure_id = s.id) -- sector_facilitator
           AND s.name <> 'network'`,
        catalogue,
      ),
      // words of comments and strings count too: an eviction more, never one less
    ).toEqual(['commune', 'network', 'sector', 'sector_facilitator', 'structure', 'structure_sector']);
    expect(tablesOfStatement(`SELECT essor_unaccent($1), 1 AS structure_id FROM unnest($2::int[]) AS u`, catalogue)).toEqual([]);
    const withView: RelationCatalogue = { ...catalogue, opaque: new Set([...catalogue.opaque, 'structure_view']) };
    expect(tablesOfStatement(`SELECT * FROM structure_view`, withView)).toBeNull();
    expect(tablesOfStatement(`SELECT essor_observatory_rollup(2020::smallint)`, catalogue)).toBeNull();
  });

  /**
   * Every statement the public operations run: the web-public SPA's queries, and for each cacheable
   * root field a query of everything reachable from it (each type once per path). For each, the
   * tables PostgreSQL's plan reads must be among those found in its text, and must all be versioned.
   */
  it('every statement of the public operations: the tables of its plan are found, and they note their writes', async () => {
    const reader = await startTestServer();
    const seen = new Map<string, unknown[]>();
    const logger = reader.ds.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query: string, parameters?: unknown[]) => {
      if (!seen.has(query)) seen.set(query, parameters ?? []);
      logQuery(query, parameters);
    };
    try {
      const operations = [...(await spaOperations(reader)), ...(await rootFieldOperations(reader))];
      let withData = 0;
      let sent = 0;
      const refused = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) =>
        (Object.values(LIMIT_CODES) as string[]).includes(res.errors?.[0]?.extensions?.code);
      /** The first variant within the operation limits; when none is, the smaller operations it splits into. */
      const run = async (op: Operation): Promise<void> => {
        let res: Awaited<ReturnType<typeof reader.gql>> | undefined;
        for (const query of op.queries) {
          res = await reader.gql(query, op.variables);
          sent += 1;
          if (!refused(res)) break;
        }
        if (refused(res!) && op.split) {
          for (const part of op.split) await run(part);
          return;
        }
        const code = res!.errors?.find((e) => !['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code))?.extensions?.code;
        expect({ name: op.name, status: res!.status, code }).toEqual({ name: op.name, status: 200, code: undefined });
        if (res!.data && Object.values(res!.data).some((v) => v != null)) withData += 1;
      };
      for (const op of operations) await run(op);
      expect(withData).toBeGreaterThan(operations.length * 0.8);

      logger.logQuery = logQuery;
      const problems: string[] = [];
      const planned = new Set<string>();
      for (const [sql, params] of seen) {
        if (/^\s*(START TRANSACTION|COMMIT|ROLLBACK|SET |SHOW )/i.test(sql)) continue;
        const found = tablesOfStatement(sql, catalogue);
        const [{ 'QUERY PLAN': plan }] = await reader.ds.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${sql}`, params);
        const read = new Set<string>();
        relationsOfPlan(plan[0].Plan, read);
        for (const r of read) planned.add(r);
        if (found === null) problems.push(`cannot tell: ${sql.slice(0, 200)}`);
        const missed = [...read].filter((r) => !found?.includes(r));
        if (missed.length) problems.push(`${missed.join(', ')} not found in: ${sql.slice(0, 300)}`);
        const exempt = [...read].filter((r) => !catalogue.versioned.has(r));
        if (exempt.length) problems.push(`${exempt.join(', ')} read, but not versioned: ${sql.slice(0, 300)}`);
      }
      expect(problems).toEqual([]);
      console.log(`tables read: ${seen.size} statements of ${sent} requests, reading ${[...planned].sort().join(', ')}`);
      expect(seen.size).toBeGreaterThan(40);
      expect(planned).toEqual(expect.objectContaining({ size: expect.any(Number) }));
      expect([...planned]).toEqual(
        expect.arrayContaining(['structure', 'sector', 'network', 'commune', 'epci', 'person', 'participatory_space']),
      );
    } finally {
      logger.logQuery = logQuery;
      await reader.close();
    }
  });
});

describe('the migration and the purge, on a database of their own', () => {
  // No other test file writes here: what the purge may delete is known exactly.
  const NAME = `essor_cache_${process.pid}_${Date.now().toString(36)}`;
  const MINE = '1796687774289';
  let url: string;
  let ds: DataSource;
  beforeAll(async () => {
    url = await createDatabase(NAME);
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropDatabase(NAME);
  });

  /** A data source that knows the migrations up to `last` (a timestamp) only. */
  const upTo = (keep: (timestamp: string) => boolean) =>
    new DataSource({
      type: 'postgres',
      url,
      migrations: loadSqlMigrations().filter((m) => keep(m.name.slice(-13))),
      migrationsTableName: 'migrations',
      migrationsTransactionMode: 'each',
      extra: { max: 2 },
    });
  /** Triggers (table → function), the columns of response_cache, and data_version. */
  const design = async (d: DataSource) => ({
    triggers: await d.query(
      `SELECT c.relname AS table, p.proname AS function FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
       JOIN pg_proc p ON p.oid = g.tgfoid WHERE NOT g.tgisinternal ORDER BY 1, 2`,
    ),
    columns: await d.query(
      `SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'response_cache'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY 1`,
    ),
    dataVersion: (await d.query(`SELECT to_regclass('data_version') IS NOT NULL AS present`))[0].present,
  });

  it('goes down to the global data version exactly as it was', async () => {
    const before = upTo((ts) => ts < MINE);
    await before.initialize();
    await before.runMigrations();
    const old = await design(before);
    await before.destroy();
    expect(old.dataVersion).toBe(true);
    expect(old.triggers.filter((r: { table: string }) => r.table === 'account')).toEqual([
      { table: 'account', function: 'essor_bump_data_version' },
    ]);

    ds = upTo((ts) => ts <= MINE);
    await ds.initialize();
    expect((await ds.runMigrations()).map((m) => m.name)).toEqual([`ResponseCachePerTable${MINE}`]);
    const now = await design(ds);
    expect(now.dataVersion).toBe(false);
    expect(now.triggers.some((r: { function: string }) => r.function === 'essor_bump_data_version')).toBe(false);
    await ds.undoLastMigration();
    expect(await design(ds)).toEqual(old);
    await ds.runMigrations();
  });

  it('a write evicts the entries of its table; an answer in flight during a purge is never served stale', async () => {
    // valid until a write to its table
    const fresh = await lookUpEntry(ds, 'fresh');
    expect(fresh.body).toBeNull();
    await storeEntry(ds, { key: 'fresh', snapshot: fresh.snapshot, tables: ['region'], body: '{"n":1}', seconds: 60 });
    expect((await lookUpEntry(ds, 'fresh')).body).toBe('{"n":1}');
    // a statement on another table (statement triggers fire even when no row changes)
    await ds.query(`INSERT INTO departement (code, name, region_code) SELECT '98', 'Ailleurs', '98' WHERE false`);
    expect((await lookUpEntry(ds, 'fresh')).body).toBe('{"n":1}');

    // An answer whose look-up ran before a write, stored only after a purge removed the write's note.
    const inFlight = await lookUpEntry(ds, 'in-flight');
    await ds.query(`INSERT INTO region (code, name) VALUES ('98', 'Ailleurs')`);
    expect((await lookUpEntry(ds, 'fresh')).body).toBeNull();
    const [{ n: notes }] = await ds.query(`SELECT count(*)::int AS n FROM response_cache_write WHERE table_name = 'region'`);
    expect(notes).toBe(1);
    // The horizon follows the oldest running transaction of the whole cluster (other test files run
    // theirs meanwhile): purge until the notes are gone, as the periodic purge eventually does.
    let notesLeft: unknown[] = [];
    for (let i = 0; i < 150; i++) {
      await purgeResponseCache(ds);
      notesLeft = await ds.query(`SELECT * FROM response_cache_write`);
      if (!notesLeft.length) break;
      await sleep(100);
    }
    expect(await ds.query(`SELECT key FROM response_cache`)).toEqual([]);
    expect(notesLeft).toEqual([]);
    await storeEntry(ds, {
      key: 'in-flight',
      snapshot: inFlight.snapshot,
      tables: ['region'],
      body: '{"stale":true}',
      seconds: 60,
    });
    expect((await lookUpEntry(ds, 'in-flight')).body).toBeNull();

    // entries computed after the purge are served, and evicted by the next write
    const after = await lookUpEntry(ds, 'after');
    await storeEntry(ds, { key: 'after', snapshot: after.snapshot, tables: ['region'], body: '{"n":2}', seconds: 60 });
    await purgeResponseCache(ds);
    expect((await lookUpEntry(ds, 'after')).body).toBe('{"n":2}');
    await ds.query(`UPDATE region SET name = 'Autre part' WHERE code = '98'`);
    expect((await lookUpEntry(ds, 'after')).body).toBeNull();
  });
});

/** Relations scanned anywhere in a plan (subplans, init plans and CTEs included). */
function relationsOfPlan(node: Record<string, any>, out: Set<string>) {
  if (node['Relation Name']) out.add(node['Relation Name']);
  for (const child of node.Plans ?? []) relationsOfPlan(child, out);
}

interface Operation {
  name: string;
  /** The query, or variants of it from the largest to the smallest. */
  queries: string[];
  /** Smaller operations to run instead when no variant is within the operation limits. */
  split?: Operation[];
  variables: Record<string, unknown>;
}

/** Real keys of the demo data, for the required arguments. */
async function demoKeys(server: TestServer) {
  const res = await server.gql<any>(
    `{ sectors { id slug facilitators { id } } networks { id slug }
       searchStructures(first: 1) { nodes { id siret commune { id code epci { id siren } departement { id code region { id code } } } } }
       workshops(first: 1) { nodes { id } } chantiers(first: 1) { nodes { id } } studyDays(first: 1) { nodes { id } }
       mentorOffers(first: 1) { nodes { id } } }`,
  );
  expect(res.errors).toBeUndefined();
  const d = res.data!;
  const s = d.searchStructures.nodes[0];
  const commune = s.commune;
  return {
    structure: s.id as string,
    siret: s.siret as string,
    sector: d.sectors.find((x: any) => x.facilitators.length) as { id: string; slug: string },
    person: d.sectors.flatMap((x: any) => x.facilitators)[0].id as string,
    network: d.networks[0] as { id: string; slug: string },
    commune,
    epci: commune.epci,
    departement: commune.departement,
    region: commune.departement.region,
    workshop: d.workshops.nodes[0].id as string,
    chantier: d.chantiers.nodes[0].id as string,
    studyDay: d.studyDays.nodes[0].id as string,
    mentorOffer: d.mentorOffers.nodes[0].id as string,
  };
}

/** The queries of web-public (generated by codegen from the SPA's documents), with demo values. */
async function spaOperations(server: TestServer): Promise<Operation[]> {
  const k = await demoKeys(server);
  const variables: Record<string, Array<Record<string, unknown>>> = {
    TerritoryStructures: [{ epci: [k.epci.siren] }, { commune: [k.commune.code] }],
    Observatory: [{}, { epci: [k.epci.siren], essFamily: ['ASSOCIATION'] }, { zone: 'sambre-avesnois' }],
    SearchStructures: [
      { first: 20 },
      { first: 20, text: 'insertion', sector: [k.sector.slug], network: [k.network.slug], epci: [k.epci.siren] },
      { first: 20, nearCommune: k.commune.code, radiusKm: 10, sort: 'DISTANCE' },
      {
        first: 20,
        near: { latitude: 50.28, longitude: 3.97 },
        acceptsInterns: true,
        seeksVolunteers: true,
        workforceRange: ['11'],
      },
    ],
    SearchMapPoints: [{}, { text: 'recyclerie', commune: [k.commune.code] }],
    TerritoryCommunes: [{ epci: [k.epci.siren] }],
    CommunePage: [{ code: k.commune.code }],
    EpciPage: [{ siren: k.epci.siren }],
    HomePanorama: [{}],
    MentorOffers: [{}, { theme: ['FUNDING'] }],
    NetworkPage: [{ slug: k.network.slug }],
    NetworksList: [{}],
    SectorPage: [{ slug: k.sector.slug }],
    SectorsList: [{}],
    SpacePage: [
      { id: k.workshop, workshop: true, chantier: false, studyDay: false },
      { id: k.chantier, workshop: false, chantier: true, studyDay: false },
      { id: k.studyDay, workshop: false, chantier: false, studyDay: true },
    ],
    StructurePage: [{ id: k.structure }],
  };
  const file = fs.readFileSync(path.join(__dirname, '../../../web-public/src/gql/graphql.ts'), 'utf8');
  const out: Operation[] = [];
  const missing: string[] = [];
  for (const m of file.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm)) {
    const doc = JSON.parse(m[2]) as DocumentNode;
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    if (op.operation !== 'query') continue;
    expect({ operation: m[1], cacheable: cacheSecondsOf(schema, op) > 0 }).toEqual({ operation: m[1], cacheable: true });
    if (!variables[m[1]]) missing.push(m[1]);
    for (const v of variables[m[1]] ?? []) out.push({ name: m[1], queries: [print(doc)], variables: v });
  }
  expect(missing).toEqual([]);
  expect(out.length).toBeGreaterThan(15);
  return out;
}

/** For each cacheable root field, a query of every field reachable without required arguments. */
async function rootFieldOperations(server: TestServer): Promise<Operation[]> {
  const k = await demoKeys(server);
  const args: Record<string, Array<Record<string, unknown>>> = {
    structure: [{ id: k.structure }],
    structureBySiret: [{ siret: k.siret }],
    sector: [{ slug: k.sector.slug }],
    network: [{ slug: k.network.slug }],
    commune: [{ code: k.commune.code }],
    epci: [{ siren: k.epci.siren }],
    departement: [{ code: k.departement.code }],
    region: [{ code: k.region.code }],
    workshop: [{ id: k.workshop }],
    chantier: [{ id: k.chantier }],
    studyDay: [{ id: k.studyDay }],
    mentorOffer: [{ id: k.mentorOffer }],
    node: [
      k.structure,
      k.sector.id,
      k.network.id,
      k.commune.id,
      k.epci.id,
      k.departement.id,
      k.region.id,
      k.workshop,
      k.chantier,
      k.studyDay,
      k.mentorOffer,
      k.person,
    ]
      .filter(Boolean)
      .map((id) => ({ id })),
    nodes: [{ ids: [k.structure, k.sector.id, k.person].filter(Boolean) }],
  };
  const out: Operation[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const op = parse(`{ ${field.name} }`).definitions[0] as OperationDefinitionNode;
    if (!cacheSecondsOf(schema, op)) continue;
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const values = required.length ? args[field.name] : [field.args.some((a) => a.name === 'first') ? { first: 2 } : {}];
    expect({ field: field.name, values: values ? 'given' : 'missing' }).toEqual({ field: field.name, values: 'given' });
    const type = getNamedType(field.type);
    for (const v of values) {
      const names = Object.keys(v);
      const defs = names.map((n) => `$${n}: ${field.args.find((a) => a.name === n)!.type.toString()}`).join(', ');
      const uses = names.map((n) => `${n}: $${n}`).join(', ');
      const query = (selection: string) =>
        `query ${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selection} }`;
      if (isAbstractType(type)) {
        // node / nodes: the fields of each type (their nested reads come with the typed root fields)
        out.push({ name: field.name, queries: [query(selectionOf(type, 1))], variables: v });
        continue;
      }
      const split = Object.values((type as GraphQLObjectType).getFields())
        .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined) && !isLeaf(f))
        .map((f) => ({
          name: `${field.name}.${f.name}`,
          queries: [3, 2, 1].map((depth) =>
            query(`{ __typename ${f.name}${few(f)} ${selectionOf(getNamedType(f.type), depth, [type.name])} }`),
          ),
          variables: v,
        }));
      out.push({ name: field.name, queries: [query(selectionOf(type, 3))], variables: v, split });
    }
  }
  return out;
}

const isLeaf = (f: GraphQLField<unknown, unknown>) => {
  const n = getNamedType(f.type);
  return isScalarType(n) || isEnumType(n);
};

/** Nested pages of 2: the operation's cost multiplies the page sizes. */
const few = (f: GraphQLField<unknown, unknown>) => (f.args.some((a) => a.name === 'first') ? '(first: 2)' : '');

/**
 * A selection of a type with every field reachable without required arguments within `maxDepth`
 * levels, each type at most once per path (`above`: the types of the path already).
 */
function selectionOf(type: GraphQLNamedType, maxDepth: number, above: string[] = []): string {
  // Under fragments of the possible types, a field whose type differs between them is aliased by
  // type (`Structure_status: status`): the same name with two types would conflict.
  const sub = (t: GraphQLNamedType, seen: ReadonlySet<string>, depth: number, conflicts?: ReadonlySet<string>): string => {
    if (isScalarType(t) || isEnumType(t)) return '';
    if (isAbstractType(t)) {
      const possible = schema.getPossibleTypes(t);
      const typesOf = new Map<string, Set<string>>();
      for (const p of possible) {
        for (const f of Object.values(p.getFields())) {
          if (!typesOf.has(f.name)) typesOf.set(f.name, new Set());
          typesOf.get(f.name)!.add(f.type.toString());
        }
      }
      const conflicting = new Set([...typesOf].filter(([, types]) => types.size > 1).map(([name]) => name));
      return `{ __typename ${possible.map((p) => `... on ${p.name} ${sub(p, seen, depth, conflicting)}`).join(' ')} }`;
    }
    if (!isObjectType(t)) return '{ __typename }';
    const parts = ['__typename'];
    for (const f of Object.values(t.getFields())) {
      if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const named = getNamedType(f.type);
      const name = conflicts?.has(f.name) ? `${t.name}_${f.name}: ${f.name}` : f.name;
      if (isLeaf(f)) parts.push(name);
      else if (depth < maxDepth && !seen.has(named.name))
        parts.push(`${name}${few(f)} ${sub(named, new Set([...seen, named.name]), depth + 1)}`);
    }
    return `{ ${parts.join(' ')} }`;
  };
  return sub(type, new Set([...above, type.name]), 1);
}
