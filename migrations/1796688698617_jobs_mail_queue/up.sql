-- jobs_mail_queue: the outbox becomes a queue of mail to send (one graphile-worker job per mail),
-- and the runs of the background jobs are recorded (the admin page « Tâches planifiées »).
--
-- A queued mail holds no secret: a template name and non-secret parameters (an account id, a
-- submission id). The sending job renders the message, creating a reset token at that moment
-- (only its hash goes into password_reset), and hands it to SMTP. The rendered text is kept in
-- `body` only when no SMTP transport is configured (development: the admin reads it in the outbox)
-- or when the template holds no secret.
-- graphile-worker's own tables live in the `graphile_worker` schema, installed by its runMigrations
-- (bootstrap.ts), not by these SQL migrations.
--
-- No public data in either table: no cache-write trigger (exempt in response-cache.spec).

ALTER TABLE mail_outbox
  ADD COLUMN template varchar(40),
  ADD COLUMN params jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN status varchar(10) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN last_error text,
  -- How a sent mail left: 'smtp', or 'outbox' (no transport configured: kept here, development).
  ADD COLUMN transport varchar(10) CHECK (transport IN ('smtp', 'outbox')),
  ADD COLUMN html text,
  ALTER COLUMN body DROP NOT NULL;
-- Mail written before this migration went to the outbox only.
UPDATE mail_outbox SET status = 'sent', transport = 'outbox', sent_at = coalesce(sent_at, created_at);
CREATE INDEX mail_outbox_status_idx ON mail_outbox (status, id DESC);
-- The purge of sent and failed mail (retention).
CREATE INDEX mail_outbox_finished_idx ON mail_outbox (coalesce(sent_at, created_at)) WHERE status <> 'queued';

CREATE TABLE job_run (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- graphile-worker's task identifier (`retention`, `send-mail`…) and job id.
  job_name varchar(60) NOT NULL,
  job_id bigint,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  outcome varchar(10) NOT NULL CHECK (outcome IN ('success', 'failure', 'retry')),
  -- Sanitised: no personal data, no parameters (common/jobs/job-runner.ts).
  error text,
  attempt integer NOT NULL CHECK (attempt >= 1),
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  -- Why it ran: its schedule (cron), an admin's « Lancer maintenant », or an event (a mail to send).
  trigger varchar(10) NOT NULL CHECK (trigger IN ('schedule', 'manual', 'event')),
  -- Counts the job reported (rows purged, persons anonymised…), never personal data.
  result jsonb
);
CREATE INDEX job_run_name_idx ON job_run (job_name, id DESC);
CREATE INDEX job_run_started_idx ON job_run (started_at);
