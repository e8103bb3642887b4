-- Observatory rollups: the figures of the dashboards, maintained at snapshot refresh time per
-- territory unit, so that a request reads a few hundred rows by key instead of aggregating the
-- snapshots (issue « Observatory »: p95 under 200 ms at 1 M structures; aggregates maintained,
-- not recomputed per request).
--
-- One row per year × unit × sector (0: every structure) × NAF section ('*': every section) × ESS
-- family, with the employee estimates already summed (they are linear in the counts of each
-- workforce range, so sums of sums are exact); the rows of the breakdowns by EPCI and by commune
-- (NAF section '*', sector 0) also have an ESS family '*' (every family), read without a family
-- filter. The units:
--   FRANCE       code ''                 every NAF section (sector 0) and every sector ('*')
--   REGION       code = région           idem
--   DEPARTEMENT  code = département      idem
--   EPCI         code = SIREN, or '' for the communes without an EPCI, one unit per département it
--                lies in (89 EPCIs straddle départements): every NAF section and '*' (sector 0),
--                every sector ('*'); the '*' rows give `byEpci` of every scope
--   COMMUNE      code = INSEE code       '*' only, sector 0: `byCommune` (the sector filter reads
--                the detailed sector snapshot of the scope's communes)
-- `departement_code` is the unit's département (EPCI parts, communes, départements), '' above.
-- Built from the detailed snapshots by `essor_observatory_rollup(year)`, which `refreshSnapshot`
-- calls in its transaction; scopes given by commune lists still read the detailed snapshots.

-- Employees of an INSEE workforce range: low and high bounds, the open top range counting its
-- floor, unknown ranges 0. The same table as WORKFORCE_BOUNDS (api/src/modules/observatory/
-- workforce-estimate.ts; a test compares them). Scalar SQL functions: inlined by the planner.
CREATE FUNCTION essor_workforce_low(workforce_range text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE workforce_range
    WHEN '01' THEN 1 WHEN '02' THEN 3 WHEN '03' THEN 6 WHEN '11' THEN 10 WHEN '12' THEN 20 WHEN '21' THEN 50 WHEN '22' THEN 100
    WHEN '31' THEN 200 WHEN '32' THEN 250 WHEN '41' THEN 500 WHEN '42' THEN 1000 WHEN '51' THEN 2000 WHEN '52' THEN 5000
    WHEN '53' THEN 10000 ELSE 0 END $$;
CREATE FUNCTION essor_workforce_high(workforce_range text) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE workforce_range
    WHEN '01' THEN 2 WHEN '02' THEN 5 WHEN '03' THEN 9 WHEN '11' THEN 19 WHEN '12' THEN 49 WHEN '21' THEN 99 WHEN '22' THEN 199
    WHEN '31' THEN 249 WHEN '32' THEN 499 WHEN '41' THEN 999 WHEN '42' THEN 1999 WHEN '51' THEN 4999 WHEN '52' THEN 9999
    WHEN '53' THEN 10000 ELSE 0 END $$;

CREATE TABLE observatory_rollup (
  year smallint NOT NULL,
  level varchar(11) NOT NULL CHECK (level IN ('FRANCE', 'REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE')),
  code varchar(9) NOT NULL,
  departement_code varchar(3) NOT NULL,
  -- 0: every structure; otherwise the structures of that sector (no NAF section, no declared figures).
  sector_id bigint NOT NULL,
  naf_section char(1) NOT NULL,
  ess_family varchar(16) NOT NULL,
  establishments integer NOT NULL,
  employers integer NOT NULL,
  declared_count integer NOT NULL,
  declared_employees bigint NOT NULL,
  -- Employees of the establishments without a declared figure, from the bounds of their workforce
  -- ranges (the estimate's midpoint is their half-sum).
  estimated_low bigint NOT NULL,
  estimated_high bigint NOT NULL,
  PRIMARY KEY (year, level, code, departement_code, sector_id, naf_section, ess_family),
  CHECK (sector_id = 0 OR (naf_section = '*' AND declared_count = 0))
);
-- The breakdowns by EPCI and by commune of a scope: the '*' rows of a level, by département.
CREATE INDEX observatory_rollup_breakdown_idx ON observatory_rollup (year, level, sector_id, naf_section, departement_code);

-- Rebuilds the rollups of a year from its detailed snapshots (called by refreshSnapshot, in its
-- transaction). Returns the rows written. Rows are written in key order, so that the rows of a unit
-- share a few heap pages.
CREATE FUNCTION essor_observatory_rollup(y smallint) RETURNS integer LANGUAGE plpgsql
  SET work_mem = '256MB'
AS $$
DECLARE
  written integer := 0;
  step integer;
BEGIN
  DELETE FROM observatory_rollup WHERE year = y;
  -- EPCI parts by NAF section, and communes, from the detailed snapshot.
  INSERT INTO observatory_rollup
  SELECT y, CASE WHEN GROUPING(commune) = 0 THEN 'COMMUNE' ELSE 'EPCI' END, coalesce(commune, epci), dep, 0,
    coalesce(naf, '*'), coalesce(fam, '*'), sum(n), sum(emp), sum(dc), sum(de), sum(lo), sum(hi)
  FROM (
    SELECT c.departement_code AS dep, coalesce(c.epci_siren::text, '') AS epci, c.code AS commune, o.naf_section AS naf,
      o.ess_family AS fam, o.establishments AS n, o.employers AS emp, o.declared_count AS dc, o.declared_employees AS de,
      (o.establishments - o.declared_count)::bigint * essor_workforce_low(o.workforce_range) AS lo,
      (o.establishments - o.declared_count)::bigint * essor_workforce_high(o.workforce_range) AS hi
    FROM observatory_snapshot o JOIN commune c ON c.code = o.commune_code
    WHERE o.year = y
  ) s
  GROUP BY GROUPING SETS ((dep, epci, naf, fam), (dep, epci, commune, fam), (dep, epci, commune))
  ORDER BY 2, 3, 4, 5, 6, 7;
  GET DIAGNOSTICS step = ROW_COUNT;
  written := written + step;
  -- EPCI parts by sector, from the detailed sector snapshot.
  INSERT INTO observatory_rollup
  SELECT y, 'EPCI', coalesce(c.epci_siren::text, ''), c.departement_code, o.sector_id, '*', o.ess_family,
    sum(o.establishments), sum(o.employers), 0, 0,
    sum(o.establishments::bigint * essor_workforce_low(o.workforce_range)),
    sum(o.establishments::bigint * essor_workforce_high(o.workforce_range))
  FROM observatory_snapshot_sector o JOIN commune c ON c.code = o.commune_code
  WHERE o.year = y
  GROUP BY c.departement_code, coalesce(c.epci_siren::text, ''), o.sector_id, o.ess_family
  ORDER BY 3, 4, 5, 7;
  GET DIAGNOSTICS step = ROW_COUNT;
  written := written + step;
  -- Every EPCI part ('*': the breakdown by EPCI), département, région and France, from the EPCI parts.
  INSERT INTO observatory_rollup
  SELECT y, CASE WHEN GROUPING(r.code) = 0 THEN 'EPCI' WHEN GROUPING(d.region_code) = 1 THEN 'FRANCE'
                 WHEN GROUPING(r.departement_code) = 1 THEN 'REGION' ELSE 'DEPARTEMENT' END,
    CASE WHEN GROUPING(r.code) = 0 THEN r.code WHEN GROUPING(d.region_code) = 1 THEN ''
         WHEN GROUPING(r.departement_code) = 1 THEN d.region_code ELSE r.departement_code END,
    coalesce(r.departement_code, ''), r.sector_id, CASE WHEN GROUPING(r.naf_section) = 1 THEN '*' ELSE r.naf_section END,
    coalesce(r.ess_family, '*'), sum(r.establishments), sum(r.employers), sum(r.declared_count), sum(r.declared_employees),
    sum(r.estimated_low), sum(r.estimated_high)
  FROM observatory_rollup r JOIN departement d ON d.code = r.departement_code
  WHERE r.year = y AND r.level = 'EPCI'
  GROUP BY GROUPING SETS ((r.sector_id, r.naf_section, r.ess_family), (d.region_code, r.sector_id, r.naf_section, r.ess_family),
    (d.region_code, r.departement_code, r.sector_id, r.naf_section, r.ess_family),
    (r.departement_code, r.code, r.sector_id, r.ess_family), (r.departement_code, r.code, r.sector_id))
  -- (the last two sets: the '*' rows of the EPCI parts, by family and for every family, sector 0 only: their
  -- sector rows already are '*')
  HAVING GROUPING(r.code) = 1 OR (r.sector_id = 0 AND GROUPING(r.naf_section) = 1)
  ORDER BY 2, 3, 4, 5, 6, 7;
  GET DIAGNOSTICS step = ROW_COUNT;
  -- Fresh statistics for the plans of the dashboards' statements.
  ANALYZE observatory_rollup;
  RETURN written + step;
END $$;

-- Public data: bumps the data version of the response cache, like the snapshots.
CREATE TRIGGER observatory_rollup_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON observatory_rollup
  FOR EACH STATEMENT EXECUTE FUNCTION essor_bump_data_version();

-- Rollups of the years already in the snapshots; cached answers of the former shape (every commune
-- of France) are dropped by the version bump.
SELECT essor_observatory_rollup(year) FROM observatory_snapshot_run ORDER BY year;
UPDATE data_version SET version = version + 1;
