-- Essor: the core of the ESS ecosystem graph.
-- Territory (official codes), structures, sectors, networks, persons,
-- participatory spaces (workshops, chantiers, study days), mentor offers,
-- and the public submission queue.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; index expressions need an IMMUTABLE wrapper
-- that names its dictionary explicitly.
CREATE FUNCTION essor_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- ---------------------------------------------------------------- territory
CREATE TABLE region (
  code varchar(3) PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE departement (
  code varchar(3) PRIMARY KEY,
  name text NOT NULL,
  region_code varchar(3) NOT NULL REFERENCES region (code)
);
CREATE INDEX departement_region_idx ON departement (region_code, code);

CREATE TABLE epci (
  siren char(9) PRIMARY KEY CHECK (siren ~ '^[0-9]{9}$'),
  name text NOT NULL,
  kind varchar(8) NOT NULL,
  population integer CHECK (population >= 0)
);

CREATE TABLE commune (
  code varchar(5) PRIMARY KEY,
  name text NOT NULL,
  departement_code varchar(3) NOT NULL REFERENCES departement (code),
  epci_siren char(9) REFERENCES epci (siren),
  population integer CHECK (population >= 0),
  postal_codes text[] NOT NULL DEFAULT '{}',
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX commune_epci_idx ON commune (epci_siren, code);
CREATE INDEX commune_departement_idx ON commune (departement_code, code);
CREATE INDEX commune_name_trgm_idx ON commune USING gin (lower(essor_unaccent(name)) gin_trgm_ops);

-- ---------------------------------------------------------------- structures
CREATE TABLE structure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
  search_name text GENERATED ALWAYS AS (lower(essor_unaccent(name))) STORED,
  siren char(9) CHECK (siren ~ '^[0-9]{9}$'),
  siret char(14) UNIQUE CHECK (siret ~ '^[0-9]{14}$'),
  legal_category char(4) CHECK (legal_category ~ '^[0-9]{4}$'),
  ess_family varchar(16) NOT NULL
    CHECK (ess_family IN ('ASSOCIATION', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ENTREPRISE_ESS', 'OTHER')),
  ess_family_override varchar(16)
    CHECK (ess_family_override IN ('ASSOCIATION', 'COOPERATIVE', 'MUTUELLE', 'FONDATION', 'ENTREPRISE_ESS', 'OTHER')),
  naf_code varchar(6) CHECK (naf_code ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
  workforce_range varchar(2)
    CHECK (workforce_range IN ('NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53')),
  volunteer_count integer CHECK (volunteer_count >= 0),
  address text,
  postal_code varchar(5) CHECK (postal_code ~ '^[0-9]{5}$'),
  commune_code varchar(5) REFERENCES commune (code),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  website text,
  email text,
  phone text,
  description text,
  services text,
  values_statement text,
  accepts_interns boolean NOT NULL DEFAULT false,
  seeks_volunteers boolean NOT NULL DEFAULT false,
  esus boolean NOT NULL DEFAULT false,
  status varchar(10) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_verified_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK (siret IS NULL OR siren IS NULL OR left(siret, 9) = siren)
);
-- The public listing is ordered by (search_name, id) over published rows.
CREATE INDEX structure_published_name_idx ON structure (search_name, id) WHERE status = 'PUBLISHED';
CREATE INDEX structure_commune_idx ON structure (commune_code, search_name, id) WHERE status = 'PUBLISHED';
CREATE INDEX structure_family_idx ON structure (ess_family, search_name, id) WHERE status = 'PUBLISHED';
CREATE INDEX structure_legal_category_idx ON structure (legal_category) WHERE status = 'PUBLISHED';
CREATE INDEX structure_workforce_idx ON structure (workforce_range) WHERE status = 'PUBLISHED';
CREATE INDEX structure_created_idx ON structure (created_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX structure_name_trgm_idx ON structure USING gin (search_name gin_trgm_ops);
CREATE INDEX structure_siren_idx ON structure (siren);

-- ---------------------------------------------------------------- persons
CREATE TABLE person (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  first_name text,
  last_name text,
  email text,
  phone text,
  job_title text,
  bio text,
  structure_id bigint REFERENCES structure (id) ON DELETE SET NULL,
  is_public boolean NOT NULL DEFAULT false,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX person_structure_idx ON person (structure_id, id);

-- ---------------------------------------------------------------- sectors
CREATE TABLE sector (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug varchar(80) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE structure_sector (
  structure_id bigint NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
  sector_id bigint NOT NULL REFERENCES sector (id) ON DELETE CASCADE,
  PRIMARY KEY (structure_id, sector_id)
);
CREATE INDEX structure_sector_sector_idx ON structure_sector (sector_id, structure_id);

CREATE TABLE sector_facilitator (
  sector_id bigint NOT NULL REFERENCES sector (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  PRIMARY KEY (sector_id, person_id)
);
CREATE INDEX sector_facilitator_person_idx ON sector_facilitator (person_id, sector_id);

-- ---------------------------------------------------------------- networks
CREATE TABLE network (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug varchar(80) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL,
  acronym varchar(30),
  kind varchar(20) NOT NULL DEFAULT 'OTHER'
    CHECK (kind IN ('REGIONAL_CHAMBER', 'FEDERATION', 'LOCAL_NETWORK', 'NATIONAL_NETWORK', 'OTHER')),
  scope varchar(20) NOT NULL DEFAULT 'LOCAL' CHECK (scope IN ('LOCAL', 'DEPARTEMENT', 'REGION', 'NATIONAL')),
  description text,
  website text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE network_membership (
  network_id bigint NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  structure_id bigint NOT NULL REFERENCES structure (id) ON DELETE CASCADE,
  since date,
  PRIMARY KEY (network_id, structure_id)
);
CREATE INDEX network_membership_structure_idx ON network_membership (structure_id, network_id);

-- ------------------------------------------- participatory spaces of the network
-- Workshops (ateliers), chantiers and study days share one shape.
CREATE TABLE participatory_space (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind varchar(10) NOT NULL CHECK (kind IN ('WORKSHOP', 'CHANTIER', 'STUDY_DAY')),
  sector_id bigint NOT NULL REFERENCES sector (id),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  goal text NOT NULL,
  description text,
  status varchar(10) NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX participatory_space_kind_idx ON participatory_space (kind, id);
CREATE INDEX participatory_space_sector_idx ON participatory_space (sector_id, kind, id);

CREATE TABLE space_session (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id bigint NOT NULL REFERENCES participatory_space (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  place text,
  commune_code varchar(5) REFERENCES commune (code),
  notes text,
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX space_session_space_idx ON space_session (space_id, starts_at, id);
CREATE INDEX space_session_starts_idx ON space_session (starts_at, id);

CREATE TABLE space_participant (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id bigint NOT NULL REFERENCES participatory_space (id) ON DELETE CASCADE,
  structure_id bigint REFERENCES structure (id) ON DELETE CASCADE,
  person_id bigint REFERENCES person (id) ON DELETE CASCADE,
  role varchar(12) NOT NULL DEFAULT 'PARTICIPANT' CHECK (role IN ('FACILITATOR', 'CONTRIBUTOR', 'PARTICIPANT')),
  joined_at date,
  CHECK (num_nonnulls(structure_id, person_id) = 1),
  UNIQUE (space_id, structure_id),
  UNIQUE (space_id, person_id)
);
CREATE INDEX space_participant_structure_idx ON space_participant (structure_id, space_id);
CREATE INDEX space_participant_person_idx ON space_participant (person_id, space_id);

CREATE TABLE space_deliverable (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id bigint NOT NULL REFERENCES participatory_space (id) ON DELETE CASCADE,
  title text NOT NULL,
  kind varchar(10) NOT NULL DEFAULT 'OTHER' CHECK (kind IN ('REPORT', 'GUIDE', 'TOOL', 'EVENT', 'OTHER')),
  description text,
  url text,
  delivered_at date
);
CREATE INDEX space_deliverable_space_idx ON space_deliverable (space_id, id);

-- ---------------------------------------------------------------- mentoring
CREATE TABLE mentor_offer (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mentor_id bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  title text NOT NULL,
  themes text[] NOT NULL CHECK (
    cardinality(themes) > 0 AND themes <@ ARRAY['GOVERNANCE', 'BUSINESS_MODEL', 'HUMAN_RESOURCES', 'GROWTH',
      'FUNDING', 'COMMUNICATION', 'DIGITAL', 'LEGAL', 'IMPACT']::text[]),
  availability text,
  description text,
  status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FULL', 'CLOSED')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX mentor_offer_mentor_idx ON mentor_offer (mentor_id, id);
CREATE INDEX mentor_offer_themes_idx ON mentor_offer USING gin (themes);

-- ---------------------------------------------------- public submissions queue
-- "Ajouter ma structure" / "proposer une correction": pending until moderated.
CREATE TABLE structure_submission (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind varchar(12) NOT NULL CHECK (kind IN ('NEW', 'CORRECTION')),
  structure_id bigint REFERENCES structure (id) ON DELETE CASCADE,
  payload jsonb NOT NULL,
  submitter_name text,
  submitter_email text NOT NULL,
  message text,
  status varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'CORRECTION') = (structure_id IS NOT NULL))
);
CREATE INDEX structure_submission_status_idx ON structure_submission (status, created_at);
