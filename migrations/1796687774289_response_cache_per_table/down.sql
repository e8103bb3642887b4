-- Reverts response_cache_per_table: back to one global data version (1764748800000_response_cache),
-- bumped by the tables that now note their writes (but observatory_snapshot_run, exempt then), and by
-- the two this migration exempted.

CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (true, 1);

CREATE FUNCTION essor_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT g.tgname, c.relname AS tbl FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
    WHERE g.tgfoid = 'essor_note_table_write'::regproc
    UNION ALL
    SELECT NULL, t FROM unnest(ARRAY['account', 'structure_submission']) AS t
  LOOP
    IF r.tgname IS NOT NULL THEN
      EXECUTE format('DROP TRIGGER %I ON %I', r.tgname, r.tbl);
    END IF;
    CONTINUE WHEN r.tbl = 'observatory_snapshot_run';
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION essor_bump_data_version()',
      r.tbl || '_data_version', r.tbl);
  END LOOP;
END $$;
DROP FUNCTION essor_note_table_write();

DROP TABLE response_cache_horizon;
DROP TABLE response_cache_write;
TRUNCATE response_cache;
ALTER TABLE response_cache
  DROP COLUMN snapshot,
  DROP COLUMN tables,
  ADD COLUMN version bigint NOT NULL;
