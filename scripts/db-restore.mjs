// `npm run db:restore -- DIR [--force] [--data-dir PATH]`: restores a backup made by npm run db:backup.
// - base backup: into a fresh data directory (npm start's .data/pg unless --data-dir), then starts a
//   server on it, which replays the backup's WAL to its consistent end, and compares every table with
//   the manifest. A non-empty data directory is refused unless --force, which moves it aside
//   (<dir>.before-restore-<time>) once the restored copy has been checked.
// - pg_dump: into the database of DATABASE_URL, or the `essor` database of the embedded PostgreSQL,
//   then compares every table with the manifest. A database with tables is refused unless --force,
//   which drops and recreates it.
// `npm run db:restore -- --check DIR` is `npm run db:backup -- --verify DIR`.
// The backup's files are checked against its manifest before anything is touched.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveArg, verify } from './db-backup.mjs';
import { checkFiles, compareTables, readManifest } from './db-backup-manifest.mjs';
import { recoverBase, restoreDump } from './db-backup-methods.mjs';
import { EMBEDDED_DATA_DIR, OperationError, ROOT, UsageError, onCleanup, openTarget, runCli } from './db-backup-postgres.mjs';

const USAGE = `usage : npm run db:restore -- DOSSIER_DE_SAUVEGARDE [--force] [--data-dir DOSSIER_DE_DONNÉES]
        npm run db:restore -- --check DOSSIER_DE_SAUVEGARDE`;

function parse(argv) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, check: { type: 'string' } },
    });
    if (values.check ? positionals.length : positionals.length !== 1) throw new Error('un dossier de sauvegarde, un seul');
    return { ...values, dir: values.check ?? positionals[0] };
  } catch (e) {
    throw new UsageError(`${e.message}\n${USAGE}`);
  }
}

async function checkBackupFiles(dir, manifest, log) {
  const problems = await checkFiles(dir, manifest);
  if (problems.length) throw new OperationError(`Sauvegarde endommagée, rien n'a été restauré :\n- ${problems.join('\n- ')}`);
  log(`${manifest.files.length} fichiers de la sauvegarde intacts`);
}

const shown = (p) => (p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p);

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function restoreBase(dir, manifest, { force, dataDir: dataDirArg }, log) {
  if (process.env.DATABASE_URL && !dataDirArg) {
    throw new UsageError(
      'Une sauvegarde de base se restaure dans un dossier de données (un cluster entier), pas dans la base de DATABASE_URL : ' +
        'retirez DATABASE_URL pour le PostgreSQL embarqué (.data/pg) ou indiquez --data-dir.',
    );
  }
  const dataDir = dataDirArg ? resolveArg(dataDirArg) : EMBEDDED_DATA_DIR;
  const used = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
  if (used) {
    const lock = path.join(dataDir, 'postmaster.pid');
    const pid = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8').split('\n')[0]) : 0;
    if (pid && processAlive(pid)) {
      throw new UsageError(
        `Un serveur PostgreSQL (pid ${pid}) tourne sur ${dataDir} : arrêtez-le (npm start : Ctrl-C) avant de restaurer. Rien n'a été modifié.`,
      );
    }
    if (!force) {
      throw new UsageError(
        `${dataDir} n'est pas vide : rien n'a été modifié. Relancez avec --force pour le remplacer (il sera déplacé à côté, pas supprimé).`,
      );
    }
  }
  await checkBackupFiles(dir, manifest, log);
  const staging = `${dataDir}.restoring-${process.pid}`;
  const dropStaging = onCleanup(() => fs.rmSync(staging, { recursive: true, force: true }));
  const restored = await recoverBase({ backupDir: dir, manifest, dataDir: staging, log });
  const diffs = manifest.databases.flatMap((d) => {
    const r = restored.find((x) => x.name === d.name);
    return r ? compareTables(d.tables, r.tables).map((p) => `${d.name} : ${p}`) : [`base ${d.name} absente`];
  });
  if (diffs.length)
    throw new OperationError(`Le cluster restauré diffère du manifeste (rien n'a été remplacé) :\n- ${diffs.join('\n- ')}`);
  let aside;
  if (used) {
    aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dataDir, aside);
  } else if (fs.existsSync(dataDir)) {
    fs.rmdirSync(dataDir);
  }
  fs.renameSync(staging, dataDir);
  dropStaging();
  const tables = restored.flatMap((d) => d.tables);
  log(`cluster restauré dans ${shown(dataDir)} et vérifié : ${tables.length} tables conformes au manifeste`);
  if (aside) log(`l'ancien dossier de données est dans ${shown(aside)} (supprimez-le quand vous n'en avez plus besoin)`);
  if (dataDir === EMBEDDED_DATA_DIR) log('npm start utilisera ce cluster');
}

async function restoreFromDump(dir, manifest, { force, dataDir }, log) {
  if (dataDir)
    throw new UsageError(
      '--data-dir ne sert qu’aux sauvegardes de base : une sauvegarde pg_dump se restaure dans une base (DATABASE_URL).',
    );
  await checkBackupFiles(dir, manifest, log);
  const target = await openTarget({ create: true });
  onCleanup(() => target.stop());
  const tables = await restoreDump({ backupDir: dir, manifest, url: target.url, force, log });
  const diffs = compareTables(manifest.databases[0].tables, tables);
  if (diffs.length) throw new OperationError(`La base restaurée diffère du manifeste :\n- ${diffs.join('\n- ')}`);
  log(`base restaurée et vérifiée : ${tables.length} tables conformes au manifeste`);
}

runCli('db:restore', async (log) => {
  const args = parse(process.argv.slice(2));
  const dir = resolveArg(args.dir);
  if (args.check) {
    await verify(dir, { filesOnly: false, log });
    log('sauvegarde vérifiée');
    return;
  }
  const manifest = readManifest(dir);
  log(
    `sauvegarde ${manifest.method} de PostgreSQL ${manifest.server.version} du ${manifest.createdAt}, base « ${manifest.database} »`,
  );
  if (manifest.method === 'pg_dump') await restoreFromDump(dir, manifest, { force: args.force, dataDir: args['data-dir'] }, log);
  else await restoreBase(dir, manifest, { force: args.force, dataDir: args['data-dir'] }, log);
});
