CREATE INDEX structure_search_vector_idx ON structure USING gin (search_vector) WHERE status = 'PUBLISHED';
DROP INDEX structure_search_geo_idx;
DROP FUNCTION essor_geo_cell(double precision, double precision);
