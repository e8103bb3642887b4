-- Reverts structure_search_name_not_null.
ALTER TABLE structure ALTER COLUMN search_name DROP NOT NULL;
