/**
 * The observatory's maintained aggregates in the bench database: the reference figures shipped
 * with Essor and the yearly snapshots (and their rollups) of this year and the previous one, built through the API's
 * own code (`seedReferenceFigures`, `refreshSnapshot`), as `npm start` does at start-up (the
 * benchmarked API runs with ESSOR_MIGRATE=0, which skips it). Both snapshots are computed from the
 * structures as they are now (the bench data has no history): same sizes, different years.
 */
import { createAppDataSource } from '../src/data-source';
import { seedReferenceFigures } from '../src/modules/observatory/reference-figures.service';
import { refreshSnapshot } from '../src/modules/observatory/snapshot.service';

/** The years the `observatory` operation asks for: this year and the previous one. */
export function observatoryYears(now = new Date()): [number, number] {
  const y = now.getFullYear();
  return [y, y - 1];
}

/**
 * Seeds the reference figures if missing, and (re)builds the snapshot and its rollups of each year that
 * is missing, has no rollups, or is older than the data set (`essor_bench.dataset.generated_at`, when
 * the generator recorded it). The migration that adds the rollups builds them for the years already there.
 */
export async function prepareObservatory(url: string, log: (m: string) => void): Promise<void> {
  const ds = createAppDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    await seedReferenceFigures(ds);
    const [meta] = await ds
      .query(`SELECT generated_at FROM essor_bench.dataset ORDER BY generated_at DESC LIMIT 1`)
      .catch(() => [] as Array<{ generated_at: Date }>);
    for (const year of observatoryYears()) {
      const [run]: Array<{ computed_at: Date; rolled_up: boolean }> = await ds.query(
        `SELECT computed_at, EXISTS (SELECT 1 FROM observatory_rollup WHERE year = $1) AS rolled_up
         FROM observatory_snapshot_run WHERE year = $1`,
        [year],
      );
      if (run && run.rolled_up && (!meta || run.computed_at >= meta.generated_at)) continue;
      const t = Date.now();
      const { structures } = await refreshSnapshot(ds, year);
      log(
        `built the observatory snapshot of ${year} (${structures.toLocaleString('en')} structures) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await ds.destroy();
  }
}
