-- Reverts accompaniment.
DELETE FROM plan_indicator WHERE code = 'tutorats-en-cours';
UPDATE plan_indicator SET computed_key = NULL, title = 'Porteurs de projet accompagnés', unit = 'porteurs'
  WHERE code = 'porteurs-accompagnes';
UPDATE plan_indicator SET computed_key = NULL WHERE computed_key IN ('CARRIERS_SUPPORTED', 'MENTORSHIPS_ACTIVE');
ALTER TABLE plan_indicator DROP CONSTRAINT plan_indicator_computed_key_check;
ALTER TABLE plan_indicator ADD CONSTRAINT plan_indicator_computed_key_check CHECK (computed_key IN ('STRUCTURES_PUBLISHED',
  'STRUCTURES_FRESH_PERCENT', 'WORKSHOP_SESSIONS_HELD', 'SPACE_PARTICIPANTS', 'MENTOR_OFFERS_OPEN', 'SUBMISSIONS_PROCESSED'));
DROP TABLE IF EXISTS carrier_project_referral;
DROP TABLE IF EXISTS carrier_project_stage_change;
DROP TABLE IF EXISTS carrier_project;
