DROP INDEX IF EXISTS structure_location_idx;
ALTER TABLE structure DROP COLUMN IF EXISTS location;
DROP FUNCTION IF EXISTS essor_sphere_point(double precision, double precision);
DROP INDEX IF EXISTS structure_search_vector_idx;
ALTER TABLE structure DROP COLUMN IF EXISTS search_vector;
DROP TEXT SEARCH CONFIGURATION IF EXISTS essor_fr;
DROP EXTENSION IF EXISTS cube;
