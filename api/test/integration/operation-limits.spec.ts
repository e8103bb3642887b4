import fs from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { buildEssorSchema } from '../../src/schema';
import { estimateCost, expandedSize, limitValidationRules, operationLimitsFrom } from '../../src/common/graphql/operation-limits';
import { MAX_PAGE_SIZE } from '../../src/common/pagination/connection';
import { createAccount, createStructure, toGlobal } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
let admin: string;
let structureId: string;
beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
  structureId = toGlobal('Structure', (await createStructure(t.ds)).id);
});
afterAll(() => t.close());

/** 25 fragments, each spreading the next inside `nearby`: depth doubles with each one. */
function fragmentChain(n: number): string {
  const parts = [`query Chain($id: ID!) { structure(id: $id) { ...F0 } }`];
  for (let i = 0; i < n; i++) {
    const next =
      i + 1 < n ? `nearby(first: 2) { structure { ...F${i + 1} } } n2: nearby(first: 2) { structure { ...F${i + 1} } }` : 'name';
    parts.push(`fragment F${i} on Structure { id ${next} }`);
  }
  return parts.join('\n');
}

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

describe('operation limits', () => {
  it('refuses the fragment chain (depth counted through spreads) before any SQL, and keeps serving', async () => {
    const res = await t.gql(fragmentChain(25), { id: structureId });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('QUERY_TOO_DEEP');
    expect(res.errors![0].message).toMatch(/niveaux/);
    expect(res.data).toBeUndefined();
    expect(res.extensions?.sqlStatements ?? 0).toBe(0);
    const ok = await t.gql(`{ structures(first: 1) { totalCount } }`);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a nested query whose lists multiply past the budget (the 765,660-structure query)', async () => {
    const q = `{ networks { members(first: 100) { nodes { sectors { structures(first: 100) {
      nodes { networks { members(first: 100) { nodes { name } } } } } } } } } }`;
    const res = await t.gql(q);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0].extensions!.cost.requested).toBeGreaterThan(res.errors![0].extensions!.cost.limit);
    expect(res.extensions?.sqlStatements ?? 0).toBe(0);
  });

  it('refuses 1,000 aliases, 1,000 directives and too many tokens', async () => {
    // The audit's query: 1,000 different searches in one request (refused by its length first).
    const searches = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: searchStructures(text: "x${i}") { totalCount }`).join(' ')} }`;
    const s = await t.gql(searches);
    expect([s.status, codeOf(s)]).toEqual([400, 'TOO_MANY_TOKENS']);
    expect(s.extensions?.sqlStatements ?? 0).toBe(0);
    const aliases = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: searchStructures(text: "x${i}") { totalCount }`).join(' ')} }`;
    const a = await t.gql(aliases);
    expect([a.status, codeOf(a)]).toEqual([400, 'TOO_MANY_ALIASES']);
    expect(a.errors![0].message).toMatch(/100, 30 au plus/);
    expect(a.extensions?.sqlStatements ?? 0).toBe(0);

    const directives = `{ structures(first: 1) { ${'totalCount @include(if: true) '.repeat(200)} } }`;
    const d = await t.gql(directives);
    expect([d.status, codeOf(d)]).toEqual([400, 'TOO_MANY_DIRECTIVES']);

    const tokens = `{ structures(first: 1) { ${'totalCount '.repeat(6000)} } }`;
    const k = await t.gql(tokens);
    expect([k.status, codeOf(k)]).toEqual([400, 'TOO_MANY_TOKENS']);
    expect(k.errors![0].message).toMatch(/trop longue/);
  });

  it('reports the cost of every operation, with the budget of its caller', async () => {
    const q = `{ structures(first: 50) { nodes { name sectors { name } } } }`;
    const anon = await t.gql<any>(q);
    expect(anon.errors).toBeUndefined();
    // 1 + 50 × (nodes: 1 × (1 + sectors: 10 × 1)) = 551
    expect((anon as any).extensions.cost).toEqual({ requested: 551, limit: operationLimitsFrom().anonymousCost });
    const signedIn = await t.gql<any>(q, {}, { cookie: admin });
    expect((signedIn as any).extensions.cost.limit).toBe(operationLimitsFrom().signedInCost);
  });

  it('gives signed-in accounts a larger budget than anonymous callers', async () => {
    // 1 + 100 × (1 + 10 × (1 + 1 + 100 × 1)) ≈ 102,101 > both budgets; 1 + 100 × (1 + 10 × (1 + 1 + 20)) = 22,101: between them.
    const between = `{ structures(first: 100) { nodes { id sectors { id structures { nodes { id } } } } } }`;
    const anon = await t.gql(between);
    expect(codeOf(anon)).toBe('QUERY_TOO_COMPLEX');
    const signedIn = await t.gql(between, {}, { cookie: admin });
    expect(codeOf(signedIn)).toBeUndefined();
    expect((signedIn as any).extensions.cost.requested).toBeGreaterThan(operationLimitsFrom().anonymousCost);
  });

  it('counts page sizes given by variables, and out-of-range sizes at the maximum', async () => {
    const q = `query ($n: Int) { structures(first: $n) { nodes { id } } }`;
    expect(((await t.gql<any>(q, { n: 7 })) as any).extensions.cost.requested).toBe(1 + 7 * 1);
    expect(((await t.gql<any>(q, {})) as any).extensions.cost.requested).toBe(1 + 20 * 1);
    const huge = await t.gql(q, { n: 1_000_000 });
    expect(codeOf(huge)).toBe('PAGE_SIZE_OUT_OF_RANGE');
  });

  it('answers a wrong or missing variable as a client error (compiled execution included)', async () => {
    const wrong = await t.gql(`query ($n: Int) { structures(first: $n) { totalCount } }`, { n: 'many' });
    expect([wrong.status, codeOf(wrong)]).toEqual([400, 'BAD_USER_INPUT']);
    const missing = await t.gql(`query ($id: ID!) { structure(id: $id) { name } }`, {});
    expect([missing.status, codeOf(missing)]).toEqual([400, 'BAD_USER_INPUT']);
    const date = await t.gql(
      `mutation ($s: ID!, $i: SessionInput!) { addSpaceSession(spaceId: $s, input: $i) { id } }`,
      { s: 'x', i: { startsAt: 'not a date' } },
      { cookie: admin },
    );
    expect([date.status, codeOf(date)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('masks field suggestions when asked (production)', async () => {
    const res = await t.gql(`{ structurs(first: 1) { totalCount } }`);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const prod = await startTestServer({ fieldSuggestions: false });
    try {
      const r = await prod.gql(`{ structurs(first: 1) { totalCount } }`);
      expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors![0].message).not.toMatch(/Did you mean/);
      // Domain errors thrown by services keep their code and French message there too (the
      // suggestion mask rewrites every error's message: graphql-jit's own errors are read-only).
      const unknown = await prod.gql(`{ structures(filter: { commune: ["99999"] }, first: 1) { totalCount } }`);
      expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'UNKNOWN_TERRITORY_CODE', field: 'commune' } });
      expect(unknown.errors![0].message).toMatch(/99999/);
      const cursor = await prod.gql(`{ structures(first: 1, after: "nope") { totalCount } }`);
      expect(cursor.errors![0]).toMatchObject({
        message: 'Curseur de pagination invalide.',
        extensions: { code: 'INVALID_CURSOR' },
      });
    } finally {
      await prod.close();
    }
    // Outside production the suggestion helps the developer.
    expect(res.errors![0].message).toMatch(/Did you mean .*"structures"/);
  });
});

/** A valid value of an input type (required fields only), for a static cost estimate. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) out[f.name] = sampleValue(f.type);
    return out;
  }
  const scalar = type.name;
  if (scalar === 'Int' || scalar === 'Float') return 1;
  if (scalar === 'Boolean') return true;
  if (/Date/.test(scalar)) return '2026-01-01T00:00:00.000Z';
  return 'x';
}

/** The documents the SPAs send: the generated `src/gql/graphql.ts` of each. */
function spaDocuments(spa: string): Array<{ name: string; document: DocumentNode }> {
  const file = fs.readFileSync(path.join(__dirname, '..', '..', '..', spa, 'src', 'gql', 'graphql.ts'), 'utf8');
  const out: Array<{ name: string; document: DocumentNode }> = [];
  for (const m of file.matchAll(/^export const (\w+Document) = (\{.*\}) as unknown as DocumentNode/gm)) {
    out.push({ name: m[1], document: JSON.parse(m[2]) as DocumentNode });
  }
  return out;
}

describe('every operation of both SPAs fits the limits', () => {
  const limits = operationLimitsFrom();
  let schema: Awaited<ReturnType<typeof buildEssorSchema>>;
  beforeAll(async () => {
    schema = await buildEssorSchema();
  });

  for (const [spa, budget] of [
    ['web-public', 'anonymousCost'],
    ['web-admin', 'signedInCost'],
  ] as const) {
    it(`${spa}: depth, aliases, directives, tokens, and cost with every page size at ${MAX_PAGE_SIZE}`, () => {
      const docs = spaDocuments(spa);
      expect(docs.length).toBeGreaterThan(10);
      const worst: Array<[string, number]> = [];
      for (const { name, document } of docs) {
        const errors = validate(schema, document, [...specifiedRules, ...limitValidationRules(limits)]);
        expect({ name, errors: errors.map((e) => e.message) }).toEqual({ name, errors: [] });
        expect(() => parse(print(document), { maxTokens: limits.maxTokens })).not.toThrow();
        for (const op of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')) {
          // Every page-size variable at its maximum: the worst the SPA can send.
          const variables: Record<string, unknown> = {};
          for (const v of op.variableDefinitions ?? []) {
            const name = v.variable.name.value;
            variables[name] = /^(first|limit|pageSize|size)$/i.test(name)
              ? MAX_PAGE_SIZE
              : sampleValue(typeFromAST(schema, v.type as never) as GraphQLInputType);
          }
          expect(expandedSize(document, op.selectionSet, 20_000)).toBeLessThan(20_000);
          const cost = estimateCost(schema, document, op, variables);
          worst.push([name, cost]);
          expect({ name, cost, fits: cost <= limits[budget] }).toEqual({ name, cost, fits: true });
        }
      }
      worst.sort((a, b) => b[1] - a[1]);
      console.log(
        `${spa}: ${docs.length} documents; costliest: ${worst
          .slice(0, 3)
          .map(([n, c]) => `${n} ${c}`)
          .join(', ')}`,
      );
    });
  }
});
