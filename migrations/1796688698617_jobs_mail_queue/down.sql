-- Reverts jobs_mail_queue.
DROP TABLE IF EXISTS job_run;
DROP INDEX IF EXISTS mail_outbox_finished_idx;
DROP INDEX IF EXISTS mail_outbox_status_idx;
-- Queued mail was never rendered: the old outbox only knew rendered messages.
DELETE FROM mail_outbox WHERE body IS NULL;
ALTER TABLE mail_outbox
  ALTER COLUMN body SET NOT NULL,
  DROP COLUMN html,
  DROP COLUMN transport,
  DROP COLUMN last_error,
  DROP COLUMN attempts,
  DROP COLUMN status,
  DROP COLUMN params,
  DROP COLUMN template;
