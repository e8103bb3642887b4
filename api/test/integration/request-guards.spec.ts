import { startTestServer, type TestServer } from '../helpers/server';

/** Requests GraphQL never sees as an operation: each is a client error, answered in JSON with a code. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

interface Answer {
  status: number;
  type: string | null;
  body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };
}
async function send(init: RequestInit, url = t.url): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body: JSON.parse(text) };
}
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
  body: typeof body === 'string' || body instanceof Uint8Array ? (body as never) : JSON.stringify(body),
});
const nested = (depth: number, open: string, close: string, inner = '0') => open.repeat(depth) + inner + close.repeat(depth);

const CASES: Array<[string, () => RequestInit, string | URL | undefined, number, string]> = [
  [
    'unknown operationName',
    () => post({ query: 'query A { __typename }', operationName: 'B' }),
    undefined,
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ],
  [
    'two operations, no operationName',
    () => post({ query: 'query A { __typename } query B { __typename }' }),
    undefined,
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ],
  [
    'a mutation by GET',
    () => ({ method: 'GET', headers: { 'apollo-require-preflight': 'true' } }),
    `?query=${encodeURIComponent('mutation { logout }')}`,
    405,
    'BAD_REQUEST',
  ],
  [
    'text/plain POST',
    () => ({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }),
    undefined,
    400,
    'BAD_REQUEST',
  ],
  [
    'form POST',
    () => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }),
    undefined,
    400,
    'BAD_REQUEST',
  ],
  [
    'a batch of 100 operations',
    () => post(Array.from({ length: 100 }, () => ({ query: '{ __typename }' }))),
    undefined,
    400,
    'BAD_REQUEST',
  ],
  [
    'a 10 MB body',
    () => post({ query: '{ __typename }', variables: { x: 'a'.repeat(10_000_000) } }),
    undefined,
    413,
    'PAYLOAD_TOO_LARGE',
  ],
  ['malformed JSON', () => post('{"query": '), undefined, 400, 'BAD_REQUEST'],
  [
    'variables nested 10,000 deep (arrays)',
    () => post(`{"query":"{ __typename }","variables":{"x":${nested(10_000, '[', ']')}}}`),
    undefined,
    400,
    'BAD_USER_INPUT',
  ],
  [
    'variables nested 10,000 deep (objects)',
    () => post(`{"query":"{ __typename }","variables":{"x":${nested(10_000, '{"a":', '}')}}}`),
    undefined,
    400,
    'BAD_USER_INPUT',
  ],
  [
    'a NUL character in a variable',
    () => post({ query: 'query ($t: String) { searchStructures(text: $t) { totalCount } }', variables: { t: 'a\u0000b' } }),
    undefined,
    400,
    'INVALID_TEXT',
  ],
  [
    'a NUL character in a literal',
    () => post({ query: '{ searchStructures(text: "a\\u0000b") { totalCount } }' }),
    undefined,
    400,
    'INVALID_TEXT',
  ],
  [
    'a lone surrogate in a variable',
    () => post('{"query":"query ($t: String) { searchStructures(text: $t) { totalCount } }","variables":{"t":"a\\ud800b"}}'),
    undefined,
    400,
    'INVALID_TEXT',
  ],
  [
    'a NUL character in a list item',
    () =>
      post({
        query: 'query ($t: [String!]) { searchStructures(filter: { commune: $t }) { totalCount } }',
        variables: { t: ['x\u0000'] },
      }),
    undefined,
    400,
    'INVALID_TEXT',
  ],
  [
    'invalid UTF-8 bytes',
    () =>
      post(
        Buffer.concat([
          Buffer.from('{"query":"{ searchStructures(text: \\"'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('\\") { totalCount } }"}'),
        ]),
      ),
    undefined,
    400,
    'INVALID_TEXT',
  ],
  ['an empty body', () => post({}), undefined, 400, 'BAD_REQUEST'],
  ['a query that is not a string', () => post({ query: 5 }), undefined, 400, 'BAD_REQUEST'],
  ['variables that are not an object', () => post({ query: '{ __typename }', variables: 'x' }), undefined, 400, 'BAD_REQUEST'],
  [
    'a fragment cycle',
    () => post({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    undefined,
    400,
    'GRAPHQL_VALIDATION_FAILED',
  ],
];

describe('malformed requests are client errors', () => {
  it.each(CASES)('%s → %i %s', async (_label, init, suffix, status, code) => {
    const a = await send(init(), suffix ? `${t.url}${suffix}` : t.url);
    expect(a.status).toBe(status);
    expect(a.type).toMatch(/json/);
    expect(a.body.errors?.[0].extensions?.code).toBe(code);
    const message = a.body.errors![0].message;
    expect(message).not.toMatch(/ at |Error:|node_modules|Maximum call stack|SELECT|INSERT/);
    // No partial execution: nothing resolved, no data.
    expect(a.body.data ?? null).toBeNull();
  });

  it('answers French messages for the HTTP mistakes Apollo reports', async () => {
    for (const [, init, suffix] of CASES.slice(2, 6)) {
      const a = await send(init(), suffix ? `${t.url}${suffix}` : t.url);
      expect(a.body.errors![0].message).toMatch(/[éèàôç’]|requête|Requête/);
    }
  });

  it('keeps serving after all of them', async () => {
    const ok = await t.gql(`{ structures(first: 1) { totalCount } }`);
    expect(ok.errors).toBeUndefined();
  });
});
