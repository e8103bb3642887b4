/**
 * `npm run bench:sirene [-- --establishments 1000000 --seed N --territory 02,59,60,62,80 --outside 0.1
 *   --database essor_sirene_bench --database-url URL --regenerate --no-write]`
 *
 * The SIRENE import at scale (issue « Observatory »: « a million establishments take minutes, not hours »):
 * 1. generates official-format StockUniteLegale / StockEtablissement files (bench/sirene-files.ts),
 *    deterministic by seed, streamed to .data/bench-sirene/ (kept and reused while the options match);
 * 2. creates a fresh database (default `essor_sirene_bench`) on the bench PostgreSQL server (never
 *    `essor_bench`), with the API's migrations and territory, and runs the real import — the CLI of
 *    `npm run sirene:import` (api/src/cli/sirene-import.ts) in its own process — measuring wall time,
 *    phases, rows/s, peak RSS and CPU of the importing process, and PostgreSQL's CPU;
 * 3. times a rebuild of the observatory snapshots alone (`refreshSnapshot`, the API's own code);
 * 4. runs the same import again, which must change nothing;
 * 5. prints a markdown report and writes it into BENCHMARKS.md between the `bench:sirene` markers.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createAppDataSource } from '../src/data-source';
import { refreshSnapshot } from '../src/modules/observatory/snapshot.service';
import { loadTerritory } from '../src/modules/territory/territory-reference';
import { API_DIR, BENCH_DB, REPO_DIR, openBenchDatabase, withClient } from './db';
import { BENCHMARKS_MD, machineBusyMs, postmasterPid, procCpuMs, treeCpuMs } from './run';
import { existingFiles, generateSireneFiles, type SireneFilesManifest } from './sirene-files';

export const SIRENE_DATA_DIR = path.join(REPO_DIR, '.data', 'bench-sirene');
const DEFAULT_TERRITORY = '02,59,60,62,80';
const FILE_DATE = '2026-11-01';

interface SireneBenchOptions {
  establishments: number;
  seed: number;
  territory: string[];
  outsideShare: number;
  database: string;
  databaseUrl?: string;
  regenerate: boolean;
  write: boolean;
  command: string;
}

interface ImportReport {
  importId: string;
  etablissementsRead: number;
  etablissementsKept: number;
  unitesRead: number;
  unitesKept: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  outsidePerimeter: number;
}

interface ImportRun {
  label: string;
  wallMs: number;
  /** Time from the start of the process to the first progress row, then in each phase (ms). */
  phases: { start: number; etablissements: number; unites: number; upsert: number; afterCommit: number };
  maxRssMb: number;
  sampledRssMb: number;
  importerCpuMs: number;
  pgCpuMs: number | null;
  otherCpuMs: number;
  report: ImportReport;
  structures: { count: number; versionSum: number; lastUpdate: string | null };
}

const n = (x: number) => Math.round(x).toLocaleString('en').replace(/,/g, ' ');
const s1 = (ms: number) => (ms / 1000).toFixed(1);

// ------------------------------------------------------------------ the import, in its own process

function tally(url: string): Promise<ImportRun['structures']> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS count, coalesce(sum(version), 0)::bigint AS v, max(updated_at) AS last FROM structure`,
    );
    return { count: rows[0].count, versionSum: Number(rows[0].v), lastUpdate: rows[0].last ? rows[0].last.toISOString() : null };
  });
}

/** Runs `api/src/cli/sirene-import.ts` (what `npm run sirene:import` runs) and measures it. */
async function runImport(
  label: string,
  url: string,
  files: { etablissements: string; unites: string },
  territory: string[],
  dbPid: number | null,
  log: (m: string) => void,
): Promise<ImportRun> {
  const probeFile = path.join(os.tmpdir(), `essor-sirene-probe-${process.pid}-${Date.now()}.json`);
  const watcher = new Client({ connectionString: url, application_name: 'essor-bench-sirene-watch' });
  await watcher.connect();
  const [{ last }] = (await watcher.query('SELECT coalesce(max(id), 0)::bigint AS last FROM sirene_import')).rows;
  const seen: Record<string, number> = {};
  const db0 = dbPid ? treeCpuMs(dbPid) : 0;
  const busy0 = machineBusyMs();
  const t0 = Date.now();
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-r',
      path.join(__dirname, 'rss-probe.ts'),
      path.join(API_DIR, 'src', 'cli', 'sirene-import.ts'),
      '--etablissements',
      files.etablissements,
      '--unites',
      files.unites,
      '--territory',
      territory.join(','),
      '--date',
      FILE_DATE,
    ],
    {
      cwd: API_DIR,
      env: { ...process.env, DATABASE_URL: url, ESSOR_BENCH_PROBE_FILE: probeFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const line of d.toString().split('\n')) if (line.trim()) log(`  ${label}: ${line.trim().slice(0, 160)}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let rss = 0;
  let childCpu = 0;
  let polling = false;
  const poll = setInterval(() => {
    rss = Math.max(rss, procVmHwm(child.pid!));
    childCpu = Math.max(childCpu, procCpuMs(child.pid!));
    if (polling) return;
    polling = true;
    watcher
      .query('SELECT phase FROM sirene_import WHERE id > $1 ORDER BY id DESC LIMIT 1', [last])
      .then(({ rows }) => {
        if (rows[0] && seen[rows[0].phase] === undefined) seen[rows[0].phase] = Date.now() - t0;
      })
      .catch(() => {})
      .finally(() => (polling = false));
  }, 250);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  const wallMs = Date.now() - t0;
  clearInterval(poll);
  const pgCpuMs = dbPid ? treeCpuMs(dbPid) - db0 : null;
  const busy = machineBusyMs() - busy0;
  await watcher.end();
  if (code !== 0) throw new Error(`${label}: the import exited with code ${code}:\n${output.split('\n').slice(-20).join('\n')}`);
  const probe = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as { maxRssKb: number; cpuMs: number };
  fs.rmSync(probeFile, { force: true });
  const report = await withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT id::text, report FROM sirene_import WHERE id > $1 AND phase = 'DONE' ORDER BY id DESC LIMIT 1`,
      [last],
    );
    if (!rows[0]) throw new Error(`${label}: no finished import in sirene_import`);
    return { ...rows[0].report, importId: rows[0].id } as ImportReport;
  });
  const at = (phase: string, fallback: number) => seen[phase] ?? fallback;
  const tEtab = at('ETABLISSEMENTS', 0);
  const tUnites = at('UNITES', tEtab);
  const tUpsert = at('UPSERT', tUnites);
  const tDone = at('DONE', wallMs);
  const importerCpuMs = probe.cpuMs || childCpu;
  return {
    label,
    wallMs,
    phases: {
      start: tEtab,
      etablissements: tUnites - tEtab,
      unites: tUpsert - tUnites,
      upsert: tDone - tUpsert,
      afterCommit: wallMs - tDone,
    },
    maxRssMb: probe.maxRssKb / 1024,
    sampledRssMb: rss,
    importerCpuMs,
    pgCpuMs,
    otherCpuMs: Math.max(0, busy - importerCpuMs - (pgCpuMs ?? 0)),
    report,
    structures: await tally(url),
  };
}

function procVmHwm(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// ------------------------------------------------------------------ main

export async function runSireneBench(o: SireneBenchOptions, log: (m: string) => void): Promise<string> {
  if (o.database === BENCH_DB || o.database === 'postgres' || !/^[a-z_][a-z0-9_]*$/.test(o.database)) {
    throw new Error(`--database ${o.database}: give a dedicated database name (never ${BENCH_DB})`);
  }
  // 1. Files.
  const fileOpts = {
    establishments: o.establishments,
    seed: o.seed,
    territory: o.territory,
    outsideShare: o.outsideShare,
    dir: SIRENE_DATA_DIR,
    log,
  };
  let manifest: SireneFilesManifest | null = o.regenerate ? null : existingFiles(fileOpts);
  let generatedNow = false;
  if (manifest) {
    log(
      `reusing the files of ${manifest.generatedAt} in ${path.relative(REPO_DIR, SIRENE_DATA_DIR)} (same options; --regenerate to redo them)`,
    );
  } else {
    log(`generating ${n(o.establishments)} establishment lines in ${path.relative(REPO_DIR, SIRENE_DATA_DIR)}`);
    manifest = await generateSireneFiles(fileOpts);
    generatedNow = true;
    log(`generated in ${manifest.seconds.toFixed(0)} s: ${JSON.stringify(manifest.counts)}`);
  }
  const files = {
    etablissements: path.join(SIRENE_DATA_DIR, manifest.etablissementsFile),
    unites: path.join(SIRENE_DATA_DIR, manifest.unitesFile),
  };

  // 2. A fresh database on the bench server, schema and territory through the API's own code.
  const server = await openBenchDatabase({ databaseUrl: o.databaseUrl, log });
  try {
    const u = new URL(server.serverUrl);
    u.pathname = `/${o.database}`;
    const url = u.toString();
    const tDb = Date.now();
    await withClient(server.serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${o.database} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${o.database}`);
    });
    process.env.ESSOR_QUIET_MIGRATIONS ??= '1';
    process.env.ESSOR_SLOW_QUERY_MS ??= '600000';
    const ds = createAppDataSource({ url, poolSize: 2 });
    await ds.initialize();
    let snapshotMs = 0;
    let snapshot = { year: 0, structures: 0 };
    try {
      await ds.runMigrations({ transaction: 'each' });
      await loadTerritory(ds);
      log(`fresh database ${o.database} (migrations, territory) in ${s1(Date.now() - tDb)} s`);
      const dbPid = server.dedicated ? postmasterPid() : null;

      // 3. The import, then the snapshots alone, then the same import again.
      const first = await runImport('import 1', url, files, o.territory, dbPid, log);
      log(`import 1: ${s1(first.wallMs)} s, ${JSON.stringify(first.report)}`);
      const tSnap = Date.now();
      snapshot = await refreshSnapshot(ds);
      snapshotMs = Date.now() - tSnap;
      log(`snapshot rebuild alone: ${s1(snapshotMs)} s (${n(snapshot.structures)} structures)`);
      const second = await runImport('import 2', url, files, o.territory, dbPid, log);
      log(`import 2: ${s1(second.wallMs)} s, ${JSON.stringify(second.report)}`);
      const facts = await withClient(url, async (c) => {
        const q = async (sql: string) => (await c.query(sql)).rows[0];
        return {
          published: Number((await q(`SELECT count(*) AS n FROM structure WHERE status = 'PUBLISHED'`)).n),
          drafts: Number((await q(`SELECT count(*) AS n FROM structure WHERE status = 'DRAFT'`)).n),
          nonDiffusible: Number((await q(`SELECT count(*) AS n FROM structure WHERE NOT diffusible`)).n),
          nonDiffusiblePublished: Number(
            (await q(`SELECT count(*) AS n FROM structure WHERE NOT diffusible AND status = 'PUBLISHED'`)).n,
          ),
          snapshotRows: Number((await q(`SELECT count(*) AS n FROM observatory_snapshot`)).n),
          snapshotSectorRows: Number((await q(`SELECT count(*) AS n FROM observatory_snapshot_sector`)).n),
          errors: Number((await q(`SELECT count(*) AS n FROM sirene_import_error`)).n),
          errorKinds: (
            await c.query(
              `SELECT regexp_replace(regexp_replace(message, ' ?«.*»', ''), '[0-9]{9,14}', 'N', 'g') AS kind, count(*)::int AS n
               FROM sirene_import_error
               WHERE import_id = $1 GROUP BY 1 ORDER BY 2 DESC`,
              [first.report.importId],
            )
          ).rows as Array<{ kind: string; n: number }>,
          dbMb: Number((await q(`SELECT pg_database_size(current_database()) AS n`)).n) / 1048576,
          structureMb: Number((await q(`SELECT pg_total_relation_size('structure') AS n`)).n) / 1048576,
        };
      });
      const pg = await withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string);
      return report(o, manifest, generatedNow, first, second, snapshotMs, snapshot, facts, pg, server.dedicated);
    } finally {
      await ds.destroy();
    }
  } finally {
    await server.stop();
  }
}

// ------------------------------------------------------------------ report

function report(
  o: SireneBenchOptions,
  m: SireneFilesManifest,
  generatedNow: boolean,
  first: ImportRun,
  second: ImportRun,
  snapshotMs: number,
  snapshot: { year: number; structures: number },
  facts: {
    published: number;
    drafts: number;
    nonDiffusible: number;
    nonDiffusiblePublished: number;
    snapshotRows: number;
    snapshotSectorRows: number;
    errors: number;
    errorKinds: Array<{ kind: string; n: number }>;
    dbMb: number;
    structureMb: number;
  },
  pgVersion: string,
  dedicated: boolean,
): string {
  const L: string[] = [];
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const lines = m.establishments + m.counts.units;
  const idempotent =
    second.report.inserted === 0 &&
    second.report.updated === 0 &&
    second.structures.count === first.structures.count &&
    second.structures.versionSum === first.structures.versionSum &&
    second.structures.lastUpdate === first.structures.lastUpdate;
  const other = Math.max(first.otherCpuMs / first.wallMs, second.otherCpuMs / second.wallMs);
  L.push(`### SIRENE import: measured ${when}`);
  L.push('');
  L.push(`Reproduce: \`${o.command}\``);
  L.push('');
  L.push(
    `- Files (\`.data/bench-sirene/\`, ${generatedNow ? `generated in ${m.seconds.toFixed(0)} s` : `generated ${m.generatedAt}`}, seed ${m.seed}): ` +
      `${n(m.establishments)} establishment lines (${(m.bytes.etablissements / 1048576).toFixed(0)} MB) and ${n(m.counts.units)} legal units ` +
      `(${(m.bytes.unites / 1048576).toFixed(0)} MB); ${n(m.counts.insideLines)} lines in the ${n(m.counts.territoryCommunes)} communes of the territory ` +
      `\`${m.territory.join(',')}\`, ${n(m.counts.outsideLines)} outside it; ${n(m.counts.perimeterLines)} inside lines belong to units of the ESS perimeter; ` +
      `${n(m.counts.nonDiffusibleLines)} non-diffusible and ${n(m.counts.closedLines)} closed establishments; ${n(m.counts.individualEntrepreneurUnits)} ` +
      `individual entrepreneurs (no \`denominationUniteLegale\`); ${m.counts.badSiretLines} wrong SIRET keys and ${m.counts.badRangeLines} unknown workforce ranges. ` +
      `sha256 ${m.sha256.etablissements.slice(0, 12)}… / ${m.sha256.unites.slice(0, 12)}…`,
  );
  L.push(
    `- Database: a fresh \`${o.database}\` on the bench PostgreSQL ${pgVersion} (${dedicated ? 'embedded, `.data/bench-pg`' : 'given by URL'}), ` +
      'migrations and territory loaded, no structure before the first import. The import is `api/src/cli/sirene-import.ts` ' +
      '(what `npm run sirene:import` runs) in its own Node process, TypeScript compiled on load by @swc-node/register (in the wall time).',
  );
  L.push(
    `- Machine: ${os.availableParallelism()} CPU, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}; ` +
      `unrelated processes used up to ${other.toFixed(2)} core(s) on average during an import` +
      (other > 0.25 ? ' — **the machine was shared: times are pessimistic**.' : '.'),
  );
  L.push('');
  L.push('| Step | Wall time | Lines / rows | Rate | Importer peak RSS | Importer CPU | PostgreSQL CPU | Result |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const cpu = (ms: number | null) => (ms === null ? '–' : `${s1(ms)} s`);
  for (const run of [first, second]) {
    const r = run.report;
    const title = run === first ? '**Import 1** (empty database)' : '**Import 2** (same files again)';
    L.push(
      `| ${title} | **${s1(run.wallMs)} s** | ${n(r.etablissementsRead + r.unitesRead)} lines read | ${n((r.etablissementsRead + r.unitesRead) / (run.wallMs / 1000))} lines/s ` +
        `(${n(r.etablissementsRead / (run.wallMs / 1000))} establishments/s) | ${run.maxRssMb.toFixed(0)} MB | ${cpu(run.importerCpuMs)} | ${cpu(run.pgCpuMs)} | ` +
        `${n(r.inserted)} inserted, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ${n(r.outsidePerimeter)} outside the perimeter, ${n(r.rejected)} rejected |`,
    );
    const p = run.phases;
    L.push(`| — start-up (Node, swc, migrations check, territory) | ${s1(p.start)} s | | | | | | |`);
    L.push(
      `| — stage establishments (parse, filter, COPY) | ${s1(p.etablissements)} s | ${n(r.etablissementsRead)} read, ${n(r.etablissementsKept)} kept | ` +
        `${n(r.etablissementsRead / (p.etablissements / 1000))} lines/s | | | | |`,
    );
    L.push(
      `| — stage legal units | ${s1(p.unites)} s | ${n(r.unitesRead)} read, ${n(r.unitesKept)} kept | ${n(r.unitesRead / (p.unites / 1000))} lines/s | | | | |`,
    );
    L.push(
      `| — upsert into \`structure\` (one transaction) | ${s1(p.upsert)} s | ${n(r.inserted + r.updated + r.unchanged)} in the perimeter | ` +
        `${n((r.inserted + r.updated + r.unchanged) / (p.upsert / 1000))} rows/s | | | | |`,
    );
    L.push(`| — snapshot refresh (in the import) and exit | ${s1(p.afterCommit)} s | | | | | | |`);
  }
  L.push(
    `| Snapshot rebuild alone (\`refreshSnapshot\`, year ${snapshot.year}) | ${s1(snapshotMs)} s | ${n(snapshot.structures)} structures → ` +
      `${n(facts.snapshotRows)} + ${n(facts.snapshotSectorRows)} snapshot rows | | | | | |`,
  );
  L.push('');
  L.push(
    `- Lines per second count both files (${n(lines)} lines). The importer's peak RSS is \`getrusage\` maxRSS of the import process ` +
      `(sampled VmHWM: ${first.sampledRssMb.toFixed(0)} / ${second.sampledRssMb.toFixed(0)} MB); CPU is process CPU time ` +
      '(PostgreSQL: all server processes).',
  );
  L.push(
    `- After the imports: ${n(first.structures.count)} structures (${n(facts.published)} published, ${n(facts.drafts)} drafts; ` +
      `${n(facts.nonDiffusible)} non-diffusible, of which published: ${facts.nonDiffusiblePublished}); database ${facts.dbMb.toFixed(0)} MB ` +
      `(\`structure\` and its indexes ${facts.structureMb.toFixed(0)} MB).`,
  );
  L.push(
    `- Rejected lines of import 1: ${facts.errorKinds.map((k) => `${n(k.n)} « ${k.kind} »`).join(', ') || 'none'} ` +
      `(${n(facts.errors)} rows in \`sirene_import_error\` for both imports).`,
  );
  L.push(
    `- Idempotence: import 2 ${idempotent ? '**changed nothing**' : '**changed something**'} ` +
      `(inserted ${second.report.inserted}, updated ${second.report.updated}; structures ${n(first.structures.count)} → ${n(second.structures.count)}, ` +
      `sum of versions ${n(first.structures.versionSum)} → ${n(second.structures.versionSum)}, last \`updated_at\` ` +
      `${first.structures.lastUpdate === second.structures.lastUpdate ? 'unchanged' : `${first.structures.lastUpdate} → ${second.structures.lastUpdate}`}).`,
  );
  L.push('');
  const minutes = first.wallMs / 60000;
  L.push('| Target | Measured | Met |');
  L.push('| --- | --- | :---: |');
  L.push(
    `| a million establishments take minutes, not hours | ${n(m.establishments)} establishment lines (+ ${n(m.counts.units)} unit lines) in ${minutes.toFixed(1)} min | ` +
      `${m.establishments >= 1_000_000 && minutes < 60 ? 'yes' : m.establishments < 1_000_000 ? '– (fewer than 1 M lines)' : '**no**'} |`,
  );
  L.push(
    `| a second run of the same files changes nothing | inserted ${second.report.inserted}, updated ${second.report.updated} | ${idempotent ? 'yes' : '**no**'} |`,
  );
  L.push(
    `| non-diffusible units are never published | ${facts.nonDiffusiblePublished} published | ${facts.nonDiffusiblePublished === 0 ? 'yes' : '**no**'} |`,
  );
  return L.join('\n');
}

const START = '<!-- bench:sirene:start -->';
const END = '<!-- bench:sirene:end -->';

function writeSection(markdown: string) {
  const block = `${START}\n\n${markdown.trim()}\n\n${END}`;
  let text = fs.readFileSync(BENCHMARKS_MD, 'utf8');
  if (text.includes(START) && text.includes(END)) {
    text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  } else {
    text = `${text.trimEnd()}\n\n## SIRENE import\n\n${block}\n`;
  }
  fs.writeFileSync(BENCHMARKS_MD, text);
}

// ------------------------------------------------------------------ CLI

if (require.main === module) {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: {
      establishments: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20261127' },
      territory: { type: 'string', default: DEFAULT_TERRITORY },
      outside: { type: 'string', default: '0.1' },
      database: { type: 'string', default: 'essor_sirene_bench' },
      'database-url': { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const establishments = Number(values.establishments);
  const seed = Number(values.seed);
  const outsideShare = Number(values.outside);
  if (!Number.isInteger(establishments) || establishments < 1 || establishments > 20_000_000) {
    console.error('--establishments must be an integer between 1 and 20000000');
    process.exit(2);
  }
  if (!Number.isInteger(seed) || !(outsideShare >= 0 && outsideShare < 1)) {
    console.error('--seed must be an integer and --outside a share in [0, 1)');
    process.exit(2);
  }
  const opts: SireneBenchOptions = {
    establishments,
    seed,
    territory: values
      .territory!.split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    outsideShare,
    database: values.database!,
    databaseUrl: values['database-url'],
    regenerate: values.regenerate!,
    write: !values['no-write'],
    // The command that reproduces the figures (regenerating or not writing them changes none).
    command: (() => {
      const kept = argv.filter((a) => a !== '--regenerate' && a !== '--no-write');
      return ['npm run bench:sirene', ...(kept.length ? ['--', ...kept] : [])].join(' ');
    })(),
  };
  const log = (m: string) => console.log(`[bench:sirene] ${m}`);
  runSireneBench(opts, log).then(
    (markdown) => {
      console.log(`\n${markdown}\n`);
      if (opts.write) {
        writeSection(markdown);
        log(`written to ${path.relative(REPO_DIR, BENCHMARKS_MD)}`);
      }
      process.exit(0);
    },
    (e) => {
      console.error(`[bench:sirene] ${e instanceof Error ? e.message : String(e)}`);
      if (process.env.ESSOR_BENCH_DEBUG) console.error(e);
      process.exit(1);
    },
  );
}
