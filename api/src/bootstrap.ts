import type { DataSource } from 'typeorm';
import { installJobQueue } from './common/jobs/job-runner';
import { isDatabaseEmpty, seedDemo } from './modules/demo/demo-seed';
import { loadTerritory } from './modules/territory/territory-reference';
import { seedReferenceFigures } from './modules/observatory/reference-figures.service';
import { refreshSnapshot } from './modules/observatory/snapshot.service';
import { seedPlan } from './modules/plan/plan-seed';

/** Migrations, then territory reference data, then the demo data if the directory is empty. */
export async function prepareDatabase(ds: DataSource, opts: { demo: boolean; log?: (m: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
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
  if (opts.demo && (await isDatabaseEmpty(ds))) {
    const report = await seedDemo(ds);
    log(`loaded the Sambre-Avesnois demo data: ${JSON.stringify(report.counts)}`);
  }
  // The observatory reads maintained snapshots: make sure this year's exists.
  const [{ fresh }] = await ds.query('SELECT EXISTS (SELECT 1 FROM observatory_snapshot_run WHERE year = $1) AS fresh', [
    new Date().getFullYear(),
  ]);
  if (!fresh) await refreshSnapshot(ds);
}
