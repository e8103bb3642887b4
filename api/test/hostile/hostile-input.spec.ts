// The hostile-input suite (hardening issue): every client mistake gets a client error — a typed
// error with a stable `extensions.code`, HTTP 4xx where the GraphQL-over-HTTP specification says
// so — never a 5xx, never INTERNAL_SERVER_ERROR, never a stack trace, an SQL fragment or an
// internal message, never an answer over 5 s, and a refused mutation changes nothing.
//
// It walks the schema: for every root Query and Mutation field, every argument and every field of
// its input objects gets hostile values by type (hostile-values.ts), the other slots plausible ones
// (plausible-values.ts); queries run anonymously and as ADMIN, mutations as ADMIN (past the access
// checks), in small batches of different fields, every refused one proven to have changed nothing
// by a fingerprint of the domain tables (fingerprint.ts, mutation-runner.ts). Then the requests
// about the shape of the request (structural-cases.ts), the accents, and concurrent identical
// writes. Each class is a test (its failures name the field, the argument and the value); the last
// test prints the counts on one line and fails unless each is 0, unless a log line of the server
// holds personal data the suite sent, or a value was refused by the database only.
//
// ESSOR_HOSTILE_PROGRESS=1 prints the time of each class and the codes answered;
// ESSOR_HOSTILE_REPORT=<file> writes every failure, by class, as JSON.
//
// It runs on a database of its own (migrations, territory, demo data), so the fingerprint sees only
// its own writes while the other test files run beside it.
import { randomInt } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { prepareDatabase } from '../../src/bootstrap';
import { setLogDestination } from '../../src/common/log/logger';
import { createAppDataSource } from '../../src/data-source';
import { withLuhnKey } from '../../src/modules/structure/siret';
import { buildEssorSchema } from '../../src/schema';
import { createDatabase, dropDatabase } from '../helpers/databases';
import { createAccount, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { Fingerprinter } from './fingerprint';
import { COMPOSED, DECOMPOSED } from './hostile-values';
import { pool, postGraphql, type Answer } from './http-client';
import { MutationRunner, refused } from './mutation-runner';
import { baselineOf, Fixtures } from './plausible-values';
import { hostileRequestsOf, nestedHostileRequestsOf, operationOf, rootFields, type HostileRequest } from './schema-walk';
import { STRUCTURAL_CASES } from './structural-cases';
import { inspect, Tally } from './verdict';

/**
 * Classes of the per-argument values, and who fixes what they find: `boundary` at the HTTP/GraphQL
 * boundary (request parsing, limits, variable coercion, text checks), `service` in the resolvers,
 * services and the database mapping. A failure's test name says which.
 */
const ARGUMENT_CLASSES: Record<string, 'boundary' | 'service'> = {
  'page-size': 'service',
  'out-of-range-number': 'service',
  radius: 'service',
  'long-string': 'service',
  'tsquery-operators': 'service',
  'sql-looking': 'service',
  'empty-string': 'service',
  'bad-date': 'service',
  'forged-id': 'service',
  'forged-cursor': 'service',
  'huge-list': 'service',
  'nan-infinity': 'boundary',
  'bad-date-time': 'boundary',
  'nul-byte': 'boundary',
  'lone-surrogate': 'boundary',
  'wrong-variable-type': 'boundary',
  'missing-variable': 'boundary',
};
const STRUCTURAL_CLASSES = [...new Set(STRUCTURAL_CASES.map((c) => c.cls))];

const DB_NAME = `essor_hostile_${process.pid}_${Date.now().toString(36)}`;
const progress = (line: string) => process.env.ESSOR_HOSTILE_PROGRESS && process.stderr.write(`${line}\n`);
let ds: DataSource;
let t: TestServer;
let schema: GraphQLSchema;
let adminCookie: string;
let fingerprint: Fingerprinter;
let mutations: MutationRunner;
let referenceBefore: Map<string, string>;
const tally = new Tally();
const fixtures = new Map<string, Fixtures>();
const fixturesOf = (field: string) => () => {
  let fx = fixtures.get(field);
  if (!fx) fixtures.set(field, (fx = new Fixtures(t.ds)));
  return fx;
};
const requests: Array<HostileRequest & { kind: 'query' | 'mutation' }> = [];

/**
 * The server's log lines (pino, and any console line) are counted rather than printed: thousands
 * of refused requests. Each is searched for the personal data the suite sends (the e-mails of its
 * accounts and fixtures, its passwords): none may be logged.
 */
let serverLogLines = 0;
const personalDataInLogs: string[] = [];
const sampleLogLines: string[] = [];
/** formatError's last resort (db/sql-errors.ts) logs this: a value no validation refused before the database did. */
const UNVALIDATED = 'a client value refused by the database, not by validation';
const unvalidated: string[] = [];
const PERSONAL = /@exemple\.org|mot de passe (?:hostile|de test) 2026/i;
const quiet = (...args: unknown[]) => {
  serverLogLines += 1;
  const line = args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : '')).join(' ');
  if (PERSONAL.test(line) && personalDataInLogs.length < 20) personalDataInLogs.push(line.slice(0, 300));
  if (sampleLogLines.length < 10) sampleLogLines.push(line.slice(0, 300));
  if (line.includes(UNVALIDATED)) unvalidated.push(line.slice(0, 300));
};
const { error: consoleError, warn: consoleWarn } = console;
let restoreLogs: (() => void) | undefined;

beforeAll(async () => {
  // Not jest.spyOn: a mock keeps the arguments of every call.
  console.error = quiet;
  console.warn = quiet;
  restoreLogs = setLogDestination({ write: (line: string) => quiet(line) });
  const url = await createDatabase(DB_NAME);
  ds = createAppDataSource({ url, poolSize: 1 });
  await ds.initialize();
  await prepareDatabase(ds, { demo: true });
  await ds.destroy();
  t = await startTestServer({ databaseUrl: url });
  const admin = await createAccount(t.ds, { roles: ['ADMIN'] });
  adminCookie = await t.login(admin.email, admin.password);
  fingerprint = new Fingerprinter(url);
  await fingerprint.init();
  referenceBefore = await fingerprint.takeReference();
  mutations = new MutationRunner(t.url, adminCookie, fingerprint, tally);
  schema = await buildEssorSchema();
  for (const { kind, field } of rootFields(schema)) {
    for (const r of hostileRequestsOf(kind, field, fixturesOf(field.name))) requests.push({ ...r, kind });
    if (kind === 'query') for (const r of nestedHostileRequestsOf(field, fixturesOf(field.name))) requests.push({ ...r, kind });
  }
}, 120_000);

afterAll(async () => {
  console.error = consoleError;
  console.warn = consoleWarn;
  restoreLogs?.();
  await fingerprint?.close();
  await t?.close();
  await dropDatabase(DB_NAME).catch(() => {});
});

async function runQuery(r: HostileRequest, who: 'anonymous' | 'ADMIN') {
  const op = await r.build();
  const a = await postGraphql(t.url, op, who === 'ADMIN' ? { cookie: adminCookie } : {});
  tally.record(r.cls, `${r.field}(${r.slot}) ${r.label} as ${who}`, inspect(a, r.echo));
}

const failuresOf = (cls: string) => tally.failures.get(cls) ?? [];

describe('hostile input, generated from the schema', () => {
  test('every root field with required arguments has plausible values the API accepts as ADMIN', async () => {
    const refused: string[] = [];
    for (const { kind, field } of rootFields(schema)) {
      if (!field.args.length) continue;
      const fx = fixturesOf(field.name)();
      const op = operationOf(kind, field, await baselineOf(fx, field));
      const a = await postGraphql(t.url, op, { cookie: adminCookie });
      if (a.json?.errors) refused.push(`${field.name}: ${JSON.stringify(a.json.errors).slice(0, 300)}`);
    }
    expect(refused).toEqual([]);
  }, 60_000);

  test.each(Object.entries(ARGUMENT_CLASSES))(
    '[%s] per-argument values (%s)',
    async (cls) => {
      const mine = requests.filter((r) => r.cls === cls);
      expect(mine.length).toBeGreaterThan(0);
      const queries = mine.filter((r) => r.kind === 'query');
      const t0 = Date.now();
      await pool(
        queries.flatMap((r) => [...(r.heavy ? [] : [() => runQuery(r, 'anonymous')]), () => runQuery(r, 'ADMIN')]),
        cls === 'huge-list' ? 2 : 4,
        (run) => run(),
      );
      const t1 = Date.now();
      // Huge lists one at a time: six 100,000-item bodies at once would make each other slow.
      await mutations.run(
        mine.filter((m) => m.kind === 'mutation'),
        cls === 'huge-list' ? 1 : 8,
      );
      progress(
        `${cls}: ${queries.length} queries ×2 in ${t1 - t0} ms, ${mine.length - queries.length} mutations in ${Date.now() - t1} ms`,
      );
      expect(failuresOf(cls)).toEqual([]);
    },
    120_000,
  );

  test.each(STRUCTURAL_CLASSES)(
    '[%s] the shape of the request (boundary)',
    async (cls) => {
      const structureId = toGlobal('Structure', (await createStructure(t.ds, { latitude: 50.28, longitude: 3.97 })).id);
      for (const c of STRUCTURAL_CASES.filter((s) => s.cls === cls)) {
        const before = await fingerprint.take();
        progress(`${cls}: ${c.label}…`);
        const a = await c.send(t.url, { adminCookie, structureId });
        if ('unbounded' in a) {
          tally.record(cls, c.label, { findings: ['unbounded'], details: [a.unbounded], codes: [] });
          continue;
        }
        const inspection = inspect(a);
        if (refused(a)) {
          const changed = Fingerprinter.changed(before, await fingerprint.take(), []);
          if (changed.length) {
            inspection.findings.push('partial-write');
            inspection.details.push(`refused, yet changed: ${changed.join(', ')}`);
          }
        }
        tally.record(cls, c.label, inspection);
      }
      expect(failuresOf(cls)).toEqual([]);
    },
    60_000,
  );

  // The one StructureFilter of the three structure lists: a bad code answers its typed code, whichever list.
  const BAD_FILTERS: Array<[string, Record<string, unknown>, string]> = [
    ['commune', { commune: ['99999'] }, 'UNKNOWN_TERRITORY_CODE'],
    ['commune', { commune: ["59'; --"] }, 'UNKNOWN_TERRITORY_CODE'],
    ['epci', { epci: ['999999999'] }, 'UNKNOWN_TERRITORY_CODE'],
    ['departement', { departement: ['99'] }, 'UNKNOWN_TERRITORY_CODE'],
    ['sector', { sector: ['no-such-sector'] }, 'UNKNOWN_REFERENCE'],
    ['network', { network: ['no-such-network'] }, 'UNKNOWN_REFERENCE'],
    ['workforceRange', { workforceRange: ['99'] }, 'UNKNOWN_REFERENCE'],
    ['legalCategory', { legalCategory: ['92x0'] }, 'BAD_USER_INPUT'],
  ];
  const LISTS = {
    structures: 'query ($f: StructureFilter) { r: structures(filter: $f) { totalCount } }',
    searchStructures: 'query ($f: StructureFilter) { r: searchStructures(filter: $f) { totalCount } }',
    adminStructures: 'query ($f: StructureFilter) { r: adminStructures(filter: $f) { totalCount } }',
  };
  test.each(
    Object.entries(LISTS).flatMap(([list, query]) => BAD_FILTERS.map(([field, f, code]) => [list, field, f, code, query])),
  )('[filter-codes] %s(filter: { %s }) answers its typed code', async (_list, field, f, code, query) => {
    const a = await postGraphql(t.url, { query: query as string, variables: { f } }, { cookie: adminCookie });
    expect(a.status).toBeLessThan(500);
    expect(a.json?.data ?? null).toBeNull();
    expect(a.json?.errors?.[0]?.extensions).toMatchObject({ code, field });
  });

  test('[accents] composed and decomposed accents find the same structures and communes', async () => {
    const search = async (text: string) => {
      const a = await postGraphql(t.url, {
        query: `query ($t: String!) {
          searchStructures(text: $t, first: 100) { totalCount nodes { id } }
          byName: searchStructures(filter: { search: "é" }, first: 100) { totalCount }
          structures(filter: { search: $t }, first: 100) { totalCount }
          communes(search: $t, first: 100) { totalCount }
        }`,
        variables: { t: text },
      });
      tally.record('accents', `search « ${JSON.stringify(text)} »`, inspect(a, [text]));
      return a.json?.data;
    };
    const composed = await search(COMPOSED);
    expect(composed.searchStructures.totalCount).toBeGreaterThan(0);
    expect(await search(DECOMPOSED)).toEqual(composed);
    const commune = async (name: string) => (await search(name))?.communes.totalCount;
    expect(await commune('Ferrière-la-Grande'.normalize('NFD'))).toBe(await commune('Ferrière-la-Grande'));
    expect(await commune('Ferrière-la-Grande')).toBeGreaterThan(0);
  });

  describe('[concurrent-writes] 20 identical writes at once: exactly one wins, the others get a typed code', () => {
    const concurrently = async (n: number, op: { query: string; variables: Record<string, unknown> }) =>
      Promise.all(Array.from({ length: n }, () => postGraphql(t.url, op, { cookie: adminCookie })));

    /** Records the answers; returns how many succeeded and the codes of the others. */
    const outcome = (label: string, answers: Answer[]) => {
      for (const a of answers) tally.record('concurrent-writes', label, inspect(a));
      const won = answers.filter((a) => !a.json?.errors).length;
      const codes = answers.flatMap((a) => (a.json?.errors ?? []).map((e: any) => e.extensions?.code));
      return { won, codes: [...new Set(codes)] };
    };

    test.each([
      ['createSector', 'slug', `mutation ($i: CreateSectorInput!) { createSector(input: $i) { id } }`, 'sector'],
      ['createNetwork', 'slug', `mutation ($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`, 'network'],
      ['createAccount', 'email', `mutation ($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, 'account'],
    ])('%s with the same %s', async (_name, key, query, table) => {
      const value = key === 'email' ? `${uniqueToken('meme')}@exemple.org` : uniqueToken('meme-');
      const input =
        table === 'account'
          ? { email: value, displayName: 'Même compte', roles: ['PARTNER'] }
          : { slug: value, name: `Même ${value}` };
      const { won, codes } = outcome(`${_name} ×20`, await concurrently(20, { query, variables: { i: input } }));
      // A duplicate code is BAD_USER_INPUT on `slug` (web-admin shows it next to the field).
      expect({ won, codes }).toEqual({ won: 1, codes: [table === 'account' ? 'EMAIL_TAKEN' : 'BAD_USER_INPUT'] });
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${key} = $1`, [value]);
      expect(n).toBe(1);
    });

    test('createStructure with the same SIRET', async () => {
      const siret = withLuhnKey(`${withLuhnKey(`97${String(randomInt(1_000_000)).padStart(6, '0')}`)}0001`);
      const query = `mutation ($i: CreateStructureInput!) { createStructure(input: $i) { id } }`;
      const { won, codes } = outcome(
        'createStructure ×20',
        await concurrently(20, { query, variables: { i: { name: `Même SIRET ${siret}`, siret } } }),
      );
      expect({ won, codes }).toEqual({ won: 1, codes: ['SIRET_TAKEN'] });
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM structure WHERE siret = $1`, [siret]);
      expect(n).toBe(1);
    });

    test('updateStructure with the same version', async () => {
      const s = await createStructure(t.ds);
      const query = `mutation ($id: ID!, $v: Int!, $p: String) { updateStructure(id: $id, version: $v, input: { phone: $p }) { version } }`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postGraphql(
            t.url,
            { query, variables: { id: toGlobal('Structure', s.id), v: 1, p: `03 27 00 00 ${String(i).padStart(2, '0')}` } },
            {
              cookie: adminCookie,
            },
          ),
        ),
      );
      const { won, codes } = outcome('updateStructure ×20', answers);
      expect({ won, codes }).toEqual({ won: 1, codes: ['CONFLICT'] });
      const [row] = await t.ds.query(
        `SELECT version, (SELECT count(*)::int FROM audit_log WHERE entity_type = 'Structure' AND entity_id = $2) AS audits
         FROM structure WHERE id = $1`,
        [s.id, String(s.id)],
      );
      expect(row).toEqual({ version: 2, audits: 1 });
    });
  });

  test('no 5xx, no internal error, no internal detail, no slow answer, no partial write (the counts)', async () => {
    expect(await fingerprint.takeReference()).toEqual(referenceBefore);
    console.log(tally.line());
    const codes = [...tally.codes].map(([cls, m]) => `${cls}: ${[...m].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    if (process.env.ESSOR_HOSTILE_REPORT) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(process.env.ESSOR_HOSTILE_REPORT, JSON.stringify(Object.fromEntries(tally.failures), null, 1));
    }
    progress(
      `codes by class:\n${codes.join('\n')}\nserver log lines: ${serverLogLines}, refused by the database only: ${unvalidated.length}\n${sampleLogLines.join('\n')}`,
    );
    expect(tally.requests).toBeGreaterThan(1000);
    expect(personalDataInLogs).toEqual([]);
    // Every value the suite sends is refused by validation or a service, not only by the database
    // (formatError's mapping of SQL errors is a last resort, which logs each use).
    expect(unvalidated).toEqual([]);
    expect(tally.counts).toEqual({ '5xx': 0, internal: 0, unmasked: 0, untyped: 0, slow: 0, 'partial-write': 0, unbounded: 0 });
  });
});
