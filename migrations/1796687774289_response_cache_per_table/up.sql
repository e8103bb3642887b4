-- Response cache invalidated per table, without a row every writer updates.
--
-- Before: one global `data_version` row, bumped by a statement trigger on ~32 tables. Every login
-- (`account`), every anonymous proposal (`structure_submission`) emptied the public cache, and every
-- writing transaction queued on that row until the previous one committed (4.2 s behind each hourly
-- snapshot refresh at 1 M structures); two transactions that bumped it in opposite orders with other
-- rows could deadlock.
--
-- Now:
--   * A versioned table carries the statement trigger `essor_note_table_write`, which inserts
--     (table name, id of the writing transaction) into `response_cache_write`, in the writing
--     transaction, once per transaction and table (ON CONFLICT DO NOTHING on that pair). Every
--     transaction inserts keys of its own xid only: writers never wait for each other here, whatever
--     tables they write (not even two writers of the same table).
--   * A cached answer (`response_cache`) records the tables its statements read (`tables`, found by
--     the API in the SQL text: common/cache/tables-read.ts) and `snapshot`, the pg_current_snapshot()
--     of the cache look-up statement, which ran before any statement of the answer.
--   * An entry is served only if no committed write to one of its tables is invisible in its snapshot
--     (and it has not expired, and its snapshot is not older than the horizon, see below).
--
-- Correctness (a reader that computed its answer before a writer committed never serves that answer
-- once the commit is visible). Let R be the request that stored entry E with snapshot S, and W a
-- transaction that writes a table T that R read. W inserts its row (T, xid(W)) in the same transaction
-- as its data, so the row becomes visible exactly when W's data does.
--   - If W is visible in S (W committed before the look-up), every later statement of R saw W's data
--     too (snapshots taken later see at least what S saw): E includes W's changes, and W's row, visible
--     in S, never invalidates E.
--   - Otherwise (W was running at S, or started after S), R may have missed W. Once W's commit is
--     visible to a reader, so is its row (T, xid(W)), which is not visible in S: E is not served.
--     Before that commit is visible, serving E is what reading the data would give.
--   An aborted W leaves no row. `pg_current_xact_id()` is the top-level transaction id, the one
--   snapshots list (a write in a subtransaction commits with its top-level transaction).
--   Exempt tables (no trigger) are read by no public query: a test runs every public operation and
--   checks, from PostgreSQL's own plans, that each table they read is versioned.
--
-- Compaction. Rows of `response_cache_write` are deleted by the periodic purge once below the horizon
-- H (`response_cache_horizon`), raised in the same transaction as the deletion, never lowered, and
-- never above the xmin of the purge's own snapshot (every transaction below it has ended). An entry is
-- served only if its snapshot's xmin ≥ H: every transaction below xmin(S) ended before S, so a deleted
-- row (xid < H ≤ xmin(S)) was visible in S and could not invalidate it. A reader sees the raised
-- horizon and the deleted rows together (one commit). The purge sets H to the smallest xmin of the
-- entries still valid, so that they stay valid; an answer in flight meanwhile may be stored under an
-- older snapshot and is then never served (a miss, nothing worse).
--
-- `response_cache_write` is unlogged like `response_cache`: a crash or a base backup empties both at
-- once (no entry survives its writes). The horizon is logged: it must never go back.

DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tgname, tgrelid::regclass AS tbl FROM pg_trigger WHERE tgfoid = 'essor_bump_data_version'::regproc LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.tbl);
  END LOOP;
END $$;
DROP FUNCTION essor_bump_data_version();
DROP TABLE data_version;

-- Entries of the former design have no snapshot: dropped.
TRUNCATE response_cache;
ALTER TABLE response_cache
  DROP COLUMN version,
  ADD COLUMN snapshot pg_snapshot NOT NULL,
  ADD COLUMN tables text[] NOT NULL;

CREATE UNLOGGED TABLE response_cache_write (
  table_name text NOT NULL,
  xid xid8 NOT NULL,
  PRIMARY KEY (table_name, xid)
);

CREATE TABLE response_cache_horizon (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  xid xid8 NOT NULL
);
INSERT INTO response_cache_horizon (id, xid) VALUES (true, pg_snapshot_xmin(pg_current_snapshot()));

CREATE FUNCTION essor_note_table_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO response_cache_write (table_name, xid) VALUES (TG_TABLE_NAME, pg_current_xact_id()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

COMMENT ON FUNCTION essor_note_table_write() IS
  'Statement trigger of the tables public queries read: records that this transaction wrote the table (response cache invalidation).';

-- Every table but those public queries never read: sessions and security (account, session,
-- login_attempt, password_reset, rate_limit_counter), mail, audit, the moderation queue
-- (structure_submission), imports in progress, the mission's accompaniment files and the cache
-- itself. A test fails when a table has neither the trigger nor a place in its exempt list.
-- `observatory_snapshot_run`, exempt before, is versioned: the public observatory reads it (years,
-- computedAt), which the test of the tables public operations read found.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (
      'response_cache', 'response_cache_write', 'response_cache_horizon', 'migrations',
      'account', 'session', 'login_attempt', 'password_reset', 'rate_limit_counter',
      'mail_outbox', 'audit_log', 'structure_submission',
      'sirene_import', 'sirene_import_error', 'sirene_stage_etablissement', 'sirene_stage_unite',
      'carrier_project', 'carrier_project_referral', 'carrier_project_stage_change')
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION essor_note_table_write()',
      t || '_cache_write', t);
  END LOOP;
END $$;
