-- Accompaniment of project carriers (« Accompagnement des porteurs de projet », action 4 of the plan):
-- a project carried by a person of the graph, its stage in the mission's pipeline and the history of
-- its stages, its referrals to the structures that accompany it, an optional mentorship (an offer of
-- « tutorat ») and the mission's technical opinion. Optimistic locking (`version`) and archiving, as
-- everywhere else.
--
-- Personal data: the project belongs to a `person`, so the person's export covers it and erasure (or
-- retention) anonymises its free texts (title, description, notes, opinion) while the rows, stages and
-- dates stay for the aggregates (`anonymised_at`).
--
-- Admin data only (ADMIN and STEERING read it, no public query does): no `essor_bump_data_version`
-- trigger on these tables (listed as exempt in response-cache.spec).

CREATE TABLE carrier_project (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  description text,
  commune_code varchar(5) REFERENCES commune (code),
  sector_id bigint REFERENCES sector (id),
  -- RECEIVED (accueil) → DIAGNOSIS → REFERRED (orienté) → SUPPORTED (accompagné) → LAUNCHED (créé, lancé); or ABANDONED.
  stage varchar(10) NOT NULL DEFAULT 'RECEIVED'
    CHECK (stage IN ('RECEIVED', 'DIAGNOSIS', 'REFERRED', 'SUPPORTED', 'LAUNCHED', 'ABANDONED')),
  stage_changed_on date NOT NULL DEFAULT current_date,
  -- Mentorship (tutorat): an offer and its dates, or nothing.
  mentor_offer_id bigint REFERENCES mentor_offer (id),
  mentorship_starts_on date,
  mentorship_ends_on date,
  CHECK ((mentor_offer_id IS NULL) = (mentorship_starts_on IS NULL)),
  CHECK (mentorship_ends_on IS NULL OR (mentorship_starts_on IS NOT NULL AND mentorship_ends_on >= mentorship_starts_on)),
  -- The mission's technical opinion (avis technique).
  opinion varchar(12) CHECK (opinion IN ('FAVORABLE', 'RESERVED', 'UNFAVORABLE')),
  opinion_text text,
  opinion_on date,
  opinion_by bigint REFERENCES account (id) ON DELETE SET NULL,
  CHECK ((opinion IS NULL) = (opinion_on IS NULL)),
  archived boolean NOT NULL DEFAULT false,
  -- When the carrier's personal data were erased: the free texts were emptied.
  anonymised_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX carrier_project_person_idx ON carrier_project (person_id, id);
CREATE INDEX carrier_project_stage_idx ON carrier_project (stage, id) WHERE NOT archived;
CREATE INDEX carrier_project_commune_idx ON carrier_project (commune_code, id);
CREATE INDEX carrier_project_sector_idx ON carrier_project (sector_id, id);
CREATE INDEX carrier_project_mentor_offer_idx ON carrier_project (mentor_offer_id) WHERE mentor_offer_id IS NOT NULL;

-- Every stage a project went through: the first row (from_stage NULL) is its creation.
CREATE TABLE carrier_project_stage_change (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES carrier_project (id) ON DELETE CASCADE,
  from_stage varchar(10) CHECK (from_stage IN ('RECEIVED', 'DIAGNOSIS', 'REFERRED', 'SUPPORTED', 'LAUNCHED', 'ABANDONED')),
  to_stage varchar(10) NOT NULL
    CHECK (to_stage IN ('RECEIVED', 'DIAGNOSIS', 'REFERRED', 'SUPPORTED', 'LAUNCHED', 'ABANDONED')),
  -- The day the change happened (given by the mission, not in the future), and when it was recorded, by whom.
  changed_on date NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  account_id bigint REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX carrier_project_stage_change_project_idx ON carrier_project_stage_change (project_id, id);
CREATE INDEX carrier_project_stage_change_to_idx ON carrier_project_stage_change (to_stage, project_id);

-- Referrals (orientations) of a project to a structure offering support.
CREATE TABLE carrier_project_referral (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES carrier_project (id) ON DELETE CASCADE,
  structure_id bigint NOT NULL REFERENCES structure (id),
  referred_on date NOT NULL,
  status varchar(10) NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'DONE')),
  note text,
  account_id bigint REFERENCES account (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX carrier_project_referral_project_idx ON carrier_project_referral (project_id, id);
CREATE INDEX carrier_project_referral_structure_idx ON carrier_project_referral (structure_id, project_id);

-- The plan's indicators computed from these tables. Fresh databases get them from plan-seed.ts (the
-- plan is seeded after the migrations); here, databases whose plan was already seeded.
ALTER TABLE plan_indicator DROP CONSTRAINT plan_indicator_computed_key_check;
ALTER TABLE plan_indicator ADD CONSTRAINT plan_indicator_computed_key_check CHECK (computed_key IN ('STRUCTURES_PUBLISHED',
  'STRUCTURES_FRESH_PERCENT', 'WORKSHOP_SESSIONS_HELD', 'SPACE_PARTICIPANTS', 'MENTOR_OFFERS_OPEN', 'SUBMISSIONS_PROCESSED',
  'CARRIERS_SUPPORTED', 'MENTORSHIPS_ACTIVE'));
UPDATE plan_indicator SET computed_key = 'CARRIERS_SUPPORTED', title = 'Projets de porteurs accompagnés', unit = 'projets'
  WHERE code = 'porteurs-accompagnes';
INSERT INTO plan_indicator (action_id, code, title, unit, target, computed_key)
  SELECT id, 'tutorats-en-cours', 'Tutorats de porteurs de projet en cours', 'tutorats', 10, 'MENTORSHIPS_ACTIVE'
  FROM plan_action WHERE number = 5
  ON CONFLICT (code) DO NOTHING;
