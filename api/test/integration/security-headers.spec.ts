import 'reflect-metadata';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { createAppDataSource } from '../../src/data-source';
import { securityHeaders, tileSource } from '../../src/common/http/security-headers';

// The headers of every response of the app (both SPAs, /graphql), and the same in deploy/nginx.conf.

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'strict-transport-security',
];

/** A CSP as directive → sources. */
function parseCsp(value: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (value ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

const EXPECTED_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'https://*.tile.openstreetmap.fr'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

let ds: DataSource;
let root: string;
const servers: Array<{ server: Server; stop: () => Promise<void> }> = [];

/** The app with two small built SPAs, under the given environment. */
async function startApp(env: Record<string, string | undefined> = {}): Promise<string> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    const { app, stop } = await createApp({
      ds,
      webPublicDir: path.join(root, 'public'),
      webAdminDir: path.join(root, 'admin'),
      responseCache: false,
    });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ server, stop });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const graphql = (base: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-headers-'));
  for (const spa of ['public', 'admin']) {
    fs.mkdirSync(path.join(root, spa, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(root, spa, 'index.html'),
      `<!doctype html><title>${spa}</title><script type="module" src="/assets/app.js"></script>`,
    );
    fs.writeFileSync(path.join(root, spa, 'assets', 'app.js'), 'export {};');
  }
  ds = createAppDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
  await ds.initialize();
});
afterAll(async () => {
  for (const { server, stop } of servers) {
    await new Promise((resolve) => server.close(resolve));
    await stop();
  }
  await ds.destroy();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('security headers of the app', () => {
  let base: string;
  beforeAll(async () => {
    base = await startApp({ ESSOR_PUBLIC_URL: 'http://localhost:4000', ESSOR_TILE_URL: undefined });
  });

  const pages = [
    ['/', 'strict-origin-when-cross-origin'],
    ['/recherche', 'strict-origin-when-cross-origin'],
    ['/assets/app.js', 'strict-origin-when-cross-origin'],
    ['/admin/', 'no-referrer'],
    ['/admin/structures/42', 'no-referrer'],
    ['/admin/assets/app.js', 'no-referrer'],
  ] as const;

  it.each(pages)(
    '%s: strict CSP, no framing, nosniff, referrer policy, no HSTS over http, no X-Powered-By',
    async (p, referrer) => {
      const res = await fetch(`${base}${p}`);
      expect(res.status).toBe(200);
      expect(parseCsp(res.headers.get('content-security-policy'))).toEqual(EXPECTED_CSP);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe(referrer);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('/graphql (and its errors) carry them too', async () => {
    for (const res of [await graphql(base), await fetch(`${base}/graphql`, { method: 'POST', body: '{' })]) {
      expect(parseCsp(res.headers.get('content-security-policy'))).toEqual(EXPECTED_CSP);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('no inline script or style, no eval, nothing framed anywhere', async () => {
    const csp = (await fetch(`${base}/admin/`)).headers.get('content-security-policy')!;
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*(?!\.tile\.openstreetmap\.fr)/);
  });
});

describe('behind an https public URL', () => {
  it('adds HSTS (one year, subdomains) and upgrade-insecure-requests', async () => {
    const base = await startApp({ ESSOR_PUBLIC_URL: 'https://essor.exemple.org' });
    for (const p of ['/', '/admin/']) {
      const res = await fetch(`${base}${p}`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(parseCsp(res.headers.get('content-security-policy'))['upgrade-insecure-requests']).toEqual([]);
    }
    expect((await graphql(base)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('the map tiles allowed in img-src come from ESSOR_TILE_URL', () => {
  it('takes the host of the configured template', async () => {
    const base = await startApp({ ESSOR_TILE_URL: 'https://tuiles.exemple.org/carte/{z}/{x}/{y}.png' });
    const csp = parseCsp((await fetch(`${base}/`)).headers.get('content-security-policy'));
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'https://tuiles.exemple.org']);
  });

  it.each([
    ['https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.fr'],
    ['https://tile-{s}.carto.exemple.org/{z}/{x}/{y}.png', 'https://*.carto.exemple.org'],
    ['https://a.b.tiles.exemple.org:8443/{z}/{x}/{y}.png', 'https://a.b.tiles.exemple.org:8443'],
    ['', null],
  ])('%s → %s', (url, source) => {
    expect(tileSource(url)).toBe(source);
  });

  it.each(['pas une url', 'javascript:alert(1)', 'https://{s}/{z}/{x}/{y}.png', "https://x.org';script-src *"])(
    'refuses %s with a clear message',
    (url) => {
      expect(() => securityHeaders({ tileUrl: url })).toThrow(/ESSOR_TILE_URL/);
    },
  );
});

/**
 * The directives of deploy/nginx.conf: `add_header` of the server block and of each location,
 * and `map` blocks. A small tokenizer (no nginx configuration parser among the dependencies, and
 * the file only uses directives, blocks, quoted strings and comments).
 */
interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}
function parseNginx(text: string): Directive[] {
  const tokens = text.match(/#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[{};]|[^\s{};"'#]+/g) ?? [];
  let i = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    let words: string[] = [];
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t.startsWith('#')) continue;
      if (t === ';') {
        out.push({ name: words[0], args: words.slice(1) });
        words = [];
      } else if (t === '{') {
        out.push({ name: words[0], args: words.slice(1), block: block() });
        words = [];
      } else if (t === '}') {
        return out;
      } else {
        words.push(/^["']/.test(t) ? t.slice(1, -1) : t);
      }
    }
    return out;
  };
  return block();
}

describe('deploy/nginx.conf sends the same headers', () => {
  const conf = parseNginx(fs.readFileSync(path.resolve(__dirname, '../../../deploy/nginx.conf'), 'utf8'));
  const server = conf.find((d) => d.name === 'server')!.block!;
  const headersOf = (directives: Directive[]) =>
    Object.fromEntries(
      directives.filter((d) => d.name === 'add_header').map((d) => [d.args[0].toLowerCase(), d.args.slice(1)] as const),
    );
  const maps = Object.fromEntries(
    conf
      .filter((d) => d.name === 'map')
      .map((d) => [d.args[1], Object.fromEntries(d.block!.map((e) => [e.name, e.args[0] ?? '']))] as const),
  );

  it('in the server block, and in every location that has add_header of its own (nginx would drop them)', () => {
    const scopes = [
      server,
      ...server.filter((d) => d.name === 'location' && d.block!.some((e) => e.name === 'add_header')).map((d) => d.block!),
    ];
    expect(scopes.length).toBeGreaterThan(1);
    for (const scope of scopes) {
      const headers = headersOf(scope);
      for (const name of SECURITY_HEADERS) {
        expect({ name, present: name in headers }).toEqual({ name, present: true });
        // `always`: also on error responses.
        expect({ name, always: headers[name].at(-1) }).toEqual({ name, always: 'always' });
      }
      expect(parseCsp(headers['content-security-policy'][0])).toEqual(EXPECTED_CSP);
      expect(headers['x-frame-options'][0]).toBe('DENY');
      expect(headers['x-content-type-options'][0]).toBe('nosniff');
      expect(maps[headers['referrer-policy'][0]]).toEqual({
        '~^/admin(/|$)': 'no-referrer',
        default: 'strict-origin-when-cross-origin',
      });
      expect(maps[headers['strict-transport-security'][0]]).toEqual({
        https: 'max-age=31536000; includeSubDomains',
        default: '',
      });
    }
  });

  it('as the app does (same CSP as the app with the default tile URL)', async () => {
    const base = await startApp({ ESSOR_TILE_URL: undefined });
    const app = (await fetch(`${base}/`)).headers.get('content-security-policy');
    expect(parseCsp(headersOf(server)['content-security-policy'][0])).toEqual(parseCsp(app));
  });

  it('does not send the version of nginx, nor the API’s headers twice on /graphql', () => {
    expect(server.find((d) => d.name === 'server_tokens')?.args).toEqual(['off']);
    const hidden = server.filter((d) => d.name === 'proxy_hide_header').map((d) => d.args[0].toLowerCase());
    expect(hidden.sort()).toEqual([...SECURITY_HEADERS].sort());
    const graphqlLocation = server.find((d) => d.name === 'location' && d.args[0] === '/graphql')!.block!;
    expect(graphqlLocation.some((d) => d.name === 'add_header' || d.name === 'proxy_hide_header')).toBe(false);
  });
});
