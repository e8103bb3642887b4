// `npm run db:backup -- --out DIR [--method auto|dump|base]`: backs up the database of DATABASE_URL, or
// npm start's embedded PostgreSQL (running, or started for the time of the command), into DIR with a
// manifest (manifest.json). `npm run db:backup -- --verify DIR [--files-only]` checks a backup: every
// file against the manifest, then a trial restore into a throwaway cluster compared table by table.
// Methods: see scripts/db-backup-methods.mjs. auto = pg_dump when the pg_dump of the server's major
// version is found (ESSOR_PG_BIN, PATH…), else the base backup when the server runs on this machine.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkFiles, compareTables, fileEntries, readManifest, writeManifest } from './db-backup-manifest.mjs';
import {
  baseBackup,
  baseBackupPossible,
  dumpBackup,
  serverInfo,
  trialRecoverBase,
  trialRestoreDump,
} from './db-backup-methods.mjs';
import { OperationError, UsageError, connect, findPrograms, onCleanup, openTarget, runCli } from './db-backup-postgres.mjs';

const USAGE = `usage : npm run db:backup -- --out DOSSIER [--method auto|dump|base]
        npm run db:backup -- --verify DOSSIER [--files-only]`;

/** Paths given on the command line are relative to where npm was run from. */
export const resolveArg = (p) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

function parse(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        method: { type: 'string', default: 'auto' },
        verify: { type: 'string' },
        'files-only': { type: 'boolean', default: false },
      },
    });
    if (!values.out === !values.verify) throw new Error('--out ou --verify, l’un des deux');
    if (!['auto', 'dump', 'base'].includes(values.method)) throw new Error(`méthode inconnue « ${values.method} »`);
    return values;
  } catch (e) {
    throw new UsageError(`${e.message}\n${USAGE}`);
  }
}

const sizeOf = (files) => `${(files.reduce((n, f) => n + f.size, 0) / 1024 / 1024).toFixed(1)} Mo`;

async function backup(outArg, method, log) {
  const out = resolveArg(outArg);
  if (fs.existsSync(out) && fs.readdirSync(out).length) {
    throw new UsageError(`${out} existe et n'est pas vide : une sauvegarde va dans un dossier neuf (rien n'a été modifié).`);
  }
  const began = Date.now();
  const target = await openTarget({ create: false });
  onCleanup(() => target.stop());
  const client = await connect(target.url);
  let chosen = method;
  try {
    if (method === 'auto') {
      const { major } = await serverInfo(client);
      const dump = await findPrograms(['pg_dump'], major).then(
        () => null,
        (e) => e.message,
      );
      const base = dump && (await baseBackupPossible(client));
      if (!dump) chosen = 'dump';
      else if (base.ok) chosen = 'base';
      else
        throw new UsageError(
          `Aucune méthode de sauvegarde possible ici.\n- pg_dump : ${dump}\n- sauvegarde de base : ${base.reason}`,
        );
    }
  } finally {
    await client.end();
  }
  // Written beside the destination, renamed into place once complete: a folder with a manifest is a
  // whole backup.
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial-${process.pid}`;
  // Private: a backup holds personal data.
  fs.mkdirSync(partial, { mode: 0o700 });
  const dropPartial = onCleanup(() => fs.rmSync(partial, { recursive: true, force: true }));
  let manifest;
  if (chosen === 'dump') {
    manifest = await dumpBackup({ url: target.url, outDir: partial, log });
  } else {
    const { database, ...rest } = await baseBackup({ url: target.url, outDir: partial, log });
    log('restauration d’essai dans un dossier jetable, pour décrire ce que la sauvegarde contient');
    const databases = await trialRecoverBase({ backupDir: partial, manifest: rest, log });
    if (!databases.some((d) => d.name === database))
      throw new OperationError(`La base « ${database} » manque dans la copie restaurée.`);
    manifest = { ...rest, database, databases };
  }
  await target.stop();
  const files = await fileEntries(partial);
  writeManifest(partial, {
    ...manifest,
    database: manifest.database ?? manifest.databases[0].name,
    finishedAt: new Date().toISOString(),
    files,
  });
  if (fs.existsSync(out)) fs.rmdirSync(out);
  fs.renameSync(partial, out);
  dropPartial();
  const tables = manifest.databases.flatMap((d) => d.tables);
  log(
    `sauvegarde terminée en ${((Date.now() - began) / 1000).toFixed(1)} s : ${out} (${sizeOf(files)}, ${tables.length} tables, ` +
      `${tables.reduce((n, t) => n + t.rows, 0)} lignes ; vérifiez-la avec npm run db:backup -- --verify ${outArg})`,
  );
}

/** Checks a backup: its files, then (unless filesOnly) a trial restore. Throws when it is not sound. */
export async function verify(dir, { filesOnly, log }) {
  const manifest = readManifest(dir);
  log(
    `sauvegarde ${manifest.method} de PostgreSQL ${manifest.server.version} du ${manifest.createdAt}, base « ${manifest.database} »`,
  );
  const problems = await checkFiles(dir, manifest);
  if (problems.length) throw new OperationError(`Sauvegarde endommagée (${dir}) :\n- ${problems.join('\n- ')}`);
  log(`${manifest.files.length} fichiers intacts (${sizeOf(manifest.files)})`);
  if (filesOnly) return manifest;
  const restored =
    manifest.method === 'pg_dump'
      ? await trialRestoreDump({ backupDir: dir, manifest, log })
      : await trialRecoverBase({ backupDir: dir, manifest, log });
  const diffs = manifest.databases.flatMap((d) => {
    const r = restored.find((x) => x.name === d.name);
    return r ? compareTables(d.tables, r.tables).map((p) => `${d.name} : ${p}`) : [`base ${d.name} absente`];
  });
  if (diffs.length) throw new OperationError(`La restauration d’essai diffère du manifeste :\n- ${diffs.join('\n- ')}`);
  const tables = manifest.databases.flatMap((d) => d.tables);
  log(`restauration d’essai conforme au manifeste : ${tables.length} tables, ${tables.reduce((n, t) => n + t.rows, 0)} lignes`);
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli('db:backup', async (log) => {
    const args = parse(process.argv.slice(2));
    if (args.verify) {
      await verify(resolveArg(args.verify), { filesOnly: args['files-only'], log });
      log('sauvegarde vérifiée');
    } else {
      await backup(args.out, args.method, log);
    }
  });
}
