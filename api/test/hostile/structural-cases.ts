// Hostile requests that are about the shape of the request rather than one argument: nesting,
// fragments, aliases, batches, directives, operation names, methods, content types, body sizes,
// raw bytes, deeply nested JSON.
import { send, postGraphql, type Answer } from './http-client';

export interface StructuralCase {
  cls: string;
  label: string;
  /**
   * The answer, or why the request was not sent: one that would exhaust the server (whose test
   * process is this one) is sent only once a cheap probe shows the server refuses its kind.
   */
  send(url: string, ctx: { adminCookie: string; structureId: string }): Promise<Answer | { unbounded: string }>;
}

const gqlHeaders = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };

/** `{ structure(id) { nearby { structure { nearby { structure … } } } } }`, `levels` selection sets deep. */
function nested(levels: number, id: string): string {
  let inner = 'name';
  for (let d = 2; d < levels; d += 2) inner = `nearby { structure { ${inner} } }`;
  return `query Deep { structure(id: "${id}") { ${inner} } }`;
}

/** `n` fragments, each spreading the next inside `nearby` (`first` structures at each level). */
function fragmentChain(n: number, id: string, first?: number): string {
  const args = first === undefined ? '' : `(first: ${first})`;
  const frags = Array.from({ length: n }, (_, i) =>
    i === n - 1
      ? `fragment F${i} on Structure { name }`
      : `fragment F${i} on Structure { nearby${args} { structure { ...F${i + 1} } } }`,
  );
  return `query Chain { structure(id: "${id}") { ...F0 } }\n${frags.join('\n')}`;
}

/**
 * A chain of `n` fragments multiplies the structures read by `nearby`'s page size at each level: it
 * is sent only if the same chain with one structure per level (cheap, as deep) is refused.
 */
async function chainIfRefused(url: string, n: number, id: string): Promise<Answer | { unbounded: string }> {
  const probe = await postGraphql(url, { query: fragmentChain(n, id, 1) });
  if (!probe.json?.errors?.length) {
    return {
      unbounded: `a chain of ${n} fragments one structure wide was executed (${probe.status}): the full chain would exhaust the server`,
    };
  }
  return postGraphql(url, { query: fragmentChain(n, id) });
}

/** A JSON value nested `depth` times (built as text: JSON.stringify would recurse as deep). */
const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const STRUCTURAL_CASES: StructuralCase[] = [
  {
    cls: 'nesting-depth',
    label: 'selection sets 50 deep',
    send: (url, { structureId }) => postGraphql(url, { query: nested(50, structureId) }),
  },
  ...[22, 23, 24, 25].map((n): StructuralCase => ({
    cls: 'fragment-chain',
    label: `${n} fragments spreading the next inside nearby`,
    send: (url, { structureId }) => chainIfRefused(url, n, structureId),
  })),
  {
    cls: 'fragment-cycle',
    label: 'A spreads B spreads A',
    send: (url) =>
      postGraphql(url, {
        query: `query Cycle { ...A } fragment A on Query { regions { code } ...B } fragment B on Query { ...A }`,
      }),
  },
  {
    cls: 'fragment-cycle',
    label: 'a fragment spreading itself',
    send: (url) => postGraphql(url, { query: `query Self { ...A } fragment A on Query { ...A }` }),
  },
  {
    cls: 'aliases',
    label: '1,000 aliases of a root list',
    send: (url) =>
      postGraphql(url, {
        query: `query Aliases { ${Array.from({ length: 1000 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`,
      }),
  },
  {
    cls: 'aliases',
    label: '1,000 aliases of a leaf',
    send: (url) =>
      postGraphql(url, { query: `query Aliases { ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
  },
  {
    cls: 'directives',
    label: '1,000 @include on one field',
    send: (url) => postGraphql(url, { query: `query Directives { regions ${'@include(if: true) '.repeat(1000)}{ code } }` }),
  },
  {
    cls: 'directives',
    label: '1,000 @skip(if: false) on distinct fields',
    send: (url) =>
      postGraphql(url, {
        query: `query Directives { ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename @skip(if: false)`).join(' ')} }`,
      }),
  },
  {
    cls: 'batch',
    label: 'a JSON array of 100 operations',
    send: (url) =>
      send(url, {
        headers: gqlHeaders,
        body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ regions { code } }' }))),
      }),
  },
  {
    cls: 'batch',
    label: 'an empty JSON array',
    send: (url) => send(url, { headers: gqlHeaders, body: '[]' }),
  },
  {
    cls: 'operation-name',
    label: 'unknown operationName',
    send: (url) => postGraphql(url, { query: 'query A { regions { code } }', operationName: 'B' }),
  },
  {
    cls: 'operation-name',
    label: 'operationName of a document with two operations, missing',
    send: (url) => postGraphql(url, { query: 'query A { regions { code } } query B { regions { name } }' }),
  },
  {
    cls: 'operation-name',
    label: 'operationName not a string',
    send: (url) => postGraphql(url, { query: 'query A { regions { code } }', operationName: { a: 1 } }),
  },
  {
    cls: 'operation-name',
    label: 'query not a string',
    send: (url) => postGraphql(url, { query: { a: 1 } }),
  },
  {
    cls: 'operation-name',
    label: 'variables not an object',
    send: (url) => postGraphql(url, { query: '{ regions { code } }', variables: 'x' }),
  },
  {
    cls: 'get-mutation',
    label: 'a mutation by GET',
    send: (url, { adminCookie }) =>
      send(url, {
        method: 'GET',
        search: `query=${encodeURIComponent('mutation { runRetention }')}`,
        headers: { 'apollo-require-preflight': 'true', cookie: adminCookie },
      }),
  },
  {
    cls: 'get-mutation',
    label: 'a query by GET with a NUL in the query string',
    send: (url) =>
      send(url, {
        method: 'GET',
        search: `query=${encodeURIComponent('{ commune(code: "5\u00009392") { name } }')}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
  },
  {
    cls: 'content-type',
    label: 'text/plain POST',
    send: (url) =>
      send(url, { headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { runRetention }' }) }),
  },
  {
    cls: 'content-type',
    label: 'application/x-www-form-urlencoded POST',
    send: (url) =>
      send(url, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent('mutation { runRetention }')}`,
      }),
  },
  {
    cls: 'content-type',
    label: 'JSON with an unsupported charset',
    send: (url) =>
      send(url, {
        headers: { ...gqlHeaders, 'content-type': 'application/json; charset=latin1' },
        body: '{"query":"{ regions { code } }"}',
      }),
  },
  {
    cls: 'content-type',
    label: 'malformed JSON',
    send: (url) => send(url, { headers: gqlHeaders, body: '{"query": "{ regions { code } }"' }),
  },
  {
    cls: 'content-type',
    label: 'empty body',
    send: (url) => send(url, { headers: gqlHeaders, body: '' }),
  },
  {
    cls: 'body-size',
    label: 'a 10 MB body',
    send: (url) =>
      send(url, {
        headers: gqlHeaders,
        body: JSON.stringify({ query: '{ regions { code } }', variables: { x: 'a'.repeat(10 * 1024 * 1024) } }),
      }),
  },
  {
    cls: 'deep-json',
    label: 'variables nested 10,000 deep (arrays)',
    send: (url) =>
      send(url, {
        headers: gqlHeaders,
        body: `{"query":"query ($v: [String]) { communes(epci: $v) { totalCount } }","variables":{"v":${deepArray(10_000)}}}`,
      }),
  },
  {
    cls: 'deep-json',
    label: 'variables nested 10,000 deep (objects)',
    send: (url) =>
      send(url, {
        headers: gqlHeaders,
        body: `{"query":"query ($v: NearInput) { searchStructures(near: $v) { totalCount } }","variables":{"v":${deepObject(10_000)}}}`,
      }),
  },
  {
    cls: 'deep-json',
    label: 'an unused variable nested 10,000 deep',
    send: (url) =>
      send(url, { headers: gqlHeaders, body: `{"query":"{ regions { code } }","variables":{"v":${deepObject(10_000)}}}` }),
  },
  {
    cls: 'invalid-utf8',
    label: 'raw invalid UTF-8 bytes in a variable',
    send: (url) =>
      send(url, {
        headers: gqlHeaders,
        body: Buffer.concat([
          Buffer.from('{"query":"query ($s: String) { communes(search: $s) { totalCount } }","variables":{"s":"ab'),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
          Buffer.from('"}}'),
        ]),
      }),
  },
  {
    cls: 'invalid-utf8',
    label: 'raw invalid UTF-8 bytes in the query',
    send: (url) =>
      send(url, {
        headers: gqlHeaders,
        body: Buffer.concat([
          Buffer.from('{"query":"{ communes(search: \\"ab'),
          Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]),
          Buffer.from('\\") { totalCount } }"}'),
        ]),
      }),
  },
  {
    cls: 'invalid-utf8',
    label: 'a UTF-16 body declared as JSON',
    send: (url) => send(url, { headers: gqlHeaders, body: Buffer.from('{"query":"{ regions { code } }"}', 'utf16le') }),
  },
];
