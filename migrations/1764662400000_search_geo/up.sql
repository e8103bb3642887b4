-- Text + near-me searches at national scale: the words and the place in one GIN index.
--
-- The radius filter works on the `cube` column `location`, whose operators have no selectivity
-- estimator: with words and a place, the planner read every structure of one of the two
-- (≈ 100,000 rows each for « insertion » or the 20 km around Paris) and rechecked the other.
-- A grid of 0.1° × 0.1° cells gives the place a condition it can estimate, and a multicolumn GIN
-- index over (words, cell) intersects both inside the index: only the hits are read.

CREATE FUNCTION essor_geo_cell(lat double precision, lon double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT (floor(lat * 10)::int + 900) * 4000 + (floor(lon * 10)::int + 1800) $$;

COMMENT ON FUNCTION essor_geo_cell(double precision, double precision) IS
  'Cell of 0.1° × 0.1° holding a point (latitude index × 4000 + longitude index); see geoCells() in the API.';

-- Serves the words alone too (a GIN index answers any subset of its columns): it replaces the
-- single-column index.
CREATE INDEX structure_search_geo_idx ON structure
  USING gin (search_vector, (ARRAY[essor_geo_cell(latitude, longitude)]))
  WHERE status = 'PUBLISHED';
DROP INDEX structure_search_vector_idx;
