ALTER TABLE structure_submission DROP CONSTRAINT structure_submission_correction_has_structure;
UPDATE structure_submission SET structure_id = NULL WHERE kind = 'NEW';
ALTER TABLE structure_submission ADD CONSTRAINT structure_submission_check
  CHECK ((kind = 'CORRECTION') = (structure_id IS NOT NULL));
