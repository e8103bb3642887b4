import type { DataSource } from 'typeorm';
import { liftStatementTimeout } from '../../common/db/statement-timeout';
import { PERIMETER_RULE_VERSION } from './perimeter';

/**
 * Recomputes the snapshot of a year from the structures in the perimeter (active, not
 * archived), then its rollups, in one transaction. Dashboards read the rollups (and, for
 * commune lists, the snapshot), never the structures.
 * Run after imports and edits in bulk, and at start-up for the current year.
 */
export async function refreshSnapshot(
  ds: DataSource,
  year = new Date().getFullYear(),
): Promise<{ year: number; structures: number }> {
  return ds.transaction(async (m) => {
    await liftStatementTimeout(m); // a job, not a request (also when an admin starts it)
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('essor-snapshot'), $1)`, [year]);
    await m.query('DELETE FROM observatory_snapshot WHERE year = $1', [year]);
    await m.query('DELETE FROM observatory_snapshot_sector WHERE year = $1', [year]);
    const base = `FROM structure s WHERE s.in_perimeter AND s.active AND s.status <> 'ARCHIVED' AND s.commune_code IS NOT NULL`;
    const employer = `(s.employer IS TRUE OR coalesce(s.workforce_range, 'NN') NOT IN ('NN', '00') OR s.employees_declared > 0)`;
    await m.query(
      `INSERT INTO observatory_snapshot
       SELECT $1, s.commune_code, s.ess_family, essor_naf_section(s.naf_code), coalesce(s.workforce_range, 'NN'),
         count(*), count(*) FILTER (WHERE ${employer}), count(s.employees_declared), coalesce(sum(s.employees_declared), 0)
       ${base} GROUP BY 2, 3, 4, 5`,
      [year],
    );
    await m.query(
      `INSERT INTO observatory_snapshot_sector
       SELECT $1, s.commune_code, ss.sector_id, s.ess_family, coalesce(s.workforce_range, 'NN'), count(*), count(*) FILTER (WHERE ${employer})
       ${base.replace('FROM structure s', 'FROM structure s JOIN structure_sector ss ON ss.structure_id = s.id')} GROUP BY 2, 3, 4, 5`,
      [year],
    );
    // The rollups the dashboards read (per France, région, département, EPCI and commune): migrations/…_observatory_rollups.
    await m.query('SELECT essor_observatory_rollup($1::smallint)', [year]);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n ${base}`);
    await m.query(
      `INSERT INTO observatory_snapshot_run (year, computed_at, rule_version, structures) VALUES ($1, now(), $2, $3)
       ON CONFLICT (year) DO UPDATE SET computed_at = now(), rule_version = EXCLUDED.rule_version, structures = EXCLUDED.structures`,
      [year, PERIMETER_RULE_VERSION, n],
    );
    return { year, structures: n };
  });
}
