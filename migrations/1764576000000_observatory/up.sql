-- Observatory of the ESS: provenance of structures (SIRENE import), the ESS perimeter
-- (versioned rules + manual decisions), reference figures of other territories,
-- maintained yearly snapshots, and the monitoring of the action plan.

-- Provenance and SIRENE fields on structures.
ALTER TABLE structure
  ADD COLUMN source varchar(12) NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL', 'DEMO', 'SIRENE', 'IMPORT', 'SUBMISSION')),
  ADD COLUMN source_date date,
  ADD COLUMN sirene_ess_flag boolean,
  ADD COLUMN diffusible boolean NOT NULL DEFAULT true,
  ADD COLUMN active boolean NOT NULL DEFAULT true,
  ADD COLUMN employer boolean,
  ADD COLUMN employees_declared integer CHECK (employees_declared >= 0),
  ADD COLUMN in_perimeter boolean NOT NULL DEFAULT true,
  ADD COLUMN perimeter_decision varchar(8) CHECK (perimeter_decision IN ('INCLUDE', 'EXCLUDE')),
  ADD COLUMN perimeter_reason text,
  ADD CONSTRAINT structure_non_diffusible_never_public CHECK (diffusible OR status <> 'PUBLISHED'),
  ADD CONSTRAINT structure_perimeter_reason CHECK (perimeter_decision IS NULL OR length(btrim(perimeter_reason)) > 0);
UPDATE structure SET source = 'DEMO' WHERE is_demo;
CREATE INDEX structure_perimeter_idx ON structure (commune_code) WHERE in_perimeter AND active AND status <> 'ARCHIVED';

-- NAF rév. 2 section (A…U) of a code such as 88.99B.
CREATE FUNCTION essor_naf_section(naf text) RETURNS char(1)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE
    WHEN naf IS NULL OR naf !~ '^[0-9]{2}' THEN '?'
    WHEN left(naf, 2)::int <= 3 THEN 'A' WHEN left(naf, 2)::int <= 9 THEN 'B' WHEN left(naf, 2)::int <= 33 THEN 'C'
    WHEN left(naf, 2)::int = 35 THEN 'D' WHEN left(naf, 2)::int <= 39 THEN 'E' WHEN left(naf, 2)::int <= 43 THEN 'F'
    WHEN left(naf, 2)::int <= 47 THEN 'G' WHEN left(naf, 2)::int <= 53 THEN 'H' WHEN left(naf, 2)::int <= 56 THEN 'I'
    WHEN left(naf, 2)::int <= 63 THEN 'J' WHEN left(naf, 2)::int <= 66 THEN 'K' WHEN left(naf, 2)::int = 68 THEN 'L'
    WHEN left(naf, 2)::int <= 75 THEN 'M' WHEN left(naf, 2)::int <= 82 THEN 'N' WHEN left(naf, 2)::int = 84 THEN 'O'
    WHEN left(naf, 2)::int = 85 THEN 'P' WHEN left(naf, 2)::int <= 88 THEN 'Q' WHEN left(naf, 2)::int <= 93 THEN 'R'
    WHEN left(naf, 2)::int <= 96 THEN 'S' WHEN left(naf, 2)::int <= 98 THEN 'T' ELSE 'U' END $$;

-- SIRENE imports: progress for resuming, and the rejected lines.
CREATE TABLE sirene_import (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_key text NOT NULL,
  file_date date NOT NULL,
  territory text[] NOT NULL,
  phase varchar(16) NOT NULL DEFAULT 'ETABLISSEMENTS' CHECK (phase IN ('ETABLISSEMENTS', 'UNITES', 'UPSERT', 'DONE')),
  lines_done bigint NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  report jsonb
);
CREATE INDEX sirene_import_key_idx ON sirene_import (file_key, id DESC);

CREATE TABLE sirene_import_error (
  import_id bigint NOT NULL REFERENCES sirene_import (id) ON DELETE CASCADE,
  file varchar(16) NOT NULL,
  line bigint NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (import_id, file, line)
);

-- Staging tables filled by COPY, in batches committed with the progress row.
CREATE TABLE sirene_stage_etablissement (
  import_id bigint NOT NULL REFERENCES sirene_import (id) ON DELETE CASCADE,
  siret char(14) NOT NULL,
  siren char(9) NOT NULL,
  diffusible boolean NOT NULL,
  active boolean NOT NULL,
  employer boolean,
  workforce_range varchar(2),
  naf_code varchar(6),
  address text,
  postal_code varchar(5),
  commune_code varchar(5) NOT NULL,
  latitude double precision,
  longitude double precision,
  created_on date,
  PRIMARY KEY (import_id, siret)
);
CREATE TABLE sirene_stage_unite (
  import_id bigint NOT NULL REFERENCES sirene_import (id) ON DELETE CASCADE,
  siren char(9) NOT NULL,
  name text NOT NULL,
  legal_category char(4),
  ess_flag boolean,
  diffusible boolean NOT NULL,
  active boolean NOT NULL,
  naf_code varchar(6),
  -- Computed by the versioned rule when staged (api/src/modules/observatory/perimeter.ts).
  ess_family varchar(16) NOT NULL,
  in_perimeter boolean NOT NULL,
  PRIMARY KEY (import_id, siren)
);

-- Reference figures of other territories (Hauts-de-France, France…), with source and year.
CREATE TABLE reference_figure (
  territory_type varchar(12) NOT NULL CHECK (territory_type IN ('FRANCE', 'REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE', 'ZONE')),
  territory_code varchar(40) NOT NULL,
  territory_name text NOT NULL,
  indicator varchar(32) NOT NULL CHECK (indicator IN ('ESS_ESTABLISHMENTS', 'ESS_EMPLOYER_ESTABLISHMENTS', 'ESS_EMPLOYEES', 'TOTAL_EMPLOYEES', 'ESS_SHARE_PERCENT')),
  year smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  value numeric NOT NULL,
  source text NOT NULL,
  PRIMARY KEY (territory_type, territory_code, indicator, year)
);

-- Yearly snapshots at the grain commune × family × NAF section × workforce range, so
-- dashboards aggregate a small table instead of the structures (maintained, not
-- recomputed per request). Sectors have their own grain (a structure has several).
CREATE TABLE observatory_snapshot (
  year smallint NOT NULL,
  commune_code varchar(5) NOT NULL,
  ess_family varchar(16) NOT NULL,
  naf_section char(1) NOT NULL,
  workforce_range varchar(2) NOT NULL,
  establishments integer NOT NULL,
  employers integer NOT NULL,
  declared_count integer NOT NULL,
  declared_employees bigint NOT NULL,
  PRIMARY KEY (year, commune_code, ess_family, naf_section, workforce_range)
);
CREATE INDEX observatory_snapshot_year_idx ON observatory_snapshot (year, ess_family);

CREATE TABLE observatory_snapshot_sector (
  year smallint NOT NULL,
  commune_code varchar(5) NOT NULL,
  sector_id bigint NOT NULL REFERENCES sector (id) ON DELETE CASCADE,
  ess_family varchar(16) NOT NULL,
  workforce_range varchar(2) NOT NULL,
  establishments integer NOT NULL,
  employers integer NOT NULL,
  PRIMARY KEY (year, commune_code, sector_id, ess_family, workforce_range)
);

CREATE TABLE observatory_snapshot_run (
  year smallint PRIMARY KEY,
  computed_at timestamptz NOT NULL DEFAULT now(),
  rule_version text NOT NULL,
  structures integer NOT NULL
);

-- Action plan of the territorial mission: actions → objectives, milestones, indicators.
CREATE TABLE plan_action (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number smallint NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99),
  title text NOT NULL,
  description text,
  owner text,
  status varchar(12) NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'LATE', 'DONE')),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE plan_objective (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action_id bigint NOT NULL REFERENCES plan_action (id) ON DELETE CASCADE,
  title text NOT NULL
);
CREATE INDEX plan_objective_action_idx ON plan_objective (action_id, id);
CREATE TABLE plan_milestone (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action_id bigint NOT NULL REFERENCES plan_action (id) ON DELETE CASCADE,
  title text NOT NULL,
  due_on date,
  done_on date
);
CREATE INDEX plan_milestone_action_idx ON plan_milestone (action_id, due_on);
CREATE TABLE plan_indicator (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action_id bigint NOT NULL REFERENCES plan_action (id) ON DELETE CASCADE,
  code varchar(40) NOT NULL UNIQUE,
  title text NOT NULL,
  unit text NOT NULL DEFAULT '',
  target numeric,
  -- Computed from the graph when set; entered by hand otherwise.
  computed_key varchar(40) CHECK (computed_key IN ('STRUCTURES_PUBLISHED', 'STRUCTURES_FRESH_PERCENT', 'WORKSHOP_SESSIONS_HELD',
    'SPACE_PARTICIPANTS', 'MENTOR_OFFERS_OPEN', 'SUBMISSIONS_PROCESSED'))
);
CREATE INDEX plan_indicator_action_idx ON plan_indicator (action_id, id);
CREATE TABLE plan_indicator_value (
  indicator_id bigint NOT NULL REFERENCES plan_indicator (id) ON DELETE CASCADE,
  measured_on date NOT NULL,
  value numeric NOT NULL,
  note text,
  source varchar(8) NOT NULL CHECK (source IN ('MANUAL', 'COMPUTED')),
  recorded_by bigint REFERENCES account (id) ON DELETE SET NULL,
  PRIMARY KEY (indicator_id, measured_on)
);
CREATE TABLE steering_meeting (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  held_on date NOT NULL,
  title text NOT NULL,
  notes text
);
CREATE TABLE steering_decision (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id bigint NOT NULL REFERENCES steering_meeting (id) ON DELETE CASCADE,
  action_id bigint REFERENCES plan_action (id) ON DELETE SET NULL,
  text text NOT NULL,
  owner text,
  due_on date,
  status varchar(12) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
  follow_up text
);
CREATE INDEX steering_decision_meeting_idx ON steering_decision (meeting_id, id);
