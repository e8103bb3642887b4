import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { RATE_LIMITS } from '../../src/common/rate-limit/rate-limit';
import type { TrustProxy } from '../../src/config';
import { createAccount, uniqueToken } from '../helpers/factories';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/server';

// Each test sends its requests from a loopback address of its own (127.0.0.0/8 is all loopback on
// Linux; node:http binds the client socket with `localAddress`): the peer the app sees is then that
// address, and 127.0.0.1's budgets, shared with the other test files, are not spent here.

const LOGIN = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const RESET = `mutation ($e: String!) { requestPasswordReset(email: $e) }`;

/** POSTs a GraphQL operation from the loopback address `from`, with extra headers (e.g. X-Forwarded-For). */
function gqlFrom(
  t: TestServer,
  from: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResponse> {
  const url = new URL(t.url);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'apollo-require-preflight': 'true',
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          try {
            const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
            resolve({ ...JSON.parse(text), status: res.statusCode!, cookies, headers: new Headers() });
          } catch (e) {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)} ${String(e)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code ?? 'OK';
const keyHash = (key: string) => createHash('sha256').update(key).digest();

/** Addresses recorded for the login attempts of an e-mail. */
const loginIps = async (t: TestServer, email: string) =>
  (await t.ds.query(`SELECT host(ip) AS ip FROM login_attempt WHERE email = $1 ORDER BY id`, [email])).map(
    (r: { ip: string | null }) => r.ip,
  );

/** A failed login of a fresh e-mail from `from` with these headers; returns the answer and the recorded address. */
async function failedLogin(t: TestServer, from: string, headers: Record<string, string>) {
  const email = `${uniqueToken()}@exemple.org`;
  const res = await gqlFrom(t, from, LOGIN, { e: email, p: 'pas le bon mot de passe' }, headers);
  return { res, ips: await loginIps(t, email) };
}

function withServer(trustProxy: TrustProxy, tests: (server: () => TestServer) => void) {
  describe(`trust proxy: ${JSON.stringify(trustProxy)}`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ trustProxy });
    });
    afterAll(() => t.close());
    tests(() => t);
  });
}

withServer(false, (server) => {
  it('ignores a forged X-Forwarded-For: the per-IP limit of password reset requests trips for the real peer', async () => {
    const t = server();
    const peer = '127.0.0.61';
    const { max } = RATE_LIMITS.passwordResetPerIp;
    for (let i = 0; i < max; i++) {
      const forged = { 'x-forwarded-for': `198.18.${i}.1` };
      expect((await gqlFrom(t, peer, RESET, { e: `${uniqueToken()}@exemple.org` }, forged)).data).toEqual({
        requestPasswordReset: true,
      });
    }
    const refused = await gqlFrom(t, peer, RESET, { e: `${uniqueToken()}@exemple.org` }, { 'x-forwarded-for': '198.18.99.1' });
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.status).toBe(200);
    // Counted for the peer only, never for the forged addresses.
    const counted = await t.ds.query(`SELECT key_hash, hits FROM rate_limit_counter WHERE bucket = $1 AND key_hash = ANY($2)`, [
      RATE_LIMITS.passwordResetPerIp.bucket,
      [keyHash(peer), keyHash('198.18.0.1'), keyHash('198.18.99.1')],
    ]);
    expect(counted).toEqual([{ key_hash: keyHash(peer), hits: max + 1 }]);
    // Another peer still may.
    expect((await gqlFrom(t, '127.0.0.62', RESET, { e: `${uniqueToken()}@exemple.org` })).data).toEqual({
      requestPasswordReset: true,
    });
  });

  it('records the socket address of a login, whatever the header says', async () => {
    const { res, ips } = await failedLogin(server(), '127.0.0.63', { 'x-forwarded-for': '203.0.113.250' });
    expect(codeOf(res)).toBe('INVALID_CREDENTIALS');
    expect(ips).toEqual(['127.0.0.63']);
  });
});

withServer('loopback', (server) => {
  it("uses the header's client address when the peer is a trusted proxy", async () => {
    expect((await failedLogin(server(), '127.0.0.64', { 'x-forwarded-for': '203.0.113.251' })).ips).toEqual(['203.0.113.251']);
    // The nearest address that is not a trusted proxy: what a client prepended does not count.
    expect((await failedLogin(server(), '127.0.0.64', { 'x-forwarded-for': '198.18.0.7, 203.0.113.252' })).ips).toEqual([
      '203.0.113.252',
    ]);
  });

  it('a real login through the trusted proxy works and is recorded for the client address', async () => {
    const a = await createAccount(server().ds, { roles: ['STEERING'] });
    const res = await gqlFrom(
      server(),
      '127.0.0.64',
      LOGIN,
      { e: a.email, p: a.password },
      { 'x-forwarded-for': '2001:db8::64' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.cookies.join()).toMatch(/essor_session=/);
    expect(await loginIps(server(), a.email)).toEqual(['2001:db8::64']);
  });

  // A malformed header from a trusted peer: the login answers like any failed login, and the recorded
  // address is valid: the nearest valid one Express finds in the header, else the peer's.
  const peer = '127.0.0.65';
  const malformed: Array<[label: string, header: string, recorded: string]> = [
    ['garbage', 'garbage', peer],
    ['10 KB of x', 'x'.repeat(10_000), peer],
    ['10 KB of glued addresses', '1.2.3.4'.repeat(1_500), peer],
    ['empty entries after a loopback address (trusted too)', '::1, ,,', '::1'],
    ['only a comma', ',', peer],
    ['spaces and commas', ' , , ', peer],
    ['unknown', 'unknown', peer],
    ['an address with a port', '1.2.3.4:5678', peer],
    ['a bracketed IPv6', '[2001:db8::1]', peer],
    ['a bracketed IPv6 with a port', '[2001:db8::1]:443', peer],
    ['an octet over 255', '999.1.1.1', peer],
    ['a subnet', '203.0.113.9/32', peer],
    ['a leading zero', '01.2.3.4', peer],
    ['garbage after an encoded zone', '2001:db8::1%25eth0, garbage', peer],
    ['an IPv6 with a zone (dropped)', 'fe80::1%eth0', 'fe80::1'],
    ['latin-1 bytes', 'é\u00ff', peer],
    ['a Forwarded-style pair', 'for=203.0.113.10', peer],
  ];
  it.each(malformed)('X-Forwarded-For with %s: INVALID_CREDENTIALS', async (_label, header, recorded) => {
    const { res, ips } = await failedLogin(server(), peer, { 'x-forwarded-for': header });
    expect(res.status).toBe(200);
    expect(res.errors).toEqual([
      {
        message: 'Adresse e-mail ou mot de passe incorrect.',
        path: ['login'],
        locations: expect.anything(),
        extensions: { code: 'INVALID_CREDENTIALS' },
      },
    ]);
    expect(ips).toEqual([recorded]);
  });

  it('a right password with a malformed header logs in; the session keeps a valid address', async () => {
    const t = server();
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const res = await gqlFrom(t, '127.0.0.68', LOGIN, { e: a.email, p: a.password }, { 'x-forwarded-for': 'garbage' });
    expect(res.errors).toBeUndefined();
    expect(res.cookies.join()).toMatch(/essor_session=/);
    expect(await t.ds.query('SELECT host(ip) AS ip FROM session WHERE account_id = $1', [a.id])).toEqual([{ ip: '127.0.0.68' }]);
  });

  it('malformed headers do not break the other per-IP limits', async () => {
    const t = server();
    for (const header of ['garbage', ' , , ', 'x'.repeat(10_000)]) {
      const res = await gqlFrom(t, '127.0.0.66', RESET, { e: `${uniqueToken()}@exemple.org` }, { 'x-forwarded-for': header });
      expect(res.data).toEqual({ requestPasswordReset: true });
    }
    const [{ hits }] = await t.ds.query(`SELECT hits FROM rate_limit_counter WHERE bucket = $1 AND key_hash = $2`, [
      RATE_LIMITS.passwordResetPerIp.bucket,
      keyHash('127.0.0.66'),
    ]);
    expect(hits).toBe(3);
  });
});

withServer(1, (server) => {
  it('one hop: the address the proxy appended, not the ones a client prepended', async () => {
    expect(
      (await failedLogin(server(), '127.0.0.67', { 'x-forwarded-for': '198.18.0.8, 198.18.0.9, 203.0.113.253' })).ips,
    ).toEqual(['203.0.113.253']);
    expect((await failedLogin(server(), '127.0.0.67', {})).ips).toEqual(['127.0.0.67']);
    // Exactly one hop: the peer is trusted, not the addresses in the header, even loopback ones.
    expect((await failedLogin(server(), '127.0.0.67', { 'x-forwarded-for': '198.18.0.10, 127.0.0.11' })).ips).toEqual([
      '127.0.0.11',
    ]);
  });
});
