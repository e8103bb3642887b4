-- An accepted « ajouter ma structure » keeps a link to the structure it created:
-- a NEW submission may now reference a structure; a CORRECTION still must.
ALTER TABLE structure_submission DROP CONSTRAINT structure_submission_check;
ALTER TABLE structure_submission ADD CONSTRAINT structure_submission_correction_has_structure
  CHECK (kind = 'NEW' OR structure_id IS NOT NULL);
