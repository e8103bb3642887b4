import type { DataSource } from 'typeorm';
import { isDatabaseEmpty, seedDemo } from './modules/demo/demo-seed';
import { loadTerritory } from './modules/territory/territory-reference';

/** Migrations, then territory reference data, then the demo data if the directory is empty. */
export async function prepareDatabase(ds: DataSource, opts: { demo: boolean; log?: (m: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM commune');
  if (n === 0) {
    const t = await loadTerritory(ds);
    log(`loaded the territory of France: ${t.communes} communes, ${t.epcis} EPCIs`);
  }
  if (opts.demo && (await isDatabaseEmpty(ds))) {
    const report = await seedDemo(ds);
    log(`loaded the Sambre-Avesnois demo data: ${JSON.stringify(report)}`);
  }
}
