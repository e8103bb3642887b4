import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './api-process';
import { embeddedBinDir } from './clusters';

export interface StreamingReplica {
  /** Superuser URL of a database of the replica. */
  url(db?: string): string;
  stop(): Promise<void>;
}

/** Copies a live data directory: files that vanish meanwhile are skipped (the backup's WAL replay repairs the rest). */
function copyLive(from: string, to: string, uid: number, gid: number): void {
  fs.mkdirSync(to, { mode: 0o700 });
  fs.chownSync(to, uid, gid);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    try {
      if (entry.isDirectory()) copyLive(src, dst, uid, gid);
      else {
        fs.copyFileSync(src, dst);
        fs.chownSync(dst, uid, gid);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** What a base backup leaves out (as pg_basebackup does): the primary's lock, WAL, slots and temporary files. */
const SKIPPED = ['postmaster.pid', 'postmaster.opts'];
const EMPTIED = ['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans'];

/**
 * A streaming replica of a running embedded primary, made as `pg_basebackup -R` would (the embedded
 * binaries have no pg_basebackup): a physical replication slot, `pg_backup_start`, a copy of the data
 * directory, `pg_backup_stop` whose backup_label we write, then `standby.signal` and `primary_conninfo`.
 * The replica streams from the slot (it keeps the WAL since the backup's start). Its server runs in a
 * child process of the test, stopped by `stop()`.
 */
export async function startStreamingReplica(
  primaryUrl: string,
  primaryDataDir: string,
  replicaDataDir: string,
): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  const { uid, gid } = fs.statSync(primaryDataDir);
  const c = new Client({ connectionString: primaryUrl });
  await c.connect();
  const slot = 'essor_test_replica';
  try {
    await c.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    await c.query(`SELECT pg_backup_start('essor replica', fast => true)`);
    copyLive(primaryDataDir, replicaDataDir, uid, gid);
    const {
      rows: [stop],
    } = await c.query('SELECT labelfile FROM pg_backup_stop(wait_for_archive => false)');
    fs.writeFileSync(path.join(replicaDataDir, 'backup_label'), stop.labelfile, { mode: 0o600 });
  } finally {
    await c.end();
  }
  for (const f of SKIPPED) fs.rmSync(path.join(replicaDataDir, f), { force: true });
  for (const d of EMPTIED) {
    const dir = path.join(replicaDataDir, d);
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir)) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(replicaDataDir, 'pg_wal', 'archive_status'), { recursive: true });
  fs.writeFileSync(path.join(replicaDataDir, 'standby.signal'), '');
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=essor_test_replica`;
  fs.appendFileSync(
    path.join(replicaDataDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
  );
  const chown = (p: string) => {
    fs.lchownSync(p, uid, gid);
    if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chown(path.join(p, e));
  };
  chown(replicaDataDir);

  const port = await freePort();
  const child: ChildProcess = spawn(
    path.join(embeddedBinDir(), 'postgres'),
    [
      '-D',
      replicaDataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    { uid, gid, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${log.slice(-10).join('')}`)), 30_000);
    child.stderr!.on('data', (d) => {
      log.push(String(d));
      if (/ready to accept read-only connections/.test(log.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`replica exited:\n${log.slice(-10).join('')}`));
    });
  });
  return {
    url(db = 'postgres') {
      const u = new URL(primaryUrl);
      u.port = String(port);
      u.pathname = `/${db}`;
      return u.toString();
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT'); // fast shutdown
      await exited;
    },
  };
}
