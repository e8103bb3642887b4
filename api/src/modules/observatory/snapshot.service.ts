import type { DataSource } from 'typeorm';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { liftStatementTimeout } from '../../common/db/statement-timeout';
import { PERIMETER_RULE_VERSION } from '../structure/perimeter';

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
    await queryRows(m, sql`SELECT pg_advisory_xact_lock(hashtext('essor-snapshot'), ${year})`);
    await queryRows(m, sql`DELETE FROM observatory_snapshot WHERE year = ${year}`);
    await queryRows(m, sql`DELETE FROM observatory_snapshot_sector WHERE year = ${year}`);
    const where = sql`s.in_perimeter AND s.active AND s.status <> 'ARCHIVED' AND s.commune_code IS NOT NULL`;
    const employer = sql`(s.employer IS TRUE OR coalesce(s.workforce_range, 'NN') NOT IN ('NN', '00') OR s.employees_declared > 0)`;
    await queryRows(
      m,
      sql`INSERT INTO observatory_snapshot
       SELECT ${year}, s.commune_code, s.ess_family, essor_naf_section(s.naf_code), coalesce(s.workforce_range, 'NN'),
         count(*), count(*) FILTER (WHERE ${employer}), count(s.employees_declared), coalesce(sum(s.employees_declared), 0)
       FROM structure s WHERE ${where} GROUP BY 2, 3, 4, 5`,
    );
    await queryRows(
      m,
      sql`INSERT INTO observatory_snapshot_sector
       SELECT ${year}, s.commune_code, ss.sector_id, s.ess_family, coalesce(s.workforce_range, 'NN'), count(*), count(*) FILTER (WHERE ${employer})
       FROM structure s JOIN structure_sector ss ON ss.structure_id = s.id WHERE ${where} GROUP BY 2, 3, 4, 5`,
    );
    // The rollups the dashboards read (per France, région, département, EPCI and commune): migrations/…_observatory_rollups.
    await queryRows(m, sql`SELECT essor_observatory_rollup(${year}::smallint)`);
    const { n } = (await queryRow(m, sql<{ n: number }>`SELECT count(*)::int AS n FROM structure s WHERE ${where}`))!;
    await queryRows(
      m,
      sql`INSERT INTO observatory_snapshot_run (year, computed_at, rule_version, structures)
       VALUES (${year}, now(), ${PERIMETER_RULE_VERSION}, ${n})
       ON CONFLICT (year) DO UPDATE SET computed_at = now(), rule_version = EXCLUDED.rule_version, structures = EXCLUDED.structures`,
    );
    return { year, structures: n };
  });
}
