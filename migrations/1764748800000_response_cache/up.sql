-- Response cache of anonymous public queries, shared by every replica of the API.
--
-- `data_version` is bumped, in the writing transaction, by every statement that changes a table
-- public queries read; a cached response is served only under the version it was computed with,
-- so an edit is visible at once, and the TTL bounds what depends on time alone. A reader that saw
-- version v before a writer committed can only store its response under v, which no one asks for
-- once v + 1 is visible: the bump is transactional (a row, not a sequence) for that reason.

CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (true, 1);

-- A cache: losing it in a crash costs nothing, so no WAL.
CREATE UNLOGGED TABLE response_cache (
  key text PRIMARY KEY,
  version bigint NOT NULL,
  body text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE FUNCTION essor_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END $$;

-- Every table but those of sessions, security, mail, audit, imports in progress and the cache
-- itself. A test fails when a table has neither the trigger nor a place in this list.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (
      'data_version', 'response_cache', 'migrations', 'session', 'login_attempt', 'password_reset',
      'mail_outbox', 'audit_log', 'sirene_import', 'sirene_import_error', 'sirene_stage_etablissement',
      'sirene_stage_unite', 'observatory_snapshot_run')
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION essor_bump_data_version()',
      t || '_data_version', t);
  END LOOP;
END $$;
