// The manifest written beside each backup (manifest.json) and what checks it: a fingerprint of every
// table (row count and checksum of the rows), and the size and SHA-256 of every file of the backup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { OperationError, UsageError } from './db-backup-postgres.mjs';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'essor-backup/1';

const quoteIdent = (s) => `"${String(s).replace(/"/g, '""')}"`;

/**
 * Session settings under which a row's text (`t::text`) is the same on every server: the checksums
 * of a backup and of its restored copy are computed under them.
 */
export async function stableOutput(client) {
  await client.query(
    `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
     SET extra_float_digits = 1; SET bytea_output = 'hex'; SET lc_monetary = 'C'`,
  );
}

/**
 * Fingerprint of every ordinary table of the connected database (extension-owned ones aside):
 * [{ schema, table, unlogged, rows, checksum }], ordered by schema and name.
 *
 * The checksum is order-independent and runs in constant memory: the sum of the first 64 and of the
 * last 64 bits of md5(row text) over the rows, hashed. An md5 of string_agg(… ORDER BY …) would sort
 * every table and build one value per table, which hits PostgreSQL's 1 GB limit on a large one.
 * Unlogged tables (the response cache) are never in a backup (PostgreSQL does not WAL-log them and
 * pg_dump is given --no-unlogged-table-data): `unloggedAsEmpty` fingerprints them as restored, empty.
 */
export async function tableFingerprints(client, { unloggedAsEmpty = false } = {}) {
  await stableOutput(client);
  const { rows: tables } = await client.query(
    `SELECT n.nspname AS schema, c.relname AS table, c.relpersistence = 'u' AS unlogged
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND c.relpersistence IN ('p', 'u')
        AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1, 2`,
  );
  const out = [];
  for (const t of tables) {
    if (t.unlogged && unloggedAsEmpty) {
      out.push({ ...t, rows: 0, checksum: checksumOf('0', '0') });
      continue;
    }
    const {
      rows: [r],
    } = await client.query(
      `SELECT count(*)::text AS rows,
              coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text AS a,
              coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text AS b
         FROM (SELECT md5(t::text) AS h FROM ${quoteIdent(t.schema)}.${quoteIdent(t.table)} t) s`,
    );
    out.push({ ...t, rows: Number(r.rows), checksum: checksumOf(r.a, r.b) });
  }
  return out;
}

const checksumOf = (a, b) => crypto.createHash('sha256').update(`${a}/${b}`).digest('hex').slice(0, 32);

/** Differences between the tables a manifest records and those found (empty when they agree). */
export function compareTables(expected, actual) {
  const key = (t) => `${t.schema}.${t.table}`;
  const found = new Map(actual.map((t) => [key(t), t]));
  const problems = [];
  for (const e of expected) {
    const a = found.get(key(e));
    found.delete(key(e));
    if (!a) problems.push(`table ${key(e)} absente`);
    else if (a.rows !== e.rows) problems.push(`table ${key(e)} : ${a.rows} lignes au lieu de ${e.rows}`);
    else if (a.checksum !== e.checksum) problems.push(`table ${key(e)} : contenu différent (${e.rows} lignes)`);
  }
  for (const k of found.keys()) problems.push(`table ${k} inattendue`);
  return problems;
}

/** Lists the regular files under `dir` (posix paths relative to `base`). */
export function listFiles(dir, base = dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

export async function sha256File(file) {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** [{ path, size, sha256 }] of every file of a backup but the manifest. */
export async function fileEntries(backupDir) {
  const out = [];
  for (const rel of listFiles(backupDir)) {
    if (rel === MANIFEST) continue;
    const file = path.join(backupDir, rel);
    out.push({ path: rel, size: fs.statSync(file).size, sha256: await sha256File(file) });
  }
  return out;
}

export function writeManifest(backupDir, manifest) {
  fs.writeFileSync(path.join(backupDir, MANIFEST), JSON.stringify({ format: FORMAT, ...manifest }, null, 2) + '\n');
}

export function readManifest(backupDir) {
  const file = path.join(backupDir, MANIFEST);
  if (!fs.existsSync(file)) throw new UsageError(`${backupDir} n'est pas une sauvegarde Essor : il n'y a pas de ${MANIFEST}.`);
  let m;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new OperationError(`${file} est illisible (JSON invalide) : la sauvegarde est endommagée.`);
  }
  if (m.format !== FORMAT) throw new UsageError(`${file} : format « ${m.format} » inconnu (attendu ${FORMAT}).`);
  if (!['pg_dump', 'base-backup'].includes(m.method)) throw new UsageError(`${file} : méthode « ${m.method} » inconnue.`);
  return m;
}

/** Checks every file of a backup against its manifest: missing, extra, resized or altered files. */
export async function checkFiles(backupDir, manifest) {
  const problems = [];
  const listed = new Set();
  for (const f of manifest.files) {
    listed.add(f.path);
    const file = path.join(backupDir, f.path);
    if (!fs.existsSync(file)) problems.push(`fichier manquant : ${f.path}`);
    else if (fs.statSync(file).size !== f.size) problems.push(`fichier de taille différente : ${f.path}`);
    else if ((await sha256File(file)) !== f.sha256) problems.push(`fichier altéré : ${f.path}`);
  }
  for (const rel of listFiles(backupDir)) if (rel !== MANIFEST && !listed.has(rel)) problems.push(`fichier inattendu : ${rel}`);
  return problems;
}
