-- Reverts observatory_rollups.
DROP FUNCTION IF EXISTS essor_observatory_rollup(smallint);
DROP TABLE IF EXISTS observatory_rollup;
DROP FUNCTION IF EXISTS essor_workforce_low(text);
DROP FUNCTION IF EXISTS essor_workforce_high(text);
