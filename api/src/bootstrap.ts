import type { DataSource } from 'typeorm';
import { withAdvisoryLock } from './common/db/advisory-lock';
import { installJobQueue } from './common/jobs/job-runner';
import { queryRow, sql } from './common/sql/sql';
import { isDatabaseEmpty, seedDemo } from './modules/demo/demo-seed';
import { loadTerritory } from './modules/territory/territory-reference';
import { seedReferenceFigures } from './modules/observatory/reference-figures.service';
import { refreshSnapshot } from './modules/observatory/snapshot.service';
import { seedPlan } from './modules/plan/plan-seed';

/**
 * Migrations, then territory reference data, then the demo data if the directory is empty. Under
 * an advisory lock: replicas starting together on an empty database prepare it one at a time (the
 * next ones find it ready). Give it a data source without the request timeouts (main.ts does).
 */
export async function prepareDatabase(ds: DataSource, opts: { demo: boolean; log?: (m: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
  await withAdvisoryLock(ds, 'essor-prepare-database', () => prepare(ds, opts.demo, log), {
    onWait: () => log('another process is preparing the database: waiting for it'),
  });
}

async function prepare(ds: DataSource, demo: boolean, log: (m: string) => void): Promise<void> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  await installJobQueue(ds);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM commune');
  if (n === 0) {
    const t = await loadTerritory(ds);
    log(`loaded the territory of France: ${t.communes} communes, ${t.epcis} EPCIs`);
  }
  await seedReferenceFigures(ds);
  await seedPlan(ds);
  if (demo && (await isDatabaseEmpty(ds))) {
    const report = await seedDemo(ds);
    log(`loaded the Sambre-Avesnois demo data: ${JSON.stringify(report.counts)}`);
  }
  // The observatory reads maintained snapshots: make sure this year's exists.
  const { fresh } = (await queryRow(
    ds,
    sql<{
      fresh: boolean;
    }>`SELECT EXISTS (SELECT 1 FROM observatory_snapshot_run WHERE year = ${new Date().getFullYear()}) AS fresh`,
  ))!;
  if (!fresh) await refreshSnapshot(ds);
}
