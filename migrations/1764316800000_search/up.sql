-- Directory search: French full-text search (accent-insensitive, stemmed, weighted:
-- name A, services B, description C), and a geographic point on the unit sphere
-- for radius filters and nearest-first ordering (KNN on a GiST index).

CREATE EXTENSION IF NOT EXISTS cube;

-- French stemming after unaccent, so « insérer » and « inserer » index alike.
CREATE TEXT SEARCH CONFIGURATION essor_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION essor_fr
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH public.unaccent, pg_catalog.french_stem;

ALTER TABLE structure ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('public.essor_fr'::regconfig, coalesce(name, '')), 'A') ||
  setweight(to_tsvector('public.essor_fr'::regconfig, coalesce(services, '')), 'B') ||
  setweight(to_tsvector('public.essor_fr'::regconfig, coalesce(description, '')), 'C')
) STORED;
CREATE INDEX structure_search_vector_idx ON structure USING gin (search_vector) WHERE status = 'PUBLISHED';

-- (x, y, z) on the unit sphere: the Euclidean (chord) distance orders exactly like the
-- great-circle distance, and cube's GiST index answers `ORDER BY location <-> centre`.
CREATE FUNCTION essor_sphere_point(lat double precision, lon double precision) RETURNS cube
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.cube(ARRAY[cos(radians(lat)) * cos(radians(lon)), cos(radians(lat)) * sin(radians(lon)), sin(radians(lat))]) $$;

ALTER TABLE structure ADD COLUMN location cube GENERATED ALWAYS AS (essor_sphere_point(latitude, longitude)) STORED;
CREATE INDEX structure_location_idx ON structure USING gist (location) WHERE status = 'PUBLISHED';
