-- Accounts, sessions, password resets and login throttling (all state in PostgreSQL, so the
-- API can run as several replicas), the append-only audit trail, the mail outbox,
-- GDPR consents, and moderation fields on submissions.

CREATE TABLE account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
  display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 120),
  password_hash text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}'
    CHECK (roles <@ ARRAY['ADMIN', 'STEERING', 'FACILITATOR', 'STRUCTURE_EDITOR', 'PARTNER']::text[]),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX account_email_key ON account (email);

-- Row-level scopes: the structures a structure editor may edit, the sectors a facilitator animates.
CREATE TABLE account_structure (
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  structure_id bigint NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, structure_id)
);
CREATE INDEX account_structure_structure_idx ON account_structure (structure_id);

CREATE TABLE account_sector (
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  sector_id bigint NOT NULL REFERENCES sector (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, sector_id)
);
CREATE INDEX account_sector_sector_idx ON account_sector (sector_id);

-- Only the SHA-256 of the session token is stored.
CREATE TABLE session (
  token_hash bytea PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  user_agent text,
  ip inet
);
CREATE INDEX session_account_idx ON session (account_id);
CREATE INDEX session_expires_idx ON session (expires_at);

CREATE TABLE password_reset (
  token_hash bytea PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_reset_account_idx ON password_reset (account_id);

-- Every login attempt, for rate limits per account (email) and per IP.
CREATE TABLE login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip inet,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_email_idx ON login_attempt (email, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);

-- Mail goes through a pluggable mailer; in development it lands here, readable by the admin.
CREATE TABLE mail_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);

-- Append-only audit trail: who, when, which entity, the fields before and after.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  account_id bigint REFERENCES account (id) ON DELETE SET NULL,
  actor text NOT NULL,
  action varchar(40) NOT NULL,
  entity_type varchar(40) NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_account_idx ON audit_log (account_id, id DESC);

CREATE FUNCTION essor_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION essor_audit_log_is_append_only();

-- GDPR: consents with scope, version and date; retention of personal data.
CREATE TABLE consent (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  scope varchar(40) NOT NULL,
  version varchar(20) NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz
);
CREATE INDEX consent_person_idx ON consent (person_id, scope);

ALTER TABLE person
  ADD COLUMN last_contact_at timestamptz,
  ADD COLUMN anonymised_at timestamptz,
  ADD COLUMN status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED'));

ALTER TABLE structure_submission
  ADD COLUMN reviewed_by bigint REFERENCES account (id) ON DELETE SET NULL,
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN reject_reason text;

-- Archived rows leave the public views: sectors, networks, spaces and offers get a status too.
ALTER TABLE sector ADD COLUMN status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED'));
ALTER TABLE network ADD COLUMN status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED'));
ALTER TABLE participatory_space ADD COLUMN archived boolean NOT NULL DEFAULT false;
